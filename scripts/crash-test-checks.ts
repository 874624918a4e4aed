import { sql } from "drizzle-orm";
import type { Db } from "../server/db/client.ts";

// The invariants a crash must not break, asked of the database directly (not through the code under test).

export type Ack =
  | { kind: "grade"; number: string; reason: string }
  | { kind: "propose"; number: string; key: string; refundId: number }
  | { kind: "approve"; number: string; refundId: number }
  | { kind: "execute"; number: string; refundId: number };

const rows = async <T>(db: Db, query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[];

export async function checkInvariants(db: Db, acks: Ack[]): Promise<string[]> {
  const problems: string[] = [];

  // Every acknowledged (200) change is in the database.
  for (const a of acks) {
    if (a.kind === "grade") {
      const [hit] = await rows(db, sql`select 1 from claim_events e join claims c on c.id = e.claim_id
        where c.number = ${a.number} and e.type = 'line_graded' and e.data->'after'->>'gradeReason' = ${a.reason}`);
      if (!hit) problems.push(`acknowledged grading ${a.reason} on ${a.number} is missing`);
    } else {
      const [r] = await rows<{ status: string; key: string }>(db, sql`select status, idempotency_key as key from refunds where id = ${a.refundId}`);
      const want = { propose: ["proposed", "approved", "executed"], approve: ["approved", "executed"], execute: ["executed"] }[a.kind];
      if (!r || !want.includes(r.status)) problems.push(`acknowledged ${a.kind} of refund ${a.refundId} (${a.number}) is missing: ${r?.status ?? "no refund"}`);
      if (a.kind === "propose" && r && r.key !== a.key) problems.push(`refund ${a.refundId} carries another proposal's key`);
    }
  }

  const dupes = await rows<{ number: string; n: number }>(db, sql`select c.number, count(*)::int as n from refunds r join claims c on c.id = r.claim_id group by c.number having count(*) > 1`);
  for (const d of dupes) problems.push(`${d.number} has ${d.n} refunds (one proposal each was sent, retried with its key)`);

  const paidTwice = await rows<{ number: string; n: number }>(db, sql`select c.number, count(*)::int as n from claim_events e join claims c on c.id = e.claim_id
    where e.type = 'refund_executed' group by c.number having count(*) > 1`);
  for (const d of paidTwice) problems.push(`${d.number} was paid out ${d.n} times`);

  const overPaid = await rows<{ line: number; refunded: number; paid: number }>(db, sql`select ol.id as line, sum(rl.amount_cents)::int as refunded, (ol.unit_price_cents * ol.quantity)::int as paid
    from refund_lines rl join refunds r on r.id = rl.refund_id join order_lines ol on ol.id = rl.order_line_id
    where r.status in ('approved', 'executed') group by ol.id having sum(rl.amount_cents) > ol.unit_price_cents * ol.quantity`);
  for (const o of overPaid) problems.push(`order line ${o.line}: ${o.refunded} cents refunded of ${o.paid} paid`);

  // Issue 14: a claim never pays twice for the same units (its refunds on a line stay within its claimed units' value).
  const overClaimed = await rows<{ number: string; line: number; refunded: number; claimed: number }>(db, sql`select c.number, rl.order_line_id as line,
      sum(rl.amount_cents)::int as refunded, (cl.q * ol.unit_price_cents)::int as claimed
    from refund_lines rl join refunds r on r.id = rl.refund_id join claims c on c.id = r.claim_id join order_lines ol on ol.id = rl.order_line_id
    join (select claim_id, order_line_id, sum(quantity) as q from claim_lines group by 1, 2) cl on cl.claim_id = r.claim_id and cl.order_line_id = rl.order_line_id
    where r.status <> 'rejected' group by c.number, rl.order_line_id, cl.q, ol.unit_price_cents having sum(rl.amount_cents) > cl.q * ol.unit_price_cents`);
  for (const o of overClaimed) problems.push(`${o.number}, order line ${o.line}: ${o.refunded} cents refunded of ${o.claimed} claimed`);

  const executedWithoutEvent = await rows<{ id: number }>(db, sql`select r.id from refunds r where r.status = 'executed'
    and not exists (select 1 from claim_events e where e.claim_id = r.claim_id and e.type = 'refund_executed')`);
  for (const r of executedWithoutEvent) problems.push(`refund ${r.id} is executed without its event`);

  // Every version of a claim was written by a change that recorded its event(s) in the same transaction.
  const silent = await rows<{ number: string; v: number }>(db, sql`select c.number, v::int as v from claims c cross join generate_series(2, c.version) v
    where not exists (select 1 from claim_events e where e.claim_id = c.id and e.claim_version = v) limit 20`);
  for (const s of silent) problems.push(`${s.number} version ${s.v} has no event`);

  const gaps = await rows<{ id: number }>(db, sql`select claim_id as id from claim_events group by claim_id having min(seq) <> 1 or max(seq) <> count(*) or count(distinct seq) <> count(*)`);
  for (const g of gaps) problems.push(`claim ${g.id}: event numbers have a gap or a repeat`);

  return problems;
}
