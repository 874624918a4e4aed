import { and, eq, inArray } from "drizzle-orm";
import type { Decision, PolicyDocument } from "../../shared/policy/index.ts";
import type { ClaimStatus } from "../../shared/workflow/statuses.ts";
import type { DbOrTx } from "../db/client.ts";
import { claims, refunds } from "../db/schema/index.ts";
import { currentPolicyVersion, policyVersionById } from "./policy-versions.ts";

/** Refund options whose payment still owes goods, as the rule document says (`reships`: chipyard's C6). */
function reshippingKinds(doc: PolicyDocument): string[] {
  return doc.cases.flatMap((c) => c.options.filter((o) => o.reships).map((o) => o.kind));
}

type ClaimForReshipment = { id: number; storeId: string; status: ClaimStatus };

/**
 * A refunded claim still owes goods when one of its paid refunds is an option that reships (C6): then, and
 * only then, "Ship replacement" is open after the refund (the machine's guard reads this). Only a refunded
 * claim costs a look-up, against the policy version it was judged by.
 */
export async function reshipmentOwed(db: DbOrTx, claim: ClaimForReshipment): Promise<boolean> {
  if (claim.status !== "refunded") return false;
  const [row] = await db.select({ policyVersionId: claims.policyVersionId }).from(claims).where(eq(claims.id, claim.id));
  const policy = row?.policyVersionId ? await policyVersionById(db, row.policyVersionId) : await currentPolicyVersion(db, claim.storeId);
  const kinds = reshippingKinds(policy.document);
  if (kinds.length === 0) return false;
  const [paid] = await db
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.claimId, claim.id), eq(refunds.status, "executed"), inArray(refunds.kind, kinds)))
    .limit(1);
  return paid !== undefined;
}

/** The clause the reshipment carries out: the reshipping option's own (C6), as the engine states it. */
export function reshipmentClause(decision: Decision): string | null {
  return decision.options.find((o) => o.reships)?.clause ?? null;
}
