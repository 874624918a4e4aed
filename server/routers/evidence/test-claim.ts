import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { ClaimStatus } from "../../../shared/workflow/statuses.ts";
import type { Db } from "../../db/client.ts";
import { claimEvents, claimLines, claims, customers, evidenceItems, orderLines, orders } from "../../db/schema/index.ts";
import { refreshClaimEvaluation } from "../../services/claim-evaluation.ts";
import { currentPolicyVersion } from "../../services/policy-versions.ts";

// A claim with exactly the facts an evidence test needs (the demo seed is random), judged by the engine.

const DAY = 86_400_000;

export type EvidenceTestClaim = {
  store: string;
  reason: string;
  reportedAt: Date;
  status?: ClaimStatus;
  evidence?: string[];
  /** Line flags the rules key on (electronic for E5, motor for L5…). */
  line?: { sku?: string; unitPriceCents?: number; electronic?: boolean };
  customerName?: string;
};

export async function createEvidenceTestClaim(db: Db, t: EvidenceTestClaim) {
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const delivered = new Date(t.reportedAt.getTime() - 3 * DAY);
  const policy = await currentPolicyVersion(db, t.store);
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .insert(customers)
      .values({ storeId: t.store, email: `c${tag}@example.com`, name: t.customerName ?? "Robin Example" })
      .returning({ id: customers.id });
    const [order] = await tx
      .insert(orders)
      .values({
        storeId: t.store, number: `EV-${tag}`, customerId: customer!.id, totalCents: t.line?.unitPriceCents ?? 4900,
        placedAt: new Date(delivered.getTime() - 3 * DAY), shippedAt: new Date(delivered.getTime() - 2 * DAY), deliveredAt: delivered, carrier: "UPS",
      })
      .returning({ id: orders.id });
    const [line] = await tx
      .insert(orderLines)
      .values({
        orderId: order!.id, sku: t.line?.sku ?? "SKU-1", name: "Test item", unitPriceCents: t.line?.unitPriceCents ?? 4900, quantity: 1,
        electronic: t.line?.electronic ?? false,
      })
      .returning({ id: orderLines.id });
    const id = Number((await tx.execute<{ id: number }>(sql`select nextval(pg_get_serial_sequence('claims', 'id'))::int as id`)).rows[0]!.id);
    const number = `CLM-${String(id).padStart(6, "0")}`;
    await tx.insert(claims).values({
      id, number, storeId: t.store, orderId: order!.id, customerId: customer!.id, reason: t.reason, status: t.status ?? "in_review",
      reportedAt: t.reportedAt, policyVersionId: policy.id, searchText: number.toLowerCase(), createdAt: t.reportedAt, updatedAt: t.reportedAt,
    });
    await tx.insert(claimLines).values({ claimId: id, orderLineId: line!.id, quantity: 1 });
    if (t.evidence?.length) await tx.insert(evidenceItems).values(t.evidence.map((kind) => ({ claimId: id, kind, createdAt: t.reportedAt })));
    await tx.insert(claimEvents).values({ claimId: id, seq: 1, type: "claim_opened", at: t.reportedAt, data: { reason: t.reason, channel: "test" } });
    await refreshClaimEvaluation(tx, id, t.reportedAt);
    return { id, number, version: 1, customerEmail: `c${tag}@example.com` };
  });
}
