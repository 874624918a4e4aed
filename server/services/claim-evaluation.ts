import { asc, eq } from "drizzle-orm";
import { evaluateClaim, type ClaimFactsInput, type Decision } from "../../shared/policy/index.ts";
import { isOwnDeadline } from "../../shared/workflow/deadlines.ts";
import { finishedStatuses, waitingOnCustomer, type ClaimStatus } from "../../shared/workflow/statuses.ts";
import type { DbOrTx } from "../db/client.ts";
import { claimLines, claims, evidenceItems, orderLines, orders, type CaseFacts, type StoredDeadline } from "../db/schema/index.ts";
import { currentPolicyVersion, policyVersionById } from "./policy-versions.ts";

type FactSources = {
  reason: string;
  reportedAt: Date;
  caseFacts: CaseFacts;
  order: { placedAt: Date; shippedAt: Date | null; deliveredAt: Date | null };
  lines: {
    sku: string;
    unitPriceCents: number;
    quantity: number;
    electronic: boolean;
    consumable: boolean;
    motor: boolean;
    partType: string | null;
    issueType: string | null;
    grade: string | null;
    failureCause: string | null;
    voidCauses?: readonly string[];
    /** A6: the agent's amount for a Depends grade or value. */
    agentCents?: number | null;
  }[];
  evidenceKinds: string[];
};

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);
const opt = <T,>(v: T | null) => (v === null ? undefined : v);

/** Assembles the engine's facts from what the database knows about a claim. */
export function buildFacts(s: FactSources): ClaimFactsInput {
  const { notes: _notes, ...caseFacts } = s.caseFacts;
  return {
    ...caseFacts,
    reason: s.reason as ClaimFactsInput["reason"],
    orderPlacedAt: s.order.placedAt.toISOString(),
    shippedAt: iso(s.order.shippedAt),
    deliveredAt: iso(s.order.deliveredAt),
    reportedAt: s.reportedAt.toISOString(),
    lines: s.lines.map((l) => ({
      sku: l.sku,
      unitPriceCents: l.unitPriceCents,
      quantity: l.quantity,
      electronic: l.electronic || undefined,
      consumable: l.consumable || undefined,
      motor: l.motor || undefined,
      partType: opt(l.partType) as never,
      issueType: opt(l.issueType) as never,
      grade: opt(l.grade) as never,
      failureCause: opt(l.failureCause) as never,
      voidCauses: l.voidCauses?.length ? ([...l.voidCauses] as never) : undefined,
      agentCents: l.agentCents ?? undefined,
    })),
    evidence: s.evidenceKinds.map((kind) => ({ kind: kind as never })),
  };
}


/**
 * The queue's "Due" column: the earliest of our own deadlines while the claim is open and the ball is in
 * our court. Waiting on the customer pauses it, and a finished claim (refunded, shipped, closed) has none.
 */
export function nextDueAt(deadlines: readonly StoredDeadline[], status: ClaimStatus): Date | null {
  // (deadlines arrive already shifted by any pause; see shiftDeadlines)
  if (finishedStatuses.includes(status) || waitingOnCustomer.includes(status)) return null;
  const times = deadlines.filter((d) => isOwnDeadline(d.key)).map((d) => Date.parse(d.dueAt));
  return times.length ? new Date(Math.min(...times)) : null;
}

/**
 * The one place our own deadlines move by the time spent waiting on the customer (`pausedMs`: they pause,
 * E7/C8/K7/C10). The stored deadlines, the queue's due date and the claim page's policy panel all come
 * from it, so they cannot disagree. The customer's own deadlines (report by, ship the return) do not move.
 */
export function shiftDeadlines<D extends { key: string; dueAt: string }>(deadlines: readonly D[], pausedMs: number): D[] {
  if (!pausedMs) return [...deadlines];
  return deadlines.map((d) => (isOwnDeadline(d.key) ? { ...d, dueAt: new Date(Date.parse(d.dueAt) + pausedMs).toISOString() } : d));
}

/** What is stored on the claim row: eligibility, the (shifted) deadlines and the next due date. */
export function summarizeDecision(decision: Decision, status: ClaimStatus, pausedMs = 0) {
  const deadlines: StoredDeadline[] = shiftDeadlines(decision.deadlines, pausedMs).map((d) => ({ key: d.key, dueAt: d.dueAt, clause: d.clause }));
  return { eligibility: decision.eligibility, deadlines, dueAt: nextDueAt(deadlines, status) };
}

/**
 * The decision as the claim page shows it: our deadlines shifted exactly as the stored ones, the due date
 * the queue shows, and whether the clock is stopped (waiting on the customer) or gone (finished).
 */
export function presentDecision(decision: Decision, status: ClaimStatus, pausedMs: number, pausedAt: Date | null) {
  const summary = summarizeDecision(decision, status, pausedMs);
  return {
    decision: { ...decision, deadlines: shiftDeadlines(decision.deadlines, pausedMs) },
    dueAt: summary.dueAt,
    clock: (finishedStatuses.includes(status) ? "finished" : pausedAt || waitingOnCustomer.includes(status) ? "paused" : "running") as "running" | "paused" | "finished",
  };
}

async function loadSources(db: DbOrTx, claimId: number) {
  const [claim] = await db
    .select({
      id: claims.id,
      storeId: claims.storeId,
      reason: claims.reason,
      status: claims.status,
      reportedAt: claims.reportedAt,
      caseFacts: claims.caseFacts,
      pausedMs: claims.pausedMs,
      pausedAt: claims.pausedAt,
      policyVersionId: claims.policyVersionId,
      placedAt: orders.placedAt,
      shippedAt: orders.shippedAt,
      deliveredAt: orders.deliveredAt,
    })
    .from(claims)
    .innerJoin(orders, eq(orders.id, claims.orderId))
    .where(eq(claims.id, claimId));
  if (!claim) throw new Error(`claim ${claimId} not found`);
  const [lines, evidence] = await Promise.all([
    db
      .select({
        sku: orderLines.sku,
        unitPriceCents: orderLines.unitPriceCents,
        quantity: claimLines.quantity,
        electronic: orderLines.electronic,
        consumable: orderLines.consumable,
        motor: orderLines.motor,
        partType: claimLines.partType,
        issueType: claimLines.issueType,
        grade: claimLines.grade,
        failureCause: claimLines.failureCause,
        voidCauses: claimLines.voidCauses,
        agentCents: claimLines.agentCents,
        orderPartType: orderLines.partType,
      })
      .from(claimLines)
      .innerJoin(orderLines, eq(orderLines.id, claimLines.orderLineId))
      .where(eq(claimLines.claimId, claimId))
      .orderBy(asc(claimLines.id)),
    db.select({ kind: evidenceItems.kind }).from(evidenceItems).where(eq(evidenceItems.claimId, claimId)),
  ]);
  return {
    claim,
    facts: buildFacts({
      reason: claim.reason,
      reportedAt: claim.reportedAt,
      caseFacts: claim.caseFacts,
      order: claim,
      // The grader's part type wins; otherwise the catalogue's.
      lines: lines.map(({ orderPartType, ...l }) => ({ ...l, partType: l.partType ?? orderPartType })),
      evidenceKinds: evidence.map((e) => e.kind),
    }),
  };
}

/** The decision for a claim under the policy version it was judged by (or the store's current one if none yet). */
export async function evaluateStoredClaim(db: DbOrTx, claimId: number, now: Date) {
  const { claim, facts } = await loadSources(db, claimId);
  const policy = claim.policyVersionId ? await policyVersionById(db, claim.policyVersionId) : await currentPolicyVersion(db, claim.storeId);
  return { decision: evaluateClaim(policy.document, facts, now), facts, policy, status: claim.status, pausedMs: claim.pausedMs, pausedAt: claim.pausedAt };
}

/** Re-evaluates and stores eligibility, deadlines and the next due date; call inside the write's transaction. */
export async function refreshClaimEvaluation(tx: DbOrTx, claimId: number, now: Date) {
  const { decision, policy, status, pausedMs } = await evaluateStoredClaim(tx, claimId, now);
  const summary = summarizeDecision(decision, status, pausedMs);
  await tx.update(claims).set({ ...summary, policyVersionId: policy.id }).where(eq(claims.id, claimId));
  return decision;
}

