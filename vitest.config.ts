import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const alias = {
  "@shared": fileURLToPath(new URL("./shared", import.meta.url)),
  "@server": fileURLToPath(new URL("./server", import.meta.url)),
  "@": fileURLToPath(new URL("./client", import.meta.url)),
};

// The outage test stops a PostgreSQL cluster of its own, so it needs the PostgreSQL binaries, and it runs once:
// in the PostgreSQL project when there is one, else in the PGlite one.
const hasPostgresBinaries =
  existsSync("/usr/lib/postgresql") && readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
const outageHere = (kind: "pglite" | "postgres") => hasPostgresBinaries && (kind === "postgres") === !!process.env.TEST_DATABASE_URL;

const dbProject = (kind: "pglite" | "postgres"): TestProjectInlineConfiguration => ({
  resolve: { alias },
  test: {
    name: `server-${kind}`,
    include: ["server/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(outageHere(kind) ? [] : ["server/test/reliability/outage.test.ts"])],
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
