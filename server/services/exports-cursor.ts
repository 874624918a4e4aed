import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "../db/client.ts";
import type { DatasetQuery, ExportRow } from "./exports-datasets.ts";

export const EXPORT_BATCH = 5000;
const dialect = new PgDialect();

/**
 * The rows of a dataset, batch by batch, never all at once. PostgreSQL: a server-side cursor in a
 * read-only transaction on a client of its own (one snapshot for the whole file). PGlite runs in this
 * process, so keyset pages of the same size keep memory bounded the same way. Leaving the loop early
 * (a cancelled download) runs the `finally`: the cursor is closed and the client goes back to the pool.
 */
export async function* exportBatches(database: Pick<Database, "db" | "pool">, query: DatasetQuery, batchSize = EXPORT_BATCH): AsyncGenerator<ExportRow[]> {
  if (database.pool) {
    const client = await database.pool.connect();
    let broken = false;
    try {
      await client.query("begin isolation level repeatable read read only");
      const { sql, params } = dialect.sqlToQuery(query.statement(null, null));
      await client.query(`declare export_rows no scroll cursor for ${sql}`, params);
      for (;;) {
        const res = await client.query<ExportRow>(`fetch ${batchSize} from export_rows`);
        if (res.rows.length === 0) break;
        yield res.rows;
        if (res.rows.length < batchSize) break;
      }
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      // Rolling back closes the cursor; a client whose connection failed is discarded, not pooled.
      await client.query("rollback").catch(() => (broken = true));
      client.release(broken);
    }
    return;
  }
  let after: unknown[] | null = null;
  for (;;) {
    const res = await database.db.execute<ExportRow>(query.statement(after, batchSize));
    if (res.rows.length === 0) break;
    yield res.rows;
    if (res.rows.length < batchSize) break;
    after = query.keyOf(res.rows[res.rows.length - 1]!);
  }
}
