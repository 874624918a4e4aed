import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "../db/client.ts";
import { seedReference } from "../db/seed/demo.ts";

const root = path.resolve(import.meta.dirname, "../..");
export const templateDir = path.join(root, "node_modules/.cache/claimdesk-test");
export const PG_TEMPLATE = "claimdesk_test_template";

/** The template is rebuilt whenever a migration, the seed code or a store's rule book (seeded as policy version 1) changes. */
function fingerprint(): string {
  const h = createHash("sha256");
  for (const dir of ["drizzle", "server/db/seed", "shared/policy/stores"]) {
    for (const f of readdirSync(path.join(root, dir), { recursive: true }).map(String).sort()) {
      const p = path.join(root, dir, f);
      if (f.endsWith(".sql") || f.endsWith(".ts") || f.endsWith(".json")) h.update(f).update(readFileSync(p));
    }
  }
  return h.digest("hex").slice(0, 16);
}

/**
 * Migrating a fresh PGlite costs ~5 s; doing it once and copying the folder per test file costs ~0.5 s.
 * On PostgreSQL the same idea is a template database that each file clones.
 */
export async function prepareTemplate(kind: "pglite" | "postgres", provide: (key: "pgliteTemplate", value: string) => void) {
  const fp = fingerprint();
  if (kind === "pglite") {
    const dir = path.join(templateDir, fp);
    if (!existsSync(dir)) {
      // Several test runs may start at once: each builds in its own folder and the first rename wins.
      const tmp = path.join(templateDir, `${fp}.tmp-${process.pid}-${Date.now()}`);
      mkdirSync(tmp, { recursive: true });
      const db = await openDatabase({ dataDir: path.join(tmp, "data") });
      await migrateDatabase(db);
      await seedReference(db.db);
      await db.close();
      try {
        renameSync(tmp, dir);
      } catch {
        rmSync(tmp, { recursive: true, force: true });
      }
      pruneStaleTemplates(fp);
    }
    provide("pgliteTemplate", path.join(dir, "data", "pglite"));
    return;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${PG_TEMPLATE} with (force)`);
  await admin.query(`create database ${PG_TEMPLATE}`);
  await admin.end();
  const db = await openDatabase({ url: withDatabase(url, PG_TEMPLATE), poolMax: 2 });
  await migrateDatabase(db);
  await seedReference(db.db);
  await db.close();
}

/** Templates of older schemas are dropped once they are an hour old (a concurrent run may still use a fresh one). */
function pruneStaleTemplates(current: string) {
  for (const name of readdirSync(templateDir)) {
    const p = path.join(templateDir, name);
    if (!name.startsWith(current) && Date.now() - statSync(p).mtimeMs > 3_600_000) rmSync(p, { recursive: true, force: true });
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const kind = project.config.env?.TEST_DB === "postgres" ? "postgres" : "pglite";
  await prepareTemplate(kind, (key, value) => project.provide(key, value));
}
