import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@shared": fileURLToPath(new URL("./shared", import.meta.url)),
      "@server": fileURLToPath(new URL("./server", import.meta.url)),
      "@": fileURLToPath(new URL("./client", import.meta.url)),
    },
  },
  test: {
    include: ["shared/**/*.test.ts", "server/**/*.test.ts", "client/**/*.test.ts", "client/**/*.test.tsx"],
    // PGlite instances are heavy (~4 s start); files share one each, so keep parallelism at the core count.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
