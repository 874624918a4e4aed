import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { checkRefundExecution } from "../../shared/policy/index.ts";
import type { Db } from "../db/client.ts";
import { claims, refundLines, refunds } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { mutateClaim, type ClaimMutation } from "./claim-mutation.ts";
import { notifyRefundDecided } from "./notifications.ts";
import { assertStoreAccess } from "./scope.ts";
import { decisionNow } from "./resolution-common.ts";
import { assertClaimCaps, assertLineCaps, couponCode, FREIGHT_REIMBURSEMENT, payoutWaitsFor, refundColumns } from "./refunds.ts";

type RefundRow = Awaited<ReturnType<typeof lockRefund>>;

/** Where the refund's claim is now (store scope applies: another store's refund is NOT_FOUND). */
async function refundClaim(db: Db, user: SessionUser, refundId: number) {
  const [row] = await db
    .select({ number: claims.number, version: claims.version, storeId: claims.storeId, status: refunds.status })
    .from(refunds)
    .innerJoin(claims, eq(claims.id, refunds.claimId))
    .where(eq(refunds.id, refundId));
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: `Refund ${refundId} does not exist.` });
  assertStoreAccess(user, row.storeId);
  return row;
}

async function lockRefund(m: ClaimMutation, refundId: number) {
  const [row] = await m.tx.select(refundColumns).from(refunds).where(and(eq(refunds.id, refundId), eq(refunds.claimId, m.claim.id))).for("update");
  if (!row) throw new TRPCError({ code: "CONFLICT", message: "The refund moved to another claim; reload." });
  return row;
}

/**
 * Runs a refund decision on the claim's current version. The decision is keyed by the refund, not by
 * the page the supervisor saw, so a version that moved underneath (another decision a moment earlier)
 * is simply re-read; the refund's own status then tells whether anything is left to do.
 */
async function onRefundClaim<T>(db: Db, user: SessionUser, refundId: number, now: Date, change: (m: ClaimMutation, refund: RefundRow) => Promise<T>) {
  for (let attempt = 0; ; attempt++) {
    const at = await refundClaim(db, user, refundId);
    try {
      return await mutateClaim(db, user, at, now, async (m) => change(m, await lockRefund(m, refundId)));
    } catch (error) {
      const moved = error instanceof TRPCError && error.code === "CONFLICT" && (await refundClaim(db, user, refundId)).version !== at.version;
      if (moved && attempt < 10) continue;
      throw error;
    }
  }
}

const result = (r: RefundRow, replayed: boolean) => ({
  refundId: r.id, reference: r.reference, status: r.status, amountCents: r.amountCents, couponCode: r.couponCode, replayed,
});

/**
 * X3 approval. Idempotent on the proposal's key: the conditional update (`proposed` → `approved`) under the
 * refund's row lock lets exactly one approval through; a retry, a double click or a second supervisor gets
 * that approval back. X2 is re-checked in the same transaction with the order lines locked.
 */
export async function approveRefund(db: Db, user: SessionUser, input: { refundId: number; idempotencyKey: string; comment?: string | undefined }, now: Date) {
  return onRefundClaim(db, user, input.refundId, now, async (m, refund) => {
    if (refund.idempotencyKey !== input.idempotencyKey) throw new TRPCError({ code: "CONFLICT", message: "This idempotency key belongs to another proposal; reload the approvals queue." });
    if (refund.proposedById === user.id) throw new TRPCError({ code: "FORBIDDEN", message: "X3: you proposed this refund; another supervisor must approve it." });
    if (refund.status === "approved" || refund.status === "executed") return result(refund, true);
    if (refund.status !== "proposed") throw new TRPCError({ code: "CONFLICT", message: `${refund.reference} was ${refund.status}; it can no longer be approved.` });

    const freight = refund.kind === FREIGHT_REIMBURSEMENT;
    if (!freight) {
      // The claim's cap and X2, again, in this transaction: what was booked since the proposal counts too.
      const lines = await m.tx.select({ orderLineId: refundLines.orderLineId, amountCents: refundLines.amountCents }).from(refundLines).where(eq(refundLines.refundId, refund.id));
      await assertClaimCaps(m.tx, m.claim.id, lines, refund.id);
      await assertLineCaps(m.tx, lines, refund.id);
    }
    const [updated] = await m.tx
      .update(refunds)
      .set({ status: "approved", decidedById: user.id, decidedAt: now, decisionComment: input.comment ?? null, updatedAt: now })
      .where(and(eq(refunds.id, refund.id), eq(refunds.status, "proposed")))
      .returning(refundColumns);
    if (!updated) return result(refund, true);
    // E4: a freight reimbursement is a payout beside the claim's resolution; it does not move the claim.
    if (!freight) m.transition("approve_refund", { refundId: refund.id });
    m.record("refund_approved", {
      refundId: refund.id, reference: refund.reference, amountCents: refund.amountCents, kind: refund.kind, method: refund.method,
      isException: refund.isException, comment: input.comment ?? null, clause: "X3",
    });
    await notifyRefundDecided(m, refund, "approved", input.comment ?? null);
    return result(updated, false);
  });
}

/** A supervisor turns a proposal down with a comment the agent reads; the claim goes back to review. */
export async function rejectRefund(db: Db, user: SessionUser, input: { refundId: number; comment: string }, now: Date) {
  return onRefundClaim(db, user, input.refundId, now, async (m, refund) => {
    if (refund.status === "rejected") return result(refund, true);
    if (refund.status !== "proposed") throw new TRPCError({ code: "CONFLICT", message: `${refund.reference} was already ${refund.status}; it can no longer be rejected.` });
    const [updated] = await m.tx
      .update(refunds)
      .set({ status: "rejected", decidedById: user.id, decidedAt: now, decisionComment: input.comment, updatedAt: now })
      .where(and(eq(refunds.id, refund.id), eq(refunds.status, "proposed")))
      .returning(refundColumns);
    if (!updated) return result(refund, true);
    // A claim that left the approval step (cancelled meanwhile) keeps its status; the proposal is still closed off.
    if (m.claim.status === "awaiting_approval" && refund.kind !== FREIGHT_REIMBURSEMENT) m.transition("reject_refund", { refundId: refund.id });
    m.record("refund_rejected", { refundId: refund.id, reference: refund.reference, amountCents: refund.amountCents, comment: input.comment });
    await notifyRefundDecided(m, refund, "rejected", input.comment);
    return result(updated, false);
  });
}

/**
 * Records the payout of an approved refund (X3: only after a four-eyes approval; executing twice pays
 * once — the second call gets the first execution back). A coupon refund gets its code now.
 */
export async function executeRefund(db: Db, user: SessionUser, input: { refundId: number }, now: Date) {
  return onRefundClaim(db, user, input.refundId, now, async (m, refund) => {
    if (refund.status === "executed") return result(refund, true);
    if (refund.status !== "approved") throw new TRPCError({ code: "PRECONDITION_FAILED", message: `${refund.reference} is ${refund.status}: only an approved refund is paid out (X3).` });
    const check = checkRefundExecution(
      { approvalId: String(refund.id), proposedBy: String(refund.proposedById), approvedBy: String(refund.decidedById) },
      new Set(),
    );
    if (!check.execute) throw new TRPCError({ code: "FORBIDDEN", message: "X3: this refund was approved by the person who proposed it; it cannot be paid." });
    const freight = refund.kind === FREIGHT_REIMBURSEMENT;
    if (!freight) {
      // X8: from the claim's decision now: where the goods travel back, the money moves once they are back (and inspected).
      const { decision } = await decisionNow(m);
      const waits = payoutWaitsFor(decision.options.find((o) => o.kind === refund.kind), refund.kind, m.claim.caseFacts);
      if (waits) {
        throw new TRPCError({ code: "PRECONDITION_FAILED", message: `X8: ${refund.reference} is paid once the return is ${waits.gate}; ${waits.missing}.` });
      }
    }
    const code = refund.method === "store_coupon" ? couponCode(m.claim.storeId) : null;
    const [updated] = await m.tx
      .update(refunds)
      .set({ status: "executed", executedAt: now, executedById: user.id, couponCode: code, updatedAt: now })
      .where(and(eq(refunds.id, refund.id), eq(refunds.status, "approved")))
      .returning(refundColumns);
    if (!updated) return result(refund, true);
    if (!freight) m.transition("execute_refund", { refundId: refund.id });
    m.record("refund_executed", {
      refundId: refund.id, reference: refund.reference, amountCents: refund.amountCents, method: refund.method, couponCode: code, clause: "X3",
    });
    return result(updated, false);
  });
}
