import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client.ts";
import { carrierRecoveries, claimEvents, claims, refundLines, refunds, shipments, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { getClaimRef } from "./claim-detail.ts";
import { currentPolicyVersion, policyVersionById } from "./policy-versions.ts";
import { couponKinds } from "./refunds.ts";
import { reshipmentOwed } from "./resolution-reshipment.ts";
import { recoverableReasons } from "./resolution-recovery.ts";

const proposers = alias(users, "proposers");
const deciders = alias(users, "deciders");
const exceptionBy = alias(users, "exception_by");

/**
 * The resolution side of a claim for the claim page: exception, RMA, case facts the workflow recorded,
 * shipments, carrier recoveries, refunds with their decisions, the goods resolution chosen, and what the
 * store's rules allow here (RMA C1, carriers C2, coupons C6).
 */
export async function getResolutionState(db: DbOrTx, user: SessionUser, number: string) {
  const ref = await getClaimRef(db, user, number);
  const [[claim], shipmentRows, recoveries, refundRows, [chosen]] = await Promise.all([
    db
      .select({
        id: claims.id, storeId: claims.storeId, reason: claims.reason, rmaNumber: claims.rmaNumber, caseFacts: claims.caseFacts,
        exceptionReason: claims.exceptionReason, exceptionAt: claims.exceptionAt, exceptionByName: exceptionBy.name, policyVersionId: claims.policyVersionId,
      })
      .from(claims)
      .leftJoin(exceptionBy, eq(exceptionBy.id, claims.exceptionById))
      .where(eq(claims.id, ref.id)),
    db
      .select({
        id: shipments.id, kind: shipments.kind, carrier: shipments.carrier, trackingNumber: shipments.trackingNumber, parts: shipments.parts,
        status: shipments.status, shippedAt: shipments.shippedAt, deliveredAt: shipments.deliveredAt,
      })
      .from(shipments)
      .where(eq(shipments.claimId, ref.id))
      .orderBy(asc(shipments.id)),
    db
      .select({
        id: carrierRecoveries.id, carrier: carrierRecoveries.carrier, reference: carrierRecoveries.reference, amountClaimedCents: carrierRecoveries.amountClaimedCents,
        amountRecoveredCents: carrierRecoveries.amountRecoveredCents, status: carrierRecoveries.status, note: carrierRecoveries.note, filedAt: carrierRecoveries.filedAt,
      })
      .from(carrierRecoveries)
      .where(eq(carrierRecoveries.claimId, ref.id))
      .orderBy(asc(carrierRecoveries.id)),
    db
      .select({
        id: refunds.id, reference: refunds.reference, amountCents: refunds.amountCents, currency: refunds.currency, kind: refunds.kind, method: refunds.method,
        couponCode: refunds.couponCode, status: refunds.status, isException: refunds.isException, reason: refunds.reason,
        decisionComment: refunds.decisionComment, createdAt: refunds.createdAt, decidedAt: refunds.decidedAt, executedAt: refunds.executedAt,
        proposedById: refunds.proposedById, proposedByName: proposers.name, decidedByName: deciders.name, idempotencyKey: refunds.idempotencyKey,
      })
      .from(refunds)
      .leftJoin(proposers, eq(proposers.id, refunds.proposedById))
      .leftJoin(deciders, eq(deciders.id, refunds.decidedById))
      .where(eq(refunds.claimId, ref.id))
      .orderBy(asc(refunds.id)),
    db
      .select({ data: claimEvents.data, at: claimEvents.at })
      .from(claimEvents)
      .where(and(eq(claimEvents.claimId, ref.id), eq(claimEvents.type, "resolution_proposed")))
      .orderBy(desc(claimEvents.seq))
      .limit(1),
  ]);
  const refundIds = refundRows.map((r) => r.id);
  const split = refundIds.length
    ? await db.select({ refundId: refundLines.refundId, orderLineId: refundLines.orderLineId, amountCents: refundLines.amountCents }).from(refundLines).where(inArray(refundLines.refundId, refundIds))
    : [];
  const policy = claim!.policyVersionId ? await policyVersionById(db, claim!.policyVersionId) : await currentPolicyVersion(db, claim!.storeId);
  const doc = policy.document;
  const { id: _id, policyVersionId: _p, ...rest } = claim!;
  return {
    ...rest,
    shipments: shipmentRows,
    recoveries,
    refunds: refundRows.map((r) => ({ ...r, lines: split.filter((s) => s.refundId === r.id) })),
    chosenResolution: chosen ? { option: String(chosen.data.option), at: chosen.at } : null,
    /** The paid refund still owes the right item (C6): the page offers "Ship replacement" on the refunded claim. */
    reshipmentOwed: await reshipmentOwed(db, { id: ref.id, storeId: claim!.storeId, status: ref.status }),
    rules: {
      rma: doc.rma ? { clause: doc.rma.clause, prefix: doc.rma.prefix, digits: doc.rma.digits } : null,
      returnCarriers: doc.returnCarrier ? { clause: doc.returnCarrier.clause, allowed: doc.returnCarrier.allowed } : null,
      couponKinds: couponKinds[claim!.storeId] ?? [],
      carrierRecovery: (recoverableReasons as readonly string[]).includes(claim!.reason),
    },
  };
}
