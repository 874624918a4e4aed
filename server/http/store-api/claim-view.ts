import { and, asc, eq } from "drizzle-orm";
import type { ClaimView } from "../../../shared/schemas/store-api.ts";
import type { DbOrTx } from "../../db/client.ts";
import { claimLines, claims, evidenceItems, orderLines, orders } from "../../db/schema/index.ts";

/** A claim of the key's store as the API shows it; null for a missing claim or another store's. */
export async function apiClaimView(db: DbOrTx, storeId: string, where: { number: string } | { id: number }): Promise<ClaimView | null> {
  const [c] = await db
    .select({
      id: claims.id,
      number: claims.number,
      status: claims.status,
      reason: claims.reason,
      orderNumber: orders.number,
      eligibility: claims.eligibility,
      source: claims.source,
      reportedAt: claims.reportedAt,
      createdAt: claims.createdAt,
    })
    .from(claims)
    .innerJoin(orders, eq(orders.id, claims.orderId))
    .where(and(eq(claims.storeId, storeId), "id" in where ? eq(claims.id, where.id) : eq(claims.number, where.number.toUpperCase())));
  if (!c) return null;
  const [lines, evidence] = await Promise.all([
    db.select({ sku: orderLines.sku, quantity: claimLines.quantity }).from(claimLines).innerJoin(orderLines, eq(orderLines.id, claimLines.orderLineId)).where(eq(claimLines.claimId, c.id)).orderBy(asc(claimLines.id)),
    db.select({ kind: evidenceItems.kind, fileName: evidenceItems.fileName }).from(evidenceItems).where(eq(evidenceItems.claimId, c.id)).orderBy(asc(evidenceItems.id)),
  ]);
  const { id: _id, ...rest } = c;
  return { ...rest, reportedAt: c.reportedAt.toISOString(), createdAt: c.createdAt.toISOString(), lines, evidence };
}
