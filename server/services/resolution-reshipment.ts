import { and, eq, inArray } from "drizzle-orm";
import type { Decision } from "../../shared/policy/index.ts";
import type { ClaimStatus } from "../../shared/workflow/statuses.ts";
import type { DbOrTx } from "../db/client.ts";
import { refunds } from "../db/schema/index.ts";

/**
 * Refund options that settle only half of the claim: chipyard's C6 "keep it: 50 % of the price difference
 * plus reshipment of the right item" pays the compensation and still owes the right item. Per store, like
 * the coupon kinds, because the rule documents have no field that says an option also reships (atelier's
 * A1 keep-with-compensation does not); when the policy engine grows one, read it here instead.
 */
const reshippingOptions: Record<string, readonly string[]> = { chipyard: ["keep_with_compensation"] };

type ClaimForReshipment = { id: number; storeId: string; status: ClaimStatus };

/**
 * A refunded claim still owes goods when one of its paid refunds is an option that reships (C6): then, and
 * only then, "Ship replacement" is open after the refund (the machine's guard reads this).
 */
export async function reshipmentOwed(db: DbOrTx, claim: ClaimForReshipment): Promise<boolean> {
  const kinds = reshippingOptions[claim.storeId];
  if (claim.status !== "refunded" || !kinds?.length) return false;
  const [paid] = await db
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.claimId, claim.id), eq(refunds.status, "executed"), inArray(refunds.kind, [...kinds])))
    .limit(1);
  return paid !== undefined;
}

/** The clause the reshipment carries out: the reshipping option's own (C6), as the engine states it. */
export function reshipmentClause(decision: Decision, storeId: string): string | null {
  const kinds = reshippingOptions[storeId] ?? [];
  return decision.options.find((o) => kinds.includes(o.kind))?.clause ?? null;
}
