import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { formatCents } from "../../shared/money.ts";
import type { DecisionOption } from "../../shared/policy/index.ts";
import type { Tx } from "../db/client.ts";
import { claimLines, orderLines, refundLines, refunds, type CaseFacts } from "../db/schema/index.ts";

export type LinePaid = { orderLineId: number; paidCents: number };
export type LineAmount = { orderLineId: number; amountCents: number };

/**
 * Splits a refund over the claimed lines in proportion to what each paid, in whole cents; the rounding
 * remainder goes to the last line, spilling backwards if that line would exceed its own paid amount
 * (so no line is ever credited more than it paid, X2).
 */
export function splitRefund(amountCents: number, lines: readonly LinePaid[]): LineAmount[] {
  const total = lines.reduce((s, l) => s + l.paidCents, 0);
  if (total <= 0 || lines.length === 0) throw new Error("cannot split a refund over lines that paid nothing");
  const out = lines.map((l) => ({ orderLineId: l.orderLineId, amountCents: Math.floor((amountCents * l.paidCents) / total) }));
  let rest = amountCents - out.reduce((s, l) => s + l.amountCents, 0);
  for (let i = out.length - 1; i >= 0 && rest > 0; i--) {
    const room = lines[i]!.paidCents - out[i]!.amountCents;
    const add = Math.min(room, rest);
    out[i]!.amountCents += add;
    rest -= add;
  }
  if (rest > 0) throw new Error("refund exceeds what the lines paid");
  return out;
}

/** A claimed line as the money code needs it: what its claimed units paid (X2/claim cap) and its sku (X9). */
export type ClaimedLine = LinePaid & { sku: string; claimLineId: number; quantity: number; unitPriceCents: number; partType: string | null; issueType: string | null };

/** What each claimed line paid for the claimed quantity (the claim cap, and the base of the options' amounts). */
export async function claimedLinesPaid(tx: Tx, claimId: number): Promise<ClaimedLine[]> {
  const rows = await tx
    .select({
      claimLineId: claimLines.id, orderLineId: claimLines.orderLineId, sku: orderLines.sku, unit: orderLines.unitPriceCents, quantity: claimLines.quantity,
      partType: sql<string | null>`coalesce(${claimLines.partType}, ${orderLines.partType})`, issueType: claimLines.issueType,
    })
    .from(claimLines)
    .innerJoin(orderLines, eq(orderLines.id, claimLines.orderLineId))
    .where(eq(claimLines.claimId, claimId))
    .orderBy(asc(claimLines.id));
  return rows.map((r) => ({
    claimLineId: r.claimLineId, orderLineId: r.orderLineId, sku: r.sku, quantity: r.quantity, unitPriceCents: r.unit, partType: r.partType, issueType: r.issueType, paidCents: r.unit * r.quantity,
  }));
}

/** E4: the customer's advanced freight, paid back on its own (refunds row of this kind, no refund lines): outside X2 and the claim cap. */
export const FREIGHT_REIMBURSEMENT = "freight_reimbursement";

/**
 * The claim's own cap, inside the caller's transaction (which holds the claim's row lock, so every refund write
 * on this claim waits its turn: mutateClaim locks the claim first, and nothing here takes another lock, so the
 * lock order claim → order lines of assertLineCaps is unchanged). A claim never pays twice for the same units:
 * its refunds on a line (proposed, approved, executed; not rejected; across every reopening) never exceed its
 * claimed units' value there (claim line quantity × unit price), and never touch a line it did not claim.
 * Freight reimbursements have no refund lines, so they stay outside, as E4 wants.
 */
export async function assertClaimCaps(tx: Tx, claimId: number, amounts: readonly LineAmount[], excludeRefundId?: number): Promise<void> {
  if (amounts.length === 0) return;
  const claimed = await claimedLinesPaid(tx, claimId);
  const booked = await tx
    .select({ orderLineId: refundLines.orderLineId, cents: sql<number>`coalesce(sum(${refundLines.amountCents}), 0)::int` })
    .from(refundLines)
    .innerJoin(refunds, eq(refunds.id, refundLines.refundId))
    .where(and(eq(refunds.claimId, claimId), ne(refunds.status, "rejected"), excludeRefundId === undefined ? undefined : ne(refunds.id, excludeRefundId)))
    .groupBy(refundLines.orderLineId);
  const already = new Map(booked.map((b) => [b.orderLineId, Number(b.cents)]));
  for (const orderLineId of new Set(amounts.map((a) => a.orderLineId))) {
    const lines = claimed.filter((c) => c.orderLineId === orderLineId);
    if (lines.length === 0) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "A refund books only on the lines this claim covers." });
    const value = lines.reduce((s, l) => s + l.paidCents, 0);
    const units = lines.reduce((s, l) => s + l.quantity, 0);
    const adding = amounts.filter((a) => a.orderLineId === orderLineId).reduce((s, a) => s + a.amountCents, 0);
    const before = already.get(orderLineId) ?? 0;
    if (before + adding > value) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: `X2: this claim's refunds on ${lines[0]!.sku} would reach ${formatCents(before + adding)}, more than the ${formatCents(value)} its ${units} claimed unit${units === 1 ? " is" : "s are"} worth (${formatCents(before)} already refunded or proposed on this claim).`,
      });
    }
  }
}

/**
 * X2, inside the caller's transaction: locks the order lines (always in id order, so two transactions
 * never wait on each other in a circle), sums every refund on them that is not rejected — proposed,
 * approved and executed, all methods, coupons and compensations included — and refuses when adding
 * `amounts` would take a line past what was paid for it. `excludeRefundId` leaves out the refund whose
 * own lines are `amounts` (approval re-checks a proposal already on the books).
 */
export async function assertLineCaps(tx: Tx, amounts: readonly LineAmount[], excludeRefundId?: number): Promise<void> {
  const ids = [...new Set(amounts.map((a) => a.orderLineId))].sort((a, b) => a - b);
  if (ids.length === 0) return;
  const lines = await tx
    .select({ id: orderLines.id, sku: orderLines.sku, unit: orderLines.unitPriceCents, quantity: orderLines.quantity })
    .from(orderLines)
    .where(inArray(orderLines.id, ids))
    .orderBy(asc(orderLines.id))
    .for("update");
  const booked = await tx
    .select({ orderLineId: refundLines.orderLineId, cents: sql<number>`coalesce(sum(${refundLines.amountCents}), 0)::int` })
    .from(refundLines)
    .innerJoin(refunds, eq(refunds.id, refundLines.refundId))
    .where(
      and(
        inArray(refundLines.orderLineId, ids),
        ne(refunds.status, "rejected"),
        excludeRefundId === undefined ? undefined : ne(refunds.id, excludeRefundId),
      ),
    )
    .groupBy(refundLines.orderLineId);
  const already = new Map(booked.map((b) => [b.orderLineId, Number(b.cents)]));
  for (const line of lines) {
    const paid = line.unit * line.quantity;
    const adding = amounts.filter((a) => a.orderLineId === line.id).reduce((s, a) => s + a.amountCents, 0);
    const before = already.get(line.id) ?? 0;
    if (before + adding > paid) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: `X2: refunds on ${line.sku} would reach ${formatCents(before + adding)}, more than the ${formatCents(paid)} paid for it (${formatCents(before)} already refunded or proposed).`,
      });
    }
  }
}

/**
 * X8: what a refund still waits for before it may be paid out, from the engine's option (`payableAfter`,
 * `payable`) and the recorded facts; a `return_for_refund` waits for the return even where an option says nothing.
 * Undefined when it may be paid.
 */
export function payoutWaitsFor(option: DecisionOption | undefined, kind: string, facts: CaseFacts): { gate: string; missing: string } | undefined {
  if (option?.payable === true) return undefined;
  const gate = option?.payableAfter ?? (kind === "return_for_refund" || option?.payable === false ? "return_received" : undefined);
  if (!gate) return undefined;
  const gateText = gate === "inspected" ? "received and inspected" : "received";
  if (!facts.returnReceivedAt) return { gate: gateText, missing: gate === "inspected" ? "the return's receipt and its inspection are not recorded yet" : "the return's receipt is not recorded yet" };
  if (gate === "inspected" && !facts.inspectedAt) return { gate: gateText, missing: "the inspection is not recorded yet" };
  if (option?.payable === false) return { gate: gateText, missing: "the policy does not count it as done yet" };
  return undefined;
}

/** The next refund id, taken before the insert so the human reference can carry it. */
export async function nextRefundId(tx: Tx): Promise<number> {
  const res = await tx.execute<{ id: number }>(sql`select nextval(pg_get_serial_sequence('refunds', 'id'))::int as id`);
  return Number(res.rows[0]!.id);
}

/** The refund certificate's number, e.g. RF-2026-000123: the year it was proposed and the refund's id. */
export const refundReference = (id: number, at: Date) => `RF-${at.getUTCFullYear()}-${String(id).padStart(6, "0")}`;

const couponAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** A store coupon code, unguessable (50 bits), without look-alike characters. */
export function couponCode(storeId: string): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => couponAlphabet[b % couponAlphabet.length]).join("");
  return `${storeId.slice(0, 2).toUpperCase()}-${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/**
 * Which refunds a store may pay as a coupon. Only chipyard's text offers one ("compensation via
 * coupon/refund", C6); a partial refund is a compensation too, so it may take the same form.
 */
export const couponKinds: Record<string, readonly string[]> = { chipyard: ["keep_with_compensation", "partial_refund"] };

export const refundColumns = {
  id: refunds.id,
  claimId: refunds.claimId,
  reference: refunds.reference,
  amountCents: refunds.amountCents,
  kind: refunds.kind,
  method: refunds.method,
  couponCode: refunds.couponCode,
  status: refunds.status,
  isException: refunds.isException,
  reason: refunds.reason,
  proposedById: refunds.proposedById,
  decidedById: refunds.decidedById,
  decisionComment: refunds.decisionComment,
  idempotencyKey: refunds.idempotencyKey,
  createdAt: refunds.createdAt,
  decidedAt: refunds.decidedAt,
  executedAt: refunds.executedAt,
  executedById: refunds.executedById,
};
