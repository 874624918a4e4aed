import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { jobs } from "../db/schema/index.ts";

export type EnqueueOptions = {
  /** Not before this instant (default: now). */
  runAt?: Date;
  /** While a job with this key is pending or running, enqueueing it again is a no-op (recurring jobs, "at most once queued"). */
  dedupeKey?: string;
  maxAttempts?: number;
};

/**
 * Puts a job in the database-backed queue; inside a transaction it commits (or not) with the change that
 * asked for it. Returns the new job's id, or null when a pending job already holds the dedupe key.
 */
export async function enqueue(db: DbOrTx, kind: string, payload: Record<string, unknown> = {}, opts: EnqueueOptions = {}): Promise<number | null> {
  const rows = await db
    .insert(jobs)
    .values({ kind, payload, runAt: opts.runAt ?? new Date(), dedupeKey: opts.dedupeKey ?? null, maxAttempts: opts.maxAttempts ?? 5 })
    // The unique index is partial (pending jobs only), so the conflict target must repeat its predicate.
    .onConflictDoNothing({ target: jobs.dedupeKey, where: sql`done_at is null and failed_at is null` })
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}
