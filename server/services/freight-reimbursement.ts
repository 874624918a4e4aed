import { TRPCError } from "@trpc/server";
import { and, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import type { proposeFreightReimbursementInput } from "../../shared/schemas/resolution.ts";
import type { Db } from "../db/client.ts";
import { claims, refunds } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { mutateClaim } from "./claim-mutation.ts";
import { notifyApprovalWaiting } from "./notifications.ts";
import { decisionNow } from "./resolution-common.ts";
import { FREIGHT_REIMBURSEMENT, nextRefundId, refundReference } from "./refunds.ts";

type Input = z.output<typeof proposeFreightReimbursementInput>;

// E4 (rev. 2): freight the customer advanced although the merchant pays it is paid back as a payout of its own,
// to the customer's PayPal account, approved like a refund (X3: by a supervisor other than the proposer). It is
// a refunds row of kind `freight_reimbursement` with no refund lines: the approvals queue, four eyes, idempotent
// execution and the store scope come with it, while the X2 cap and the claim's cap (sums over refund lines)
// leave it out by construction. It does not move the claim through the workflow: the claim's own resolution
// goes on beside it. Its deadline (`freight_reimbursement_due`, 7 working days after the return's receipt)
// comes from the engine.

/** What the policy reimburses (E4): the engine's figure, present only where the store pays the freight and the invoiced amount is on record. */
function reimbursable(decision: Awaited<ReturnType<typeof decisionNow>>["decision"]) {
  return decision.freightReimbursement;
}

export async function proposeFreightReimbursement(db: Db, user: SessionUser, input: Input, now: Date) {
  const replay = async () => {
    const [prior] = await db
      .select({ id: refunds.id, reference: refunds.reference, amountCents: refunds.amountCents, status: refunds.status, kind: refunds.kind, claimNumber: claims.number })
      .from(refunds)
      .innerJoin(claims, eq(claims.id, refunds.claimId))
      .where(eq(refunds.idempotencyKey, input.idempotencyKey));
    if (!prior) return null;
    if (prior.claimNumber !== input.number.toUpperCase() || prior.kind !== FREIGHT_REIMBURSEMENT) throw new TRPCError({ code: "CONFLICT", message: "This idempotency key was used for another proposal." });
    return { refundId: prior.id, reference: prior.reference, amountCents: prior.amountCents, status: prior.status, replayed: true };
  };
  const prior = await replay();
  if (prior) return prior;
  try {
    return await mutateClaim(db, user, input, now, async (m) => {
      if (m.claim.status === "rejected" || m.claim.status === "cancelled") {
        throw new TRPCError({ code: "PRECONDITION_FAILED", message: `The claim is ${m.claim.status}: nothing is reimbursed on it.` });
      }
      const { decision } = await decisionNow(m);
      const due = reimbursable(decision);
      if (!due || due.cents <= 0) {
        throw new TRPCError({
          code: "PRECONDITION_FAILED",
          message: "E4: there is no advanced freight to reimburse: record the invoiced amount the customer advanced, where the store pays the freight.",
        });
      }
      const [live] = await m.tx
        .select({ reference: refunds.reference, status: refunds.status })
        .from(refunds)
        .where(and(eq(refunds.claimId, m.claim.id), eq(refunds.kind, FREIGHT_REIMBURSEMENT), ne(refunds.status, "rejected")));
      if (live) throw new TRPCError({ code: "CONFLICT", message: `The advanced freight is already ${live.status} (${live.reference}); it is reimbursed once.` });

      const id = await nextRefundId(m.tx);
      const reference = refundReference(id, now);
      await m.tx.insert(refunds).values({
        id, claimId: m.claim.id, reference, amountCents: due.cents, kind: FREIGHT_REIMBURSEMENT, method: "paypal", status: "proposed",
        isException: false, reason: input.note ?? null, proposedById: user.id, idempotencyKey: input.idempotencyKey, createdAt: now, updatedAt: now,
      });
      m.record("freight_reimbursement_proposed", { refundId: id, reference, amountCents: due.cents, method: "paypal", clause: due.clause, note: input.note ?? null });
      await notifyApprovalWaiting(m, { reference, amountCents: due.cents });
      return { refundId: id, reference, amountCents: due.cents, status: "proposed" as const, replayed: false };
    });
  } catch (error) {
    const again = await replay();
    if (again) return again;
    throw error;
  }
}
