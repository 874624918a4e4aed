import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { customerCaseFacts } from "../../shared/schemas/case-facts.ts";
import { evaluateClaim } from "../../shared/policy/index.ts";
import type { ClaimDraft } from "../../shared/schemas/claim-intake.ts";
import type { DbOrTx } from "../db/client.ts";
import { customers, orderLines, orders, stores } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { buildFacts } from "./claim-evaluation.ts";
import { checkClaimDraft, claimedQuantities, reasonsKnownBy } from "./claim-intake.ts";
import { currentPolicyVersion } from "./policy-versions.ts";
import { storeScope } from "./scope.ts";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Orders in the caller's stores whose number contains the query, or whose customer's e-mail starts with
 * it (a whole address finds every order of that customer), newest first, with each line's claimable rest.
 */
export async function findOrders(db: DbOrTx, user: SessionUser, query: string) {
  const q = query.trim().toLowerCase();
  const rows = await db
    .select({
      id: orders.id, number: orders.number, storeId: orders.storeId, storeName: stores.name, placedAt: orders.placedAt, shippedAt: orders.shippedAt,
      deliveredAt: orders.deliveredAt, totalCents: orders.totalCents, currency: orders.currency, customerName: customers.name, customerEmail: customers.email,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .where(and(storeScope(user, orders.storeId), or(sql`lower(${orders.number}) like ${`%${escapeLike(q)}%`}`, sql`lower(${customers.email}) like ${`${escapeLike(q)}%`}`)))
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(10);
  if (!rows.length) return [];
  const lines = await db.select().from(orderLines).where(inArray(orderLines.orderId, rows.map((r) => r.id))).orderBy(asc(orderLines.id));
  const claimed = await Promise.all(rows.map((r) => claimedQuantities(db, r.id)));
  const reasons = new Map<string, string[]>();
  for (const storeId of new Set(rows.map((r) => r.storeId))) reasons.set(storeId, [...reasonsKnownBy(await currentPolicyVersion(db, storeId))]);
  return rows.map((r, i) => ({
    ...r,
    reasons: reasons.get(r.storeId)!,
    lines: lines
      .filter((l) => l.orderId === r.id)
      .map((l) => ({ id: l.id, sku: l.sku, name: l.name, unitPriceCents: l.unitPriceCents, quantity: l.quantity, claimable: Math.max(0, l.quantity - (claimed[i]!.get(l.id) ?? 0)) })),
  }));
}

/**
 * The engine's verdict on a draft before it is saved: the same checks as openClaim, the same facts the
 * claim would be judged on (with the evidence kinds the agent will record), nothing written.
 */
export async function previewClaim(db: DbOrTx, storeId: string, draft: ClaimDraft, evidenceKinds: readonly string[], now: Date) {
  const checked = await checkClaimDraft(db, { ...draft, storeId }, now);
  const facts = buildFacts({
    reason: draft.reason,
    reportedAt: checked.reportedAt,
    caseFacts: customerCaseFacts(draft.customerFacts),
    order: checked.order,
    lines: checked.lines.map(({ quantity, line }) => ({
      sku: line.sku, unitPriceCents: line.unitPriceCents, quantity, electronic: line.electronic, consumable: line.consumable, motor: line.motor,
      partType: line.partType, issueType: null, grade: null, failureCause: null,
    })),
    evidenceKinds: [...evidenceKinds],
  });
  return { policyVersion: checked.policy.version, decision: evaluateClaim(checked.policy.document, facts, now) };
}

export async function orderStoreId(db: DbOrTx, orderId: number): Promise<string | null> {
  const [row] = await db.select({ storeId: orders.storeId }).from(orders).where(eq(orders.id, orderId));
  return row?.storeId ?? null;
}
