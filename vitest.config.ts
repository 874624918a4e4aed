import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const alias = {
  "@shared": fileURLToPath(new URL("./shared", import.meta.url)),
  "@server": fileURLToPath(new URL("./server", import.meta.url)),
  "@": fileURLToPath(new URL("./client", import.meta.url)),
};

const dbProject = (kind: "pglite" | "postgres"): TestProjectInlineConfiguration => ({
  resolve: { alias },
  test: {
    name: `server-${kind}`,
    include: ["server/**/*.test.ts"],
    env: { TEST_DB: kind },
    globalSetup: ["server/test/global-setup.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

// The integration suite runs on PGlite always, and again on a real PostgreSQL when TEST_DATABASE_URL is set.
export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["shared/**/*.test.ts", "client/**/*.test.{ts,tsx}"], testTimeout: 30_000 } },
      dbProject("pglite"),
      ...(process.env.TEST_DATABASE_URL ? [dbProject("postgres")] : []),
    ],
  },
});
