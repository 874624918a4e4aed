import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { formatCents } from "../../shared/money.ts";
import type { Decision } from "../../shared/policy/index.ts";
import type { proposeRefundInput } from "../../shared/schemas/resolution.ts";
import type { Db } from "../db/client.ts";
import { claims, refundLines, refunds } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { mutateClaim, type ClaimMutation } from "./claim-mutation.ts";
import { notifyApprovalWaiting } from "./notifications.ts";
import { assertNoUnresolvedConflict, decisionNow, fieldError, offeredOption } from "./resolution-common.ts";
import { assertLineCaps, claimedLinesPaid, couponKinds, nextRefundId, refundReference, splitRefund } from "./refunds.ts";

type ProposeRefund = z.output<typeof proposeRefundInput>;

async function byKey(db: Db, key: string) {
  const [row] = await db
    .select({ id: refunds.id, reference: refunds.reference, amountCents: refunds.amountCents, status: refunds.status, claimNumber: claims.number })
    .from(refunds)
    .innerJoin(claims, eq(claims.id, refunds.claimId))
    .where(eq(refunds.idempotencyKey, key));
  return row;
}

/** The amount the policy sets, or the agent's where the policy leaves it to them (A1, A6). */
function policyAmount(decision: Decision, input: ProposeRefund): { cents: number; clause?: string; agentSet: boolean } {
  const option = offeredOption(decision, input.option);
  if (option.refundCents !== undefined) {
    if (input.amountCents !== undefined && input.amountCents !== option.refundCents) {
      throw fieldError("amountCents", `The policy sets this refund at ${formatCents(option.refundCents)} (${option.clause}); it cannot be changed here.`);
    }
    return { cents: option.refundCents, clause: option.clause, agentSet: false };
  }
  // An amount still waiting for a fact (inspection K4, costs C5, received value C6, a grade G) is not the agent's to invent.
  const waiting = decision.findings.filter(
    (f) => (f.code === "missing_fact" && f.severity === "info" && f.clause === option.clause) || (f.code === "grade_pending" && option.kind === "partial_refund"),
  );
  if (waiting.length > 0) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `The amount is not known yet: ${waiting.map((f) => `${f.message ?? f.code} (${f.clause})`).join("; ")}.`,
    });
  }
  if (input.amountCents === undefined) throw fieldError("amountCents", `The policy leaves this amount to you (${option.clause}): enter it.`);
  if ((input.note?.length ?? 0) < 10) throw fieldError("note", "Say how you set the amount (at least 10 characters); the supervisor reads it.");
  return { cents: input.amountCents, clause: option.clause, agentSet: true };
}

/** Goodwill (supervisors): a refund the policy does not offer; it records the claim's exception if none yet. */
function goodwillAmount(m: ClaimMutation, input: ProposeRefund): number {
  if (m.user.role === "agent") throw new TRPCError({ code: "FORBIDDEN", message: "Goodwill refunds are a supervisor's decision." });
  if (m.claim.exceptionReason === null) {
    m.set({ exceptionReason: input.reason!, exceptionById: m.user.id, exceptionAt: m.now }, { silent: true });
    m.record("exception_recorded", { reason: input.reason, goodwill: true });
  }
  return input.amountCents!;
}

async function propose(m: ClaimMutation, input: ProposeRefund) {
  const { decision } = await decisionNow(m);
  const lines = await claimedLinesPaid(m.tx, m.claim.id);
  const paid = lines.reduce((s, l) => s + l.paidCents, 0);
  let clause: string | undefined;
  let cents: number;
  if (input.goodwill) cents = goodwillAmount(m, input);
  else {
    assertNoUnresolvedConflict(m, decision);
    if (input.option === "return_for_refund" && !m.claim.caseFacts.returnReceivedAt) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "A return is refunded once the goods are back: record the return's receipt (and inspection) first." });
    }
    ({ cents, clause } = policyAmount(decision, input));
  }
  if (cents > paid) throw fieldError("amountCents", `X2: at most ${formatCents(paid)}, what the claimed lines paid.`);
  if (cents <= 0) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "The policy's amount is $0.00: there is nothing to refund." });
  if (input.method === "store_coupon" && !couponKinds[m.claim.storeId]?.includes(input.option)) {
    throw fieldError("method", "This store pays this refund to the original payment only; coupons are for compensations where the policy offers them (C6).");
  }

  const split = splitRefund(cents, lines);
  await assertLineCaps(m.tx, split);
  const id = await nextRefundId(m.tx);
  const reference = refundReference(id, m.now);
  const isException = input.goodwill || m.claim.exceptionReason !== null;
  await m.tx.insert(refunds).values({
    id, claimId: m.claim.id, reference, amountCents: cents, kind: input.option, method: input.method, status: "proposed",
    isException, reason: input.goodwill ? input.reason : (input.note ?? null), proposedById: m.user.id, idempotencyKey: input.idempotencyKey,
    createdAt: m.now, updatedAt: m.now,
  });
  await m.tx.insert(refundLines).values(split.map((l) => ({ refundId: id, ...l })));
  m.transition("propose_refund", { refundId: id });
  m.record("refund_proposed", {
    refundId: id, reference, kind: input.option, amountCents: cents, method: input.method, isException, clause: clause ?? null,
    lines: split, note: input.note ?? null, reason: input.goodwill ? input.reason : null,
  });
  await notifyApprovalWaiting(m, { reference, amountCents: cents });
  return { refundId: id, reference, amountCents: cents, status: "proposed" as const, replayed: false };
}

/**
 * Records a refund proposal (status `proposed`, awaiting a supervisor, X3) split over the claimed lines,
 * after the X2 cap check under row locks. The idempotency key makes a retried submit return the
 * proposal it already made instead of a second one.
 */
export async function proposeRefund(db: Db, user: SessionUser, input: ProposeRefund, now: Date) {
  const replay = async () => {
    const prior = await byKey(db, input.idempotencyKey);
    if (!prior) return null;
    if (prior.claimNumber !== input.number.toUpperCase()) throw new TRPCError({ code: "CONFLICT", message: "This idempotency key was used for another claim." });
    return { refundId: prior.id, reference: prior.reference, amountCents: prior.amountCents, status: prior.status, replayed: true };
  };
  const prior = await replay();
  if (prior) return prior;
  try {
    return await mutateClaim(db, user, input, now, (m) => propose(m, input));
  } catch (error) {
    // The same submit twice at once: the second lost the claim's version race; answer with the first's proposal.
    const again = await replay();
    if (again) return again;
    throw error;
  }
}
