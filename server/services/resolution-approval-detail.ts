import { TRPCError } from "@trpc/server";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client.ts";
import { claimLines, claims, evidenceItems, orderLines, refundLines, refunds, stores, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { evaluateStoredClaim } from "./claim-evaluation.ts";
import { explainOptionAmount } from "./refund-explain.ts";
import { FREIGHT_REIMBURSEMENT, payoutWaitsFor } from "./refunds.ts";
import { assertStoreAccess } from "./scope.ts";

const proposers = alias(users, "proposers");
const exceptionBy = alias(users, "exception_by");

/**
 * Everything a supervisor weighs for one proposal, side by side: the grading of each line, the evidence,
 * the policy's findings and options now, the split over order lines with what each line already had
 * refunded (X2 headroom), and any exception behind it.
 */
export async function getApproval(db: DbOrTx, user: SessionUser, refundId: number, now: Date) {
  const [refund] = await db
    .select({
      id: refunds.id, reference: refunds.reference, amountCents: refunds.amountCents, currency: refunds.currency, kind: refunds.kind,
      method: refunds.method, status: refunds.status, isException: refunds.isException, reason: refunds.reason,
      idempotencyKey: refunds.idempotencyKey, createdAt: refunds.createdAt, decisionComment: refunds.decisionComment,
      proposedById: refunds.proposedById, proposedByName: proposers.name, couponCode: refunds.couponCode,
      claimId: claims.id, claimNumber: claims.number, claimVersion: claims.version, claimStatus: claims.status, claimReason: claims.reason,
      storeId: claims.storeId, storeName: stores.name, rmaNumber: claims.rmaNumber,
      exceptionReason: claims.exceptionReason, exceptionAt: claims.exceptionAt, exceptionByName: exceptionBy.name,
    })
    .from(refunds)
    .innerJoin(claims, eq(claims.id, refunds.claimId))
    .innerJoin(stores, eq(stores.id, claims.storeId))
    .leftJoin(proposers, eq(proposers.id, refunds.proposedById))
    .leftJoin(exceptionBy, eq(exceptionBy.id, claims.exceptionById))
    .where(eq(refunds.id, refundId));
  if (!refund) throw new TRPCError({ code: "NOT_FOUND", message: `Refund ${refundId} does not exist.` });
  assertStoreAccess(user, refund.storeId);

  const [lines, split, evidence, evaluation] = await Promise.all([
    db
      .select({
        id: claimLines.id, sku: orderLines.sku, name: orderLines.name, quantity: claimLines.quantity, unitPriceCents: orderLines.unitPriceCents,
        issueType: claimLines.issueType, partType: sql<string | null>`coalesce(${claimLines.partType}, ${orderLines.partType})`,
        grade: claimLines.grade, gradeReason: claimLines.gradeReason, failureCause: claimLines.failureCause, agentCents: claimLines.agentCents,
        orderLineId: claimLines.orderLineId,
      })
      .from(claimLines)
      .innerJoin(orderLines, eq(orderLines.id, claimLines.orderLineId))
      .where(eq(claimLines.claimId, refund.claimId))
      .orderBy(asc(claimLines.id)),
    db
      .select({
        orderLineId: refundLines.orderLineId, amountCents: refundLines.amountCents, sku: orderLines.sku,
        linePaidCents: sql<number>`(${orderLines.unitPriceCents} * ${orderLines.quantity})::int`,
      })
      .from(refundLines)
      .innerJoin(orderLines, eq(orderLines.id, refundLines.orderLineId))
      .where(eq(refundLines.refundId, refund.id))
      .orderBy(asc(refundLines.orderLineId)),
    db
      .select({ id: evidenceItems.id, kind: evidenceItems.kind, note: evidenceItems.note, fileName: evidenceItems.fileName, createdAt: evidenceItems.createdAt })
      .from(evidenceItems)
      .where(eq(evidenceItems.claimId, refund.claimId))
      .orderBy(asc(evidenceItems.createdAt), asc(evidenceItems.id)),
    evaluateStoredClaim(db, refund.claimId, now),
  ]);
  const others = split.length
    ? await db
        .select({ orderLineId: refundLines.orderLineId, cents: sql<number>`sum(${refundLines.amountCents})::int` })
        .from(refundLines)
        .innerJoin(refunds, eq(refunds.id, refundLines.refundId))
        .where(and(inArray(refundLines.orderLineId, split.map((s) => s.orderLineId)), ne(refunds.status, "rejected"), ne(refunds.id, refund.id)))
        .groupBy(refundLines.orderLineId)
    : [];
  const otherCents = new Map(others.map((o) => [o.orderLineId, Number(o.cents)]));
  // The claim's own cap per line: its claimed units' value, and what its other refunds (not rejected) hold there.
  const sameClaim = split.length
    ? await db
        .select({ orderLineId: refundLines.orderLineId, cents: sql<number>`sum(${refundLines.amountCents})::int` })
        .from(refundLines)
        .innerJoin(refunds, eq(refunds.id, refundLines.refundId))
        .where(and(eq(refunds.claimId, refund.claimId), ne(refunds.status, "rejected"), ne(refunds.id, refund.id)))
        .groupBy(refundLines.orderLineId)
    : [];
  const claimOther = new Map(sameClaim.map((o) => [o.orderLineId, Number(o.cents)]));
  const { decision, facts, policy } = evaluation;
  const freight = refund.kind === FREIGHT_REIMBURSEMENT;
  const option = freight ? undefined : decision.options.find((o) => o.kind === refund.kind);
  // Issue 14: the amount's inputs per line, from the claim's facts and the store's policy document (X9).
  const explanation = option ? explainOptionAmount(policy.document, facts, option) : undefined;
  const waits = freight ? undefined : payoutWaitsFor(option, refund.kind, evaluation.facts as never);
  return {
    refund: { ...refund, ownProposal: refund.proposedById === user.id },
    lines,
    split: split.map((s) => {
      const claimed = lines.filter((l) => l.orderLineId === s.orderLineId);
      return {
        ...s,
        otherRefundsCents: otherCents.get(s.orderLineId) ?? 0,
        claimedValueCents: claimed.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0),
        claimOtherRefundsCents: claimOther.get(s.orderLineId) ?? 0,
      };
    }),
    explanation: explanation ?? null,
    /** X8: what the payout still waits for (null: it may be paid once approved). */
    payout: waits ? { gate: waits.gate, missing: waits.missing, clause: "X8" } : null,
    /** E4: the advanced freight on record, beside a freight reimbursement. */
    freight: freight ? { advancedFreightCents: facts.advancedFreightCents ?? null, engineCents: decision.freightReimbursement?.cents ?? null, clause: "E4" } : null,
    evidence,
    decision: evaluation.decision,
    policyVersion: evaluation.policy.version,
  };
}
