import { existsSync } from "node:fs";
import { defineConfig } from "vitest/config";

const packages = ["api", "db", "fusion", "imaging", "phantom", "trainer", "web"];

// BullMQ tests need Redis, and workers in other processes need a database they can share, i.e.
// PostgreSQL: they run where both are configured (CI, .ci/run) and are not collected elsewhere.
const withQueueServices = Boolean(process.env.REDIS_URL && process.env.DATABASE_URL);
if (!withQueueServices) {
  console.log(
    "Redis/BullMQ tests (*.redis.test.ts) not collected: set REDIS_URL and DATABASE_URL to run them",
  );
}

// Browser tests drive Debian's Chromium (no test tool can download its own browser here): they
// run where it is installed (CI installs it) and are not collected elsewhere.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const withChromium = existsSync(chromium);
if (!withChromium) {
  console.log(
    `browser tests (web/src/e2e) not collected: no Chromium at ${chromium} (apt-get install chromium)`,
  );
}

const excluded = [
  ...(withQueueServices ? [] : ["**/*.redis.test.ts"]),
  ...(withChromium ? [] : ["src/e2e/**"]),
];

export default defineConfig({
  test: {
    projects: packages.map((name) => ({
      test: {
        name,
        root: `./${name}`,
        include: ["src/**/*.test.ts", "bench/**/*.test.ts"],
        exclude: excluded,
        testTimeout: 60_000,
        hookTimeout: 60_000,
      },
    })),
  },
});
