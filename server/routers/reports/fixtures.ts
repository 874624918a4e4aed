import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { ClaimStatus } from "../../../shared/workflow/statuses.ts";
import type { Db } from "../../db/client.ts";
import type { StoredDeadline } from "../../db/schema/claims.ts";
import { claimEvents, claimLines, claims, customers, orderLines, orders, refundLines, refunds } from "../../db/schema/index.ts";

// Hand-made claims and refunds with known instants and amounts: the reports are checked against answers worked out on paper.

export const at = (s: string) => new Date(`2026-${s}:00Z`);

export type FixtureClaim = {
  store: string;
  reason: string;
  status: ClaimStatus;
  reportedAt: string;
  closedAt?: string;
  dueAt?: string;
  assigneeId?: number;
  deadlines?: { key: string; dueAt: string }[];
  /** status changes in order: [at, from, to] */
  moves?: [string, ClaimStatus, ClaimStatus][];
  grades?: (string | null)[];
};

export async function insertClaim(db: Db, c: FixtureClaim) {
  const tag = randomBytes(4).toString("hex");
  const [customer] = await db.insert(customers).values({ storeId: c.store, email: `r${tag}@example.com`, name: "Report Customer" }).returning({ id: customers.id });
  const [order] = await db
    .insert(orders)
    .values({ storeId: c.store, number: `RP-${tag}`, customerId: customer!.id, totalCents: 20000, placedAt: at("01-01T00:00") })
    .returning({ id: orders.id });
  const lines = await db
    .insert(orderLines)
    .values((c.grades ?? [null]).map((_, i) => ({ orderId: order!.id, sku: `SKU-${i}`, name: `Item ${i}`, unitPriceCents: 10000, quantity: 1 })))
    .returning({ id: orderLines.id });
  const id = Number((await db.execute<{ id: number }>(sql`select nextval(pg_get_serial_sequence('claims', 'id'))::int as id`)).rows[0]!.id);
  const number = `CLM-${String(id).padStart(6, "0")}`;
  const deadlines: StoredDeadline[] = (c.deadlines ?? []).map((d) => ({ key: d.key, dueAt: at(d.dueAt).toISOString(), clause: "T1" }));
  await db.insert(claims).values({
    id, number, storeId: c.store, orderId: order!.id, customerId: customer!.id, reason: c.reason, status: c.status, assigneeId: c.assigneeId,
    reportedAt: at(c.reportedAt), closedAt: c.closedAt ? at(c.closedAt) : null, dueAt: c.dueAt ? at(c.dueAt) : null, deadlines, searchText: number.toLowerCase(),
  });
  await db.insert(claimLines).values(lines.map((l, i) => ({ claimId: id, orderLineId: l.id, quantity: 1, grade: c.grades?.[i] ?? null })));
  const events = [
    { claimId: id, seq: 1, type: "claim_opened", at: at(c.reportedAt), data: {} },
    ...(c.moves ?? []).map(([when, from, to], i) => ({ claimId: id, seq: i + 2, type: "status_changed", at: at(when), data: { action: "test", from, to } })),
  ];
  await db.insert(claimEvents).values(events);
  return { id, number, lineIds: lines.map((l) => l.id) };
}

export type FixtureRefund = {
  claimId: number;
  kind: string;
  status: "proposed" | "approved" | "rejected" | "executed";
  createdAt: string;
  decidedAt?: string;
  executedAt?: string;
  isException?: boolean;
  lines: [orderLineId: number, cents: number][];
};

export async function insertRefund(db: Db, r: FixtureRefund) {
  const tag = randomBytes(6).toString("hex");
  const amountCents = r.lines.reduce((s, [, c]) => s + c, 0);
  const [row] = await db
    .insert(refunds)
    .values({
      claimId: r.claimId, reference: `RF-${tag}`, amountCents, kind: r.kind, status: r.status, isException: r.isException ?? false, idempotencyKey: tag,
      createdAt: at(r.createdAt), decidedAt: r.decidedAt ? at(r.decidedAt) : null, executedAt: r.executedAt ? at(r.executedAt) : null,
    })
    .returning({ id: refunds.id, reference: refunds.reference });
  await db.insert(refundLines).values(r.lines.map(([orderLineId, cents]) => ({ refundId: row!.id, orderLineId, amountCents: cents })));
  return row!;
}
