import { sql } from "drizzle-orm";
import { migrateDatabase, openDatabase, type Database, type OpenOptions } from "../server/db/client.ts";
import { seedClaims, seedReference } from "../server/db/seed/demo.ts";

/**
 * The benchmarks' PostgreSQL (BENCH_DATABASE_URL, else DATABASE_URL), migrated and topped up to `target`
 * generated claims over two years; reused as it is when it already holds enough.
 */
export async function openBenchDatabase(name: string, target: number, opts: Omit<OpenOptions, "url"> = {}): Promise<{ database: Database; total: number }> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    console.error(`${name} measures PostgreSQL: set BENCH_DATABASE_URL (or DATABASE_URL), e.g. from scripts/pg-throwaway.sh`);
    process.exit(2);
  }
  const database = await openDatabase({ url, poolMax: 10, ...opts });
  await migrateDatabase(database);
  await seedReference(database.db);
  const count = async () => Number((await database.db.execute<{ n: number }>(sql`select count(*)::int n from claims`)).rows[0]!.n);
  const have = await count();
  if (have < target) {
    console.error(`seeding ${target - have} claims (have ${have})…`);
    await seedClaims(database.db, { count: target - have, spanDays: 730, seed: 1 + have, onProgress: (d) => d % 100_000 === 0 && console.error(`  ${d}`) });
    // Settle it like autovacuum would on a table of mostly history: statistics, and the visibility map
    // the index-only queue scans rely on (a freshly loaded table has none set).
    await database.db.execute(sql`vacuum analyze`);
  }
  return { database, total: await count() };
}
