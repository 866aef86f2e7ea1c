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

export default defineConfig({
  test: {
    projects: packages.map((name) => ({
      test: {
        name,
        root: `./${name}`,
        include: ["src/**/*.test.ts", "bench/**/*.test.ts"],
        exclude: withQueueServices ? [] : ["**/*.redis.test.ts"],
        testTimeout: 60_000,
        hookTimeout: 60_000,
      },
    })),
  },
});
