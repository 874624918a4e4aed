import { TRPCError } from "@trpc/server";
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { lineMatches } from "../../shared/policy/engine/cases.ts";
import type { ClaimReason, PolicyDocument, RepairPause, VoidCause } from "../../shared/policy/index.ts";
import {
  claimReasonLabels,
  dayStart,
  destinationLabel,
  type changeClaimReasonInput,
  type markComplexCaseInput,
  type recordAdvancedFreightInput,
  type recordGoodsConditionInput,
  type recordPrepaidLabelInput,
  type recordRepairPauseInput,
  type recordVoidCausesInput,
  type removeRepairPauseInput,
  type setPackagingSeverityInput,
  type setReturnDestinationInput,
} from "../../shared/schemas/case-facts.ts";
import type { Db } from "../db/client.ts";
import { claimLines, claims, orderLines, type CaseNotes } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { getClaimRef } from "./claim-detail.ts";
import { reasonsKnownBy } from "./claim-intake.ts";
import { mutateClaim, type ClaimMutation } from "./claim-mutation.ts";
import { currentPolicyVersion, policyVersionById } from "./policy-versions.ts";
import { assertEditable, decisionNow, fieldError, setCaseFacts } from "./resolution-common.ts";

// Facts of the case a person records on the claim page (issue 14). Each is one claim change through
// mutateClaim: version check, the fact, an audit event saying who changed what and why, re-evaluation.

type In<S extends z.ZodType> = z.output<S>;

function setNotes(m: ClaimMutation, patch: Partial<CaseNotes>) {
  const notes = { ...m.claim.caseFacts.notes, ...patch };
  for (const [k, v] of Object.entries(notes)) if (v === undefined) delete (notes as Record<string, unknown>)[k];
  setCaseFacts(m, { notes: Object.keys(notes).length ? notes : undefined });
}

/** L4/L5, E5: the causes found on one line (they void that line only), with the agent's note. */
export async function recordVoidCauses(db: Db, user: SessionUser, input: In<typeof recordVoidCausesInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    assertEditable(m, "Recording void causes");
    const [line] = await m.tx
      .select({ id: claimLines.id, voidCauses: claimLines.voidCauses, voidNote: claimLines.voidNote, sku: orderLines.sku })
      .from(claimLines)
      .innerJoin(orderLines, eq(orderLines.id, claimLines.orderLineId))
      .where(and(eq(claimLines.id, input.claimLineId), eq(claimLines.claimId, m.claim.id)))
      .for("update", { of: claimLines });
    if (!line) throw new TRPCError({ code: "NOT_FOUND", message: `Line ${input.claimLineId} is not part of ${m.claim.number}.` });
    const causes = [...new Set(input.causes)];
    await m.tx.update(claimLines).set({ voidCauses: causes, voidNote: causes.length ? input.note : null }).where(eq(claimLines.id, line.id));
    m.record("void_causes_recorded", { sku: line.sku, claimLineId: line.id, before: line.voidCauses, after: causes, note: input.note });
    return { causes };
  });
}

const toFact = (p: { leftOn: string; backOn: string; leftTracking?: string; backTracking?: string }): RepairPause => ({
  leftAt: dayStart(p.leftOn),
  backAt: dayStart(p.backOn),
  ...(p.leftTracking ? { leftTracking: p.leftTracking } : {}),
  ...(p.backTracking ? { backTracking: p.backTracking } : {}),
});

/** L9: a repair pause (new, or the one at `index` corrected); the engine extends the warranty by it. */
export async function recordRepairPause(db: Db, user: SessionUser, input: In<typeof recordRepairPauseInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    assertEditable(m, "Recording a repair pause");
    if (Date.parse(dayStart(input.backOn)) > now.getTime()) throw fieldError("backOn", "The product is not back yet: record the pause once it has returned.");
    const pauses = [...(m.claim.caseFacts.repairPauses ?? [])];
    if (input.index !== undefined && input.index >= pauses.length) throw fieldError("index", "That repair pause no longer exists; reload the claim.");
    const pause = toFact(input);
    const before = input.index === undefined ? null : pauses[input.index];
    if (input.index === undefined) pauses.push(pause);
    else pauses[input.index] = pause;
    pauses.sort((a, b) => Date.parse(a.leftAt) - Date.parse(b.leftAt));
    setCaseFacts(m, { repairPauses: pauses });
    m.record("repair_pause_recorded", { before: before ?? null, after: pause, note: input.note });
    return { repairPauses: pauses };
  });
}

export async function removeRepairPause(db: Db, user: SessionUser, input: In<typeof removeRepairPauseInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    assertEditable(m, "Removing a repair pause");
    const pauses = [...(m.claim.caseFacts.repairPauses ?? [])];
    const [removed] = pauses.splice(input.index, 1);
    if (!removed) throw fieldError("index", "That repair pause no longer exists; reload the claim.");
    setCaseFacts(m, { repairPauses: pauses.length ? pauses : undefined });
    m.record("repair_pause_removed", { before: removed, note: input.note });
    return { repairPauses: pauses };
  });
}

/** A1: minor packaging damage is not covered, severe is. */
export async function setPackagingSeverity(db: Db, user: SessionUser, input: In<typeof setPackagingSeverityInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    assertEditable(m, "Recording the packaging damage");
    const before = m.claim.caseFacts.packagingSeverity ?? null;
    setCaseFacts(m, { packagingSeverity: input.severity });
    setNotes(m, { packagingSeverityNote: input.note });
    m.record("packaging_severity_set", { before, after: input.severity, note: input.note });
    return { packagingSeverity: input.severity };
  });
}

/**
 * C4: the goods' condition before the RMA (every chipyard return must be unused, untested, unprogrammed, in
 * intact packaging). It fills the same `condition` fact the inspection later confirms, keeping the
 * inspection's own result and deduction.
 */
export async function recordGoodsCondition(db: Db, user: SessionUser, input: In<typeof recordGoodsConditionInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    assertEditable(m, "Recording the goods' condition");
    const before = m.claim.caseFacts.condition;
    const state = { used: input.used, tested: input.tested, programmed: input.programmed, packagingIntact: input.packagingIntact };
    setCaseFacts(m, { condition: { ...before, ...state } });
    setNotes(m, { goodsConditionNote: input.note });
    const was = before ? { used: before.used, tested: before.tested, programmed: before.programmed, packagingIntact: before.packagingIntact } : null;
    m.record("goods_condition_recorded", { before: was, after: state, note: input.note ?? null });
    return { condition: state };
  });
}

/** C8: a complex case's review is due later; the engine moves `review_due`. */
export async function markComplexCase(db: Db, user: SessionUser, input: In<typeof markComplexCaseInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    assertEditable(m, "Marking the case");
    const before = m.claim.caseFacts.complex === true;
    if (before === input.complex) throw fieldError("complex", input.complex ? "The case is already marked complex." : "The case is not marked complex.");
    setCaseFacts(m, { complex: input.complex || undefined });
    setNotes(m, { complexReason: input.complex ? input.reason : undefined });
    m.record(input.complex ? "complex_case_marked" : "complex_case_unmarked", { reason: input.reason });
    return { complex: input.complex };
  });
}

/** E4: freight the customer paid that the store owed; its reimbursement is a payout of its own (outside X2). */
export async function recordAdvancedFreight(db: Db, user: SessionUser, input: In<typeof recordAdvancedFreightInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    assertEditable(m, "Recording advanced freight");
    const f = m.claim.caseFacts;
    const before = f.customerAdvancedFreight ? { amountCents: f.advancedFreightCents ?? null, invoiceReference: f.notes?.advancedFreightInvoice ?? null } : null;
    setCaseFacts(m, { customerAdvancedFreight: true, advancedFreightCents: input.amountCents });
    setNotes(m, { advancedFreightInvoice: input.invoiceReference });
    m.record("advanced_freight_recorded", { before, after: { amountCents: input.amountCents, invoiceReference: input.invoiceReference }, note: input.note });
    return { advancedFreightCents: input.amountCents };
  });
}

/** E4: the prepaid label (or its tracking number) the store sent for merchant-paid freight. */
export async function recordPrepaidLabel(db: Db, user: SessionUser, input: In<typeof recordPrepaidLabelInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    assertEditable(m, "Recording the prepaid label");
    const before = m.claim.caseFacts.prepaidLabel ?? null;
    setCaseFacts(m, { prepaidLabel: input.label });
    m.record("prepaid_label_recorded", { before, after: input.label });
    return { prepaidLabel: input.label };
  });
}

/** K5 and the like: the claim is judged under another reason from now on (re-evaluated by mutateClaim). */
export async function changeClaimReason(db: Db, user: SessionUser, input: In<typeof changeClaimReasonInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    assertEditable(m, "Changing the reason");
    const [row] = await m.tx.select({ reason: claims.reason }).from(claims).where(eq(claims.id, m.claim.id));
    const from = row!.reason;
    if (from === input.reason) throw fieldError("reason", `The claim's reason already is ${claimReasonLabels[input.reason].toLowerCase()}.`);
    const { policy } = await decisionNow(m);
    if (!reasonsKnownBy(policy).has(input.reason)) {
      throw fieldError("reason", `${policy.document.name}'s rules do not cover ${claimReasonLabels[input.reason].toLowerCase()}; pick another reason.`);
    }
    m.set({ reason: input.reason }, { silent: true });
    m.record("reason_changed", { from, to: input.reason, note: input.note });
    return { reason: input.reason };
  });
}

/** K6: the store's default destination or one of its alternatives; the return messages name it. */
export async function setReturnDestination(db: Db, user: SessionUser, input: In<typeof setReturnDestinationInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    assertEditable(m, "Routing the return");
    const { policy } = await decisionNow(m);
    const rule = policy.document.returnDestination;
    if (!rule) throw new TRPCError({ code: "PRECONDITION_FAILED", message: `${policy.document.name} has one return address; there is nothing to choose.` });
    const allowed = [rule.default, ...rule.alternatives];
    if (!allowed.includes(input.destination)) {
      throw fieldError("destination", `Returns go to ${allowed.map((d) => destinationLabel(d).toLowerCase()).join(" or ")} (${rule.clause}).`);
    }
    const before = m.claim.caseFacts.returnDestination ?? null;
    setCaseFacts(m, { returnDestination: input.destination });
    setNotes(m, { returnDestinationNote: input.note });
    m.record("return_destination_set", { before, after: input.destination, clause: rule.clause, note: input.note });
    return { returnDestination: input.destination };
  });
}

/** What the case-facts panels show: the recorded facts, each line's void causes, and what the store's policy asks about. */
async function loadCaseFactLines(db: Db, claimId: number) {
  return db
    .select({ id: claimLines.id, sku: orderLines.sku, name: orderLines.name, motor: orderLines.motor, electronic: orderLines.electronic, consumable: orderLines.consumable, voidCauses: claimLines.voidCauses, voidNote: claimLines.voidNote })
    .from(claimLines)
    .innerJoin(orderLines, eq(orderLines.id, claimLines.orderLineId))
    .where(eq(claimLines.claimId, claimId))
    .orderBy(asc(claimLines.id));
}


/** Void causes the store's rules read for this line under the claim's reason (L4 every line, L5 motor lines, E5 electronic lines). */
function causesFor(doc: PolicyDocument, reason: string, line: { motor: boolean; electronic: boolean; consumable: boolean }): VoidCause[] {
  const asLine = { sku: "", unitPriceCents: 0, quantity: 1, ...line };
  const rules = doc.lineRules.filter((r) => r.test.type === "void_cause" && (!r.reasons || r.reasons.includes(reason as ClaimReason)) && lineMatches(r.lines, asLine));
  return [...new Set(rules.flatMap((r) => (r.test.type === "void_cause" ? r.test.causes : [])))];
}

/**
 * The case-facts panels' data: what is recorded (case facts with their notes, each line's void causes) and
 * which of these facts the store's policy reads at all, so the page offers only the ones that change something.
 */
export async function getCaseFacts(db: Db, user: SessionUser, number: string) {
  const ref = await getClaimRef(db, user, number);
  const [[claim], lines] = await Promise.all([
    db.select({ reason: claims.reason, caseFacts: claims.caseFacts, policyVersionId: claims.policyVersionId, storeId: claims.storeId }).from(claims).where(eq(claims.id, ref.id)),
    loadCaseFactLines(db, ref.id),
  ]);
  const policy = claim!.policyVersionId ? await policyVersionById(db, claim!.policyVersionId) : await currentPolicyVersion(db, claim!.storeId);
  const doc = policy.document;
  const packagingCases = doc.cases.filter((c) => c.reasons.includes("packaging_damage"));
  return {
    reason: claim!.reason as ClaimReason,
    facts: claim!.caseFacts,
    lines: lines.map((l) => ({ ...l, applicableCauses: causesFor(doc, claim!.reason, l) })),
    store: {
      name: doc.name,
      reasons: [...reasonsKnownBy(policy)] as ClaimReason[],
      warranty: doc.warranty ? { clause: doc.warranty.clause, pauseClause: doc.warranty.pauseRule?.clause ?? null, pausesNeedTracking: doc.warranty.pauseRule?.requiresTracking ?? false } : null,
      packagingSeverity: packagingCases.some((c) => JSON.stringify(c).includes("packagingSeverity")),
      complexClause: doc.deadlines.find((d) => d.afterIfComplex)?.clause ?? null,
      conditionClause: doc.conditionRules.find((r) => r.reasons.includes(claim!.reason as ClaimReason))?.clause ?? null,
      advancedFreightClause: doc.deadlines.find((d) => d.needsAdvancedFreight)?.clause ?? null,
      returnDestination: doc.returnDestination ? { clause: doc.returnDestination.clause, default: doc.returnDestination.default, alternatives: doc.returnDestination.alternatives } : null,
    },
  };
}
