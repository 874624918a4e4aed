import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "../db/client.ts";
import type { DatasetQuery } from "./exports-datasets.ts";
import { EXPORT_BATCH, prefetched, type ExportRow, type Statement } from "./exports-pg-cursor.ts";

const dialect = new PgDialect();

/** The whole dataset as one statement for a server-side cursor (PostgreSQL). */
export function cursorStatement(query: DatasetQuery): Statement {
  const { sql, params } = dialect.sqlToQuery(query.statement(null, null));
  return { text: sql, values: params };
}

/**
 * PGlite runs in this process, so there is no cursor to hand to another thread: keyset pages of the
 * cursor's batch size keep memory bounded the same way, the next page fetched while this one is written.
 */
export async function* keysetBatches(database: Pick<Database, "db">, query: DatasetQuery, batchSize = EXPORT_BATCH): AsyncGenerator<ExportRow[]> {
  const fetchAfter = (after: unknown[] | null) => prefetched(database.db.execute<ExportRow>(query.statement(after, batchSize)));
  let pending: Promise<{ rows: ExportRow[] }> | null = fetchAfter(null);
  try {
    while (pending) {
      const res: { rows: ExportRow[] } = await pending;
      pending = res.rows.length === batchSize ? fetchAfter(query.keyOf(res.rows[res.rows.length - 1]!)) : null;
      if (res.rows.length === 0) break;
      yield res.rows;
    }
  } finally {
    await pending?.catch(() => undefined);
  }
}
