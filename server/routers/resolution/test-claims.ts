import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { claimEvents, claimLines, claims, customers, evidenceItems, orderLines, orders, type CaseFacts } from "../../db/schema/index.ts";
import { refreshClaimEvaluation } from "../../services/claim-evaluation.ts";
import { currentPolicyVersion } from "../../services/policy-versions.ts";
import type { ClaimStatus } from "../../../shared/workflow/statuses.ts";

// Claims with exactly the facts a test needs (the demo seed is random), judged by the engine like any other.

export type TestLine = {
  sku: string;
  unitPriceCents: number;
  quantity?: number;
  claimedQuantity?: number;
  electronic?: boolean;
  consumable?: boolean;
  motor?: boolean;
  partType?: string;
  issueType?: string;
};

export type TestClaim = {
  store: string;
  reason: string;
  lines: TestLine[];
  evidence?: string[];
  status?: ClaimStatus;
  deliveredAt?: Date | null;
  shippedAt?: Date | null;
  placedAt?: Date;
  reportedAt: Date;
  caseFacts?: CaseFacts;
  /** Reuse an existing order (a second claim on the same lines, X2). */
  orderId?: number;
};

const DAY = 86_400_000;
let serial = 0;

export async function createTestClaim(db: Db, t: TestClaim) {
  const reported = t.reportedAt;
  const delivered = t.deliveredAt === undefined ? new Date(reported.getTime() - 3 * DAY) : t.deliveredAt;
  const shipped = t.shippedAt === undefined ? new Date((delivered ?? reported).getTime() - 2 * DAY) : t.shippedAt;
  const placed = t.placedAt ?? new Date((shipped ?? reported).getTime() - DAY);
  const tag = `${process.pid}-${++serial}-${Math.random().toString(36).slice(2, 7)}`;
  const policy = await currentPolicyVersion(db, t.store);

  return db.transaction(async (tx) => {
    let orderId = t.orderId;
    let customerId: number;
    let lineIds: number[];
    if (orderId === undefined) {
      const [customer] = await tx.insert(customers).values({ storeId: t.store, email: `t${tag}@example.com`, name: `Test Customer ${tag}` }).returning({ id: customers.id });
      customerId = customer!.id;
      const total = t.lines.reduce((s, l) => s + l.unitPriceCents * (l.quantity ?? 1), 0);
      const [order] = await tx
        .insert(orders)
        .values({ storeId: t.store, number: `T-${tag}`, customerId, totalCents: total, placedAt: placed, shippedAt: shipped, deliveredAt: delivered, carrier: "UPS" })
        .returning({ id: orders.id });
      orderId = order!.id;
      const inserted = await tx
        .insert(orderLines)
        .values(
          t.lines.map((l) => ({
            orderId: orderId!, sku: l.sku, name: `${l.sku} item`, unitPriceCents: l.unitPriceCents, quantity: l.quantity ?? 1,
            electronic: l.electronic ?? false, consumable: l.consumable ?? false, motor: l.motor ?? false, partType: l.partType ?? null,
          })),
        )
        .returning({ id: orderLines.id });
      lineIds = inserted.map((r) => r.id);
    } else {
      const [order] = await tx.select({ customerId: orders.customerId }).from(orders).where(eq(orders.id, orderId));
      customerId = order!.customerId;
      const existing = await tx.select({ id: orderLines.id, sku: orderLines.sku }).from(orderLines).where(eq(orderLines.orderId, orderId));
      lineIds = t.lines.map((l) => existing.find((e) => e.sku === l.sku)!.id);
    }
    const id = Number((await tx.execute<{ id: number }>(sql`select nextval(pg_get_serial_sequence('claims', 'id'))::int as id`)).rows[0]!.id);
    const number = `CLM-${String(id).padStart(6, "0")}`;
    await tx.insert(claims).values({
      id, number, storeId: t.store, orderId, customerId, reason: t.reason, status: t.status ?? "in_review", reportedAt: reported,
      caseFacts: t.caseFacts ?? {}, policyVersionId: policy.id, searchText: number.toLowerCase(), createdAt: reported, updatedAt: reported,
    });
    const claimLineRows = await tx
      .insert(claimLines)
      .values(t.lines.map((l, i) => ({ claimId: id, orderLineId: lineIds[i]!, quantity: l.claimedQuantity ?? l.quantity ?? 1, issueType: l.issueType ?? null })))
      .returning({ id: claimLines.id });
    if (t.evidence?.length) await tx.insert(evidenceItems).values(t.evidence.map((kind) => ({ claimId: id, kind, createdAt: reported })));
    await tx.insert(claimEvents).values({ claimId: id, seq: 1, type: "claim_opened", at: reported, data: { reason: t.reason, channel: "test" } });
    await refreshClaimEvaluation(tx, id, reported);
    return { id, number, version: 1, orderId: orderId!, orderLineIds: lineIds, claimLineIds: claimLineRows.map((r) => r.id) };
  });
}

export const daysBefore = (d: Date, days: number) => new Date(d.getTime() - days * DAY);
export const hoursAfter = (d: Date, hours: number) => new Date(d.getTime() + hours * 3_600_000);
