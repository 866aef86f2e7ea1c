import { defineConfig } from "vitest/config";

const packages = ["api", "db", "fusion", "imaging", "phantom", "trainer", "web"];

export default defineConfig({
  test: {
    projects: packages.map((name) => ({
      test: {
        name,
        root: `./${name}`,
        include: ["src/**/*.test.ts", "bench/**/*.test.ts"],
        testTimeout: 60_000,
        hookTimeout: 60_000,
      },
    })),
  },
});
