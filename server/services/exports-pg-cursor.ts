import pg from "pg";

export type ExportRow = Record<string, unknown>;
/** A dataset's statement as the driver takes it. */
export type Statement = { text: string; values: unknown[] };

export const EXPORT_BATCH = 2000;
const TIMESTAMPTZ = 1184;

/** Digits read by char code: no substring per field, so no garbage per value. (Top level, not a closure per call.) */
function digits(s: string, from: number, len: number): number {
  let v = 0;
  for (let i = from; i < from + len; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
}

/**
 * "2026-11-20 12:00:00.123456+00" (the session is set to UTC) to epoch milliseconds by slicing: the
 * driver's own parser builds a Date through a regex per value, a large share of a million-row export.
 */
export function parseUtcTimestamp(s: string): number {
  if (s.length < 22 || s.charCodeAt(10) !== 32 || !s.endsWith("+00")) return Date.parse(s);
  let millis = 0;
  if (s.charCodeAt(19) === 46) for (let i = 20, k = 100; i < 23 && i < s.length - 3; i++, k /= 10) millis += (s.charCodeAt(i) - 48) * k;
  return Date.UTC(digits(s, 0, 4), digits(s, 5, 2) - 1, digits(s, 8, 2), digits(s, 11, 2), digits(s, 14, 2), digits(s, 17, 2)) + millis;
}
const types = { getTypeParser: ((oid: number, format?: string) => (oid === TIMESTAMPTZ ? parseUtcTimestamp : pg.types.getTypeParser(oid, format as "text"))) as typeof pg.types.getTypeParser };

/** A fetch that may fail while nobody awaits it yet (the consumer is busy with the previous batch) is not an unhandled rejection; it throws where it is awaited. */
export function prefetched<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/**
 * The rows of a statement batch by batch through a server-side cursor, in a read-only transaction (one
 * snapshot for the whole file). Leaving the loop early (a cancelled download) runs the `finally`: rolling
 * back closes the cursor. `broken` says whether the connection is still fit for reuse.
 */
export async function* pgCursorBatches(client: pg.ClientBase, statement: Statement, batchSize = EXPORT_BATCH, broken?: () => void): AsyncGenerator<ExportRow[]> {
  let pending: Promise<{ rows: ExportRow[] }> | null = null;
  try {
    await client.query("begin isolation level repeatable read read only");
    await client.query("set local time zone 'UTC'");
    await client.query(`declare export_rows no scroll cursor for ${statement.text}`, statement.values);
    const fetchBatch = () => prefetched(client.query<ExportRow>({ text: `fetch ${batchSize} from export_rows`, types }));
    // The next batch is asked for before this one is formatted, so the database and the formatting run
    // side by side (two cores) instead of taking turns.
    pending = fetchBatch();
    for (;;) {
      const res: { rows: ExportRow[] } = await pending;
      pending = res.rows.length === batchSize ? fetchBatch() : null;
      if (res.rows.length === 0) break;
      yield res.rows;
      if (!pending) break;
    }
  } catch (error) {
    broken?.();
    throw error;
  } finally {
    // A prefetch still running when the download stopped must finish before the rollback (one client, one query at a time).
    if (pending) await pending.catch(() => broken?.());
    await client.query("rollback").catch(() => broken?.());
  }
}
