import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { formatCents } from "../../shared/money.ts";
import type { Tx } from "../db/client.ts";
import { claimLines, orderLines, refundLines, refunds } from "../db/schema/index.ts";

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

/** What each claimed line paid for the claimed quantity (the split's weights and the options' base). */
export async function claimedLinesPaid(tx: Tx, claimId: number): Promise<(LinePaid & { sku: string })[]> {
  const rows = await tx
    .select({ orderLineId: claimLines.orderLineId, sku: orderLines.sku, unit: orderLines.unitPriceCents, quantity: claimLines.quantity })
    .from(claimLines)
    .innerJoin(orderLines, eq(orderLines.id, claimLines.orderLineId))
    .where(eq(claimLines.claimId, claimId))
    .orderBy(asc(claimLines.id));
  return rows.map((r) => ({ orderLineId: r.orderLineId, sku: r.sku, paidCents: r.unit * r.quantity }));
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
