import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/**
 * Both drivers expose the same drizzle query builder; we type the app against the node-postgres
 * flavour so services are written once. PGlite's result objects also carry `rows`, which is all
 * raw `execute()` callers read.
 */
export type Db = NodePgDatabase<Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** The node-postgres pool when on PostgreSQL. */
  pool?: pg.Pool;
  close: () => Promise<void>;
  ping: () => Promise<void>;
};

const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

export type OpenOptions = {
  url?: string;
  dataDir?: string;
  poolMax?: number;
  /** Sees every statement drizzle sends (benchmarks replay them straight through the driver). */
  onQuery?: (query: string, params: unknown[]) => void;
};

/** `dataDir` "memory://" gives a throwaway in-memory PGlite (tests). */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    // The app's queries are short and many run at once on few cores: JIT compiling a report query cost more than
    // running it (volume report 1.6 s -> 0.6 s without), and parallel workers let one report take every core
    // from the requests around it.
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolMax ?? 10, options: "-c jit=off -c max_parallel_workers_per_gather=0" });
    // An idle client dropping (database restart) must not crash the process; the pool reconnects.
    pool.on("error", () => {});
    const logger = opts.onQuery ? { logQuery: opts.onQuery } : undefined;
    const db = drizzlePg({ client: pool, schema, logger });
    return {
      db,
      kind: "postgres",
      pool,
      close: () => pool.end(),
      ping: async () => {
        await pool.query("select 1");
      },
    };
  }
  const dir = opts.dataDir ?? "./data";
  const target = dir.startsWith("memory://") ? dir : path.resolve(dir, "pglite");
  if (!target.startsWith("memory://")) mkdirSync(target, { recursive: true });
  const client = await PGlite.create(target, { extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    close: () => client.close(),
    ping: async () => {
      await client.query("select 1");
    },
  };
}

export async function migrateDatabase(database: Database, folder = migrationsFolder): Promise<void> {
  try {
    if (database.kind === "postgres") await migratePg(database.db, { migrationsFolder: folder });
    else await migratePglite(database.db as never, { migrationsFolder: folder });
  } catch (error) {
    const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new Error(`Database migration failed: ${cause}. The server did not start; fix the migration or the database and retry.`, {
      cause: error,
    });
  }
}
