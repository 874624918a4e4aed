import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { formatCents } from "../../shared/money.ts";
import type { ClaimFactsInput, Decision, DecisionOption, PolicyDocument } from "../../shared/policy/index.ts";
import type { proposeRefundInput } from "../../shared/schemas/resolution.ts";
import type { Db } from "../db/client.ts";
import { claimLines, claims, refundLines, refunds } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { mutateClaim, type ClaimMutation } from "./claim-mutation.ts";
import { notifyApprovalWaiting } from "./notifications.ts";
import { assertNoUnresolvedConflict, decisionNow, fieldError, offeredOption } from "./resolution-common.ts";
import { explainOptionAmount, valuedPart, type AmountExplanation } from "./refund-explain.ts";
import {
  assertClaimCaps, assertLineCaps, claimedLinesPaid, couponKinds, nextRefundId, payoutWaitsFor, refundReference, splitRefund, type ClaimedLine, type LineAmount,
} from "./refunds.ts";

type ProposeRefund = z.output<typeof proposeRefundInput>;

async function byKey(db: Db, key: string) {
  const [row] = await db
    .select({ id: refunds.id, reference: refunds.reference, amountCents: refunds.amountCents, status: refunds.status, claimNumber: claims.number })
    .from(refunds)
    .innerJoin(claims, eq(claims.id, refunds.claimId))
    .where(eq(refunds.idempotencyKey, key));
  return row;
}

type Amounts = { cents: number; split: LineAmount[]; clause?: string; agentSet: boolean; agentLines: { claimLineId: number; amountCents: number }[] };

/** The lines an option covers (X9: `lines` lists their skus; an option without it covers every claimed line). */
function coveredLines(option: DecisionOption, lines: readonly ClaimedLine[]): ClaimedLine[] {
  const covered = option.lines ? lines.filter((l) => option.lines!.includes(l.sku)) : [...lines];
  if (covered.length === 0) throw new TRPCError({ code: "PRECONDITION_FAILED", message: `The policy's ${option.kind.replace(/_/g, " ")} covers none of this claim's lines.` });
  return covered;
}

/** The claimed line a policy figure for `sku` books on (the first not used yet, for a sku claimed twice). */
function lineOf(covered: readonly ClaimedLine[], sku: string, used: Set<number>): ClaimedLine {
  const line = covered.find((l) => l.sku === sku && !used.has(l.claimLineId));
  if (!line) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `The policy priced ${sku}, which this claim does not cover.` });
  used.add(line.claimLineId);
  return line;
}

/**
 * X9: the policy's amount split by each line's own figure: the engine's `lineRefunds`; where an older engine
 * gives none, the explanation's per-line figures (the same rules, mirrored) when they add up to its total; a
 * single line takes it all. Pro rata by price is left only for a total nothing else can split (logged in the event).
 */
function policySplit(option: DecisionOption, covered: readonly ClaimedLine[], explained: AmountExplanation): { split: LineAmount[]; by: string } {
  const total = option.refundCents!;
  if (option.lineRefunds?.length) {
    const used = new Set<number>();
    const split = option.lineRefunds.map((lr) => ({ orderLineId: lineOf(covered, lr.sku, used).orderLineId, amountCents: lr.refundCents }));
    if (split.reduce((s, l) => s + l.amountCents, 0) !== total) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "The policy's line amounts do not add up to its total; nothing was proposed." });
    return { split, by: "lineRefunds" };
  }
  if (covered.length === 1) return { split: [{ orderLineId: covered[0]!.orderLineId, amountCents: total }], by: "single_line" };
  if (explained.lines.every((l) => l.cents !== undefined) && explained.lines.reduce((s, l) => s + l.cents!, 0) === total) {
    const used = new Set<number>();
    return { split: explained.lines.map((l) => ({ orderLineId: lineOf(covered, l.sku, used).orderLineId, amountCents: l.cents! })), by: "explained" };
  }
  return { split: splitRefund(total, covered), by: "pro_rata" };
}

/**
 * The agent's amounts (A1 discount, A6 Depends, goodwill): one field for a single line, one per line where the
 * option covers several (lines the policy prices itself take the policy's figure). Each line is capped at what
 * its claimed units paid and, for a graded line whose part has a scheduled maximum, at that maximum (A6).
 */
function agentAmounts(input: ProposeRefund, covered: readonly ClaimedLine[], explained: AmountExplanation | undefined, doc: PolicyDocument | undefined) {
  const given = new Map((input.lineAmounts ?? []).map((l) => [l.claimLineId, l.amountCents]));
  for (const id of given.keys()) {
    if (!covered.some((l) => l.claimLineId === id)) throw fieldError("lineAmounts", "An amount was entered for a line this refund does not cover.");
  }
  const out: { line: ClaimedLine; cents: number; agent: boolean }[] = [];
  if (covered.length === 1 && given.size === 0) {
    if (input.amountCents === undefined) throw fieldError("amountCents", explained?.clause ? `The policy leaves this amount to you (${explained.clause}): enter it.` : "Enter the amount.");
    out.push({ line: covered[0]!, cents: input.amountCents, agent: true });
  } else {
    covered.forEach((line, i) => {
      const own = given.get(line.claimLineId);
      const policy = explained?.rule === "graded" ? explained.lines[i]?.cents : undefined;
      if (own !== undefined && policy !== undefined && own !== policy) {
        throw fieldError("lineAmounts", `The policy sets ${line.sku} at ${formatCents(policy)} (${explained!.clause}); only the lines it leaves to you take your amount.`);
      }
      const cents = own ?? policy;
      if (cents === undefined) throw fieldError("lineAmounts", `Enter the amount for ${line.sku}: the amount of each line is yours here (X9).`);
      out.push({ line, cents, agent: policy === undefined });
    });
    const sum = out.reduce((s, l) => s + l.cents, 0);
    if (input.amountCents !== undefined && input.amountCents !== sum) throw fieldError("amountCents", `The lines add up to ${formatCents(sum)}, not ${formatCents(input.amountCents)}.`);
  }
  for (const { line, cents, agent } of out) {
    if (cents > line.paidCents) throw fieldError(covered.length === 1 && given.size === 0 ? "amountCents" : "lineAmounts", `X2: at most ${formatCents(line.paidCents)} on ${line.sku}, what its claimed units paid.`);
    const max = partMaximum(doc, line);
    if (agent && explained?.rule === "graded" && max !== undefined && cents > max) {
      throw fieldError(
        covered.length === 1 && given.size === 0 ? "amountCents" : "lineAmounts",
        `A6: at most ${formatCents(max)} on ${line.sku}, the part's maximum value${line.quantity > 1 ? ` × ${line.quantity}` : ""} (A5).`,
      );
    }
  }
  return out;
}

/** A5: the scheduled maximum for the claimed units (the issue's row, else the part's), where the store has a value for it. */
function partMaximum(doc: PolicyDocument | undefined, line: ClaimedLine): number | undefined {
  if (!doc?.grading.partValues) return undefined;
  const part = valuedPart(doc, { issueType: (line.issueType ?? undefined) as never, partType: (line.partType ?? undefined) as never });
  const value = part ? (doc.grading.partValues.valuesCents as Record<string, number | null | undefined>)[part] : undefined;
  return value === null || value === undefined ? undefined : value * line.quantity;
}

/** The amount the policy sets, or the agent's where the policy leaves it to them (A1, A6), split per line (X9). */
function policyAmounts(decision: Decision, input: ProposeRefund, lines: readonly ClaimedLine[], doc: PolicyDocument, facts: ClaimFactsInput): Amounts & { by: string } {
  const option = offeredOption(decision, input.option);
  const covered = coveredLines(option, lines);
  const explained = explainOptionAmount(doc, facts, option);
  if (option.refundCents !== undefined) {
    if (input.amountCents !== undefined && input.amountCents !== option.refundCents) {
      throw fieldError("amountCents", `The policy sets this refund at ${formatCents(option.refundCents)} (${option.clause}); it cannot be changed here.`);
    }
    const { split, by } = policySplit(option, covered, explained);
    return { cents: option.refundCents, split, clause: option.clause, agentSet: false, agentLines: [], by };
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
  const amounts = agentAmounts(input, covered, explained, doc);
  if ((input.note?.length ?? 0) < 10) throw fieldError("note", "Say how you set the amount (at least 10 characters); the supervisor reads it.");
  return {
    cents: amounts.reduce((s, a) => s + a.cents, 0),
    split: amounts.map((a) => ({ orderLineId: a.line.orderLineId, amountCents: a.cents })),
    clause: option.clause,
    agentSet: true,
    // A6: a graded line's Depends amount is the line's own fact from now on (the engine reads it as agentCents).
    agentLines: explained.rule === "graded" ? amounts.filter((a) => a.agent).map((a) => ({ claimLineId: a.line.claimLineId, amountCents: a.cents })) : [],
    by: "agent",
  };
}

/** Goodwill (supervisors): a refund the policy does not offer; it records the claim's exception if none yet. */
function goodwillAmounts(m: ClaimMutation, input: ProposeRefund, lines: readonly ClaimedLine[]): Amounts & { by: string } {
  if (m.user.role === "agent") throw new TRPCError({ code: "FORBIDDEN", message: "Goodwill refunds are a supervisor's decision." });
  const amounts = agentAmounts(input, lines, undefined, undefined);
  if (m.claim.exceptionReason === null) {
    m.set({ exceptionReason: input.reason!, exceptionById: m.user.id, exceptionAt: m.now }, { silent: true });
    m.record("exception_recorded", { reason: input.reason, goodwill: true });
  }
  return {
    cents: amounts.reduce((s, a) => s + a.cents, 0), split: amounts.map((a) => ({ orderLineId: a.line.orderLineId, amountCents: a.cents })), agentSet: true, agentLines: [], by: "goodwill",
  };
}

async function propose(m: ClaimMutation, input: ProposeRefund) {
  const { decision, policy, facts } = await decisionNow(m);
  const lines = await claimedLinesPaid(m.tx, m.claim.id);
  let amounts: Amounts & { by: string };
  if (input.goodwill) amounts = goodwillAmounts(m, input, lines);
  else {
    assertNoUnresolvedConflict(m, decision);
    amounts = policyAmounts(decision, input, lines, policy.document, facts);
  }
  // X8: where the goods travel back, a refund is paid only once they are back (and inspected, K7/C10). The
  // workflow pays an approved refund only from its "approved" step, and the return's receipt and inspection
  // move the claim through their own steps, so a refund approved before them could never be paid: the
  // proposal waits for what X8 waits for (X8 also lets it be approved early; the state machine does not).
  const waits = payoutWaitsFor(decision.options.find((o) => o.kind === input.option), input.option, m.claim.caseFacts);
  if (waits) throw new TRPCError({ code: "PRECONDITION_FAILED", message: `X8: this refund is paid once the return is ${waits.gate}; ${waits.missing}. Record that first, then propose it.` });
  const { cents, split, clause, agentLines, by } = amounts;
  if (cents <= 0) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "The policy's amount is $0.00: there is nothing to refund." });
  if (input.method === "store_coupon" && !couponKinds[m.claim.storeId]?.includes(input.option)) {
    throw fieldError("method", "This store pays this refund to the original payment only; coupons are for compensations where the policy offers them (C6).");
  }

  // One refund line per order line (a line claimed twice adds up), none for nothing.
  const merged = new Map<number, number>();
  for (const l of split) merged.set(l.orderLineId, (merged.get(l.orderLineId) ?? 0) + l.amountCents);
  const booked = [...merged].filter(([, cents]) => cents > 0).map(([orderLineId, amountCents]) => ({ orderLineId, amountCents }));
  // The claim's cap (its claimed units, across reopenings) and then X2 (the order line, across claims), in this transaction.
  await assertClaimCaps(m.tx, m.claim.id, booked);
  await assertLineCaps(m.tx, booked);
  for (const a of agentLines) await m.tx.update(claimLines).set({ agentCents: a.amountCents }).where(and(eq(claimLines.id, a.claimLineId), eq(claimLines.claimId, m.claim.id)));
  const id = await nextRefundId(m.tx);
  const reference = refundReference(id, m.now);
  const isException = input.goodwill || m.claim.exceptionReason !== null;
  await m.tx.insert(refunds).values({
    id, claimId: m.claim.id, reference, amountCents: cents, kind: input.option, method: input.method, status: "proposed",
    isException, reason: input.goodwill ? input.reason : (input.note ?? null), proposedById: m.user.id, idempotencyKey: input.idempotencyKey,
    createdAt: m.now, updatedAt: m.now,
  });
  await m.tx.insert(refundLines).values(booked.map((l) => ({ refundId: id, ...l })));
  m.transition("propose_refund", { refundId: id });
  m.record("refund_proposed", {
    refundId: id, reference, kind: input.option, amountCents: cents, method: input.method, isException, clause: clause ?? null,
    lines: booked, splitBy: by, agentAmounts: agentLines, note: input.note ?? null, reason: input.goodwill ? input.reason : null,
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
