import { z } from "zod";

// an exported-but-empty variable means "unset", as shells and .env files commonly leave them
const optionalUrl = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.string().url().optional(),
);

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: optionalUrl,
  REDIS_URL: optionalUrl,
  DATA_DIR: z.string().default("./data"),
  /** load the demo study into an empty database */
  DEMO_DATA: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((value) => value === "true" || value === "1"),
  /** the password of every demo account (see the README); only used when the demo is loaded */
  DEMO_PASSWORD: z.string().min(1).default("demo"),
});

export type Config = z.infer<typeof configSchema>;

/** Reads the environment once, failing with every bad variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`invalid configuration: ${problems.join("; ")}`);
  }
  return parsed.data;
}
