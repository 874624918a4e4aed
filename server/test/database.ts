import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "../db/client.ts";
import { PG_TEMPLATE, withDatabase } from "./global-setup.ts";

export const testDbKind = (process.env.TEST_DB ?? "pglite") as "pglite" | "postgres";

/** A private, migrated database for one test file, with the stores and demo users already in it. */
export async function openTestDatabase(): Promise<Database> {
  if (testDbKind === "pglite") {
    const template = inject("pgliteTemplate");
    if (!template) throw new Error("global setup did not prepare the PGlite template");
    const dir = mkdtempSync(path.join(os.tmpdir(), "claimdesk-test-"));
    cpSync(template, path.join(dir, "pglite"), { recursive: true });
    const database = await openDatabase({ dataDir: dir });
    return { ...database, close: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `claimdesk_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // Clones of one template serialise on it; retry the rare "being accessed by other users".
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${PG_TEMPLATE}`);
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + attempt * 50));
    }
  }
  await admin.end();
  const database = await openDatabase({ url: withDatabase(url, name), poolMax: 25 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
