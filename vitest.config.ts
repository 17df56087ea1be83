import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    // Vitest's default is one worker per core but one: a single worker on a 2-core CI machine, where the
    // files then run one after another. Most files are single-threaded computation, so one per core.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
