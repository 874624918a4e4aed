import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { claimEvents } from "../db/schema/index.ts";

export type NewClaimEvent = { type: string; data?: Record<string, unknown> };

/**
 * Appends events with the next sequence numbers. Callers hold the claim row's lock (mutateClaim), so
 * numbering is serialised per claim and stays gap-free; the unique (claim_id, seq) index backs that up.
 * Events are never updated or deleted.
 */
export async function appendClaimEvents(
  tx: DbOrTx,
  claimId: number,
  events: NewClaimEvent[],
  opts: { actorId: number | null; at: Date; claimVersion: number | null },
): Promise<void> {
  if (events.length === 0) return;
  const res = await tx.execute<{ seq: number }>(sql`select coalesce(max(seq), 0)::int as seq from ${claimEvents} where claim_id = ${claimId}`);
  const start = Number(res.rows[0]?.seq ?? 0);
  await tx.insert(claimEvents).values(
    events.map((e, i) => ({
      claimId,
      seq: start + i + 1,
      type: e.type,
      data: e.data ?? {},
      actorId: opts.actorId,
      at: opts.at,
      claimVersion: opts.claimVersion,
    })),
  );
}
