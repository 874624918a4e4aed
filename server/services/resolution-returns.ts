import { TRPCError } from "@trpc/server";
import { and, asc, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import { evaluateClaim } from "../../shared/policy/index.ts";
import type { receiveReturnInput, recordInspectionInput, recordReturnShippedInput, requestReturnInput } from "../../shared/schemas/resolution.ts";
import type { Db } from "../db/client.ts";
import { claimLines, evidenceItems, orderLines, shipments } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { mutateClaim } from "./claim-mutation.ts";
import { asIso, assertConditionsForRma, assertNoUnresolvedConflict, decisionNow, setCaseFacts } from "./resolution-common.ts";
import { issueRmaNumber } from "./resolution-rma.ts";

/**
 * Authorises a return (X1: goods come back only on an open, authorised claim): the authorisation instant
 * becomes `approvedAt` (C9/E7's ship-by clock) and, where the store requires one, an RMA number is issued (C1).
 */
export async function requestReturn(db: Db, user: SessionUser, input: z.output<typeof requestReturnInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    const { decision, policy } = await decisionNow(m);
    assertNoUnresolvedConflict(m, decision);
    const status = m.transition("request_return");
    if (!m.claim.caseFacts.approvedAt) setCaseFacts(m, { approvedAt: asIso(now) });
    let rmaNumber = m.claim.rmaNumber;
    if (policy.document.rma && !rmaNumber) {
      assertConditionsForRma(m, decision);
      rmaNumber = await issueRmaNumber(m.tx, m.claim.id, policy.document);
    }
    m.record("return_authorised", {
      rmaNumber, rmaClause: policy.document.rma?.clause ?? null, carriers: policy.document.returnCarrier?.allowed ?? null, freight: decision.freight, note: input.note ?? null,
    });
    return { status, rmaNumber, carriers: policy.document.returnCarrier?.allowed ?? null };
  });
}

/**
 * The customer shipped the return: carrier and tracking. A carrier the store refuses (C2) is refused
 * here with its clause, before anything is recorded. The tracking number is also kept as evidence (K4).
 */
export async function recordReturnShipped(db: Db, user: SessionUser, input: z.output<typeof recordReturnShippedInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    if (m.claim.status !== "awaiting_return") {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Authorise the return first: goods travel back only on an authorised claim (X1)." });
    }
    const { facts, policy } = await decisionNow(m);
    const check = evaluateClaim(policy.document, { ...facts, returnCarrier: input.carrier, returnShippedAt: asIso(now) }, now);
    const wrong = check.findings.find((f) => f.code === "wrong_carrier");
    if (wrong) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: `${wrong.clause}: ${input.carrier} is refused; returns must ship with ${policy.document.returnCarrier?.allowed.join(" or ")}.` });
    }
    setCaseFacts(m, { returnShippedAt: asIso(now), returnCarrier: input.carrier });
    const parts = await m.tx
      .select({ sku: orderLines.sku, name: orderLines.name, quantity: claimLines.quantity })
      .from(claimLines)
      .innerJoin(orderLines, eq(orderLines.id, claimLines.orderLineId))
      .where(eq(claimLines.claimId, m.claim.id))
      .orderBy(asc(claimLines.id));
    await m.tx.insert(shipments).values({
      claimId: m.claim.id, kind: "return", carrier: input.carrier, trackingNumber: input.trackingNumber, parts, status: "shipped",
      shippedAt: now, createdById: user.id, createdAt: now, updatedAt: now,
    });
    await m.tx.insert(evidenceItems).values({ claimId: m.claim.id, kind: "tracking_number", note: `${input.carrier} ${input.trackingNumber}`, createdById: user.id, createdAt: now });
    m.record("return_shipped", { carrier: input.carrier, trackingNumber: input.trackingNumber, rmaNumber: m.claim.rmaNumber });
    return { carrier: input.carrier, trackingNumber: input.trackingNumber };
  });
}

/**
 * The parcel arrived. On an authorised return this moves the claim to inspection; a parcel for a claim
 * that was never authorised is an unannounced return (X1): its receipt is recorded with a finding event,
 * the engine flags it (`unannounced_return`) and the claim stays where it is for a supervisor.
 */
export async function receiveReturn(db: Db, user: SessionUser, input: z.output<typeof receiveReturnInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    if (m.claim.caseFacts.returnReceivedAt) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "The return's receipt is already recorded." });
    setCaseFacts(m, { returnReceivedAt: asIso(now) });
    const [shipment] = await m.tx
      .select({ id: shipments.id })
      .from(shipments)
      .where(and(eq(shipments.claimId, m.claim.id), eq(shipments.kind, "return")))
      .orderBy(desc(shipments.id))
      .limit(1);
    if (shipment) await m.tx.update(shipments).set({ status: "received", deliveredAt: now, updatedAt: now }).where(eq(shipments.id, shipment.id));
    if (m.claim.status !== "awaiting_return" && m.claim.caseFacts.approvedAt) {
      // Authorised earlier, but the claim moved on (e.g. cancelled): the parcel is announced, just late.
      m.record("return_received", { note: input.note ?? null, status: m.claim.status });
      return { status: m.claim.status, unannounced: false };
    }
    if (m.claim.status !== "awaiting_return") {
      const { policy } = await decisionNow(m);
      const clause = policy.document.unannouncedReturn.clause;
      m.record("unannounced_return", { clause, clauses: [...new Set(["X1", clause])], note: input.note ?? null, status: m.claim.status });
      return { status: m.claim.status, unannounced: true };
    }
    const status = m.transition("receive_return");
    m.record("return_received", { note: input.note ?? null });
    return { status, unannounced: false };
  });
}

/**
 * Inspection of the returned goods (C4 condition, K4 result and deduction). The deduction is stored as
 * entered; the engine clamps it to the store's cap and says so (`deduction_cap`), which we return too.
 */
export async function recordInspection(db: Db, user: SessionUser, input: z.output<typeof recordInspectionInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    const status = m.transition("record_inspection");
    const { used, tested, programmed, packagingIntact, inspection, deductionPct } = input;
    const condition = { used, tested, programmed, packagingIntact, inspection, ...(deductionPct !== undefined ? { deductionPct } : {}) };
    setCaseFacts(m, { condition, inspectedAt: asIso(now) });
    // The stored facts change when the mutation commits; judge the new ones now to report the clamp.
    const { decision, facts, policy } = await decisionNow(m);
    const after = evaluateClaim(policy.document, { ...facts, condition, inspectedAt: asIso(now) }, now);
    const cap = after.findings.find((f) => f.code === "deduction_cap") ?? null;
    const breach = after.findings.find((f) => f.code === "condition_breach") ?? null;
    m.record("inspection_recorded", { condition, deductionCap: cap, conditionBreach: breach, note: input.note ?? null, eligibilityBefore: decision.eligibility });
    return { status, deductionCap: cap, conditionBreach: breach, eligibility: after.eligibility, options: after.options };
  });
}
