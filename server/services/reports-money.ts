import { sql, type SQL } from "drizzle-orm";
import type { MoneyReport, ReportRangeInput } from "../../shared/schemas/reports.ts";
import type { Db } from "../db/client.ts";
import { claimLines, claims, refundLines, refunds } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { FREIGHT_REIMBURSEMENT } from "./refunds.ts";
import { inRange, reportRange, storeFilter } from "./reports-range.ts";

/**
 * Refund money (X3 approvals, X2 caps are per refund line). A refund counts as APPROVED in the range when a
 * supervisor approved it then (`decidedAt` in range, status approved or since executed) and as EXECUTED when the
 * money moved then (`executedAt` in range). Compensation = partial_refund and keep_with_compensation (the customer keeps
 * the goods); full = full_refund, return_for_refund and cancel_order (the purchase is undone); other = any other kind; exceptions
 * (`isException`, C5 goodwill) are also reported on their own.
 */
type Sums = { approvedCount: number; approvedCents: number; executedCount: number; executedCents: number };

const sumsOf = (amount: SQL) => sql`
  (count(distinct r.id) filter (where r.approved))::int as "approvedCount", coalesce(sum(${amount}) filter (where r.approved), 0)::float8 as "approvedCents",
  (count(distinct r.id) filter (where r.executed))::int as "executedCount", coalesce(sum(${amount}) filter (where r.executed), 0)::float8 as "executedCents"`;

const toSums = (x: Record<string, unknown>): Sums => ({
  approvedCount: Number(x.approvedCount), approvedCents: Number(x.approvedCents), executedCount: Number(x.executedCount), executedCents: Number(x.executedCents),
});

export async function moneyReport(db: Db, user: SessionUser, input: ReportRangeInput, now: Date): Promise<MoneyReport> {
  const range = reportRange(input, now);
  const refundsOnly = sql`<> ${FREIGHT_REIMBURSEMENT}`;
  // E4's freight reimbursements are payouts of their own (outside X2): reported beside the refunds, never in them.
  const freightOnly = sql`= ${FREIGHT_REIMBURSEMENT}`;
  const cte = (kindTest: SQL) => sql`with r as (
    select ${refunds.id} as id, ${refunds.claimId} as claim_id, ${refunds.amountCents} as amount, ${refunds.kind} as kind, ${refunds.isException} as is_exception,
      ${refunds.status} as status, ${refunds.reference} as reference, ${refunds.currency} as currency, coalesce(${refunds.executedAt}, ${refunds.decidedAt}) as at,
      ${claims.storeId} as store_id, ${claims.reason} as reason, ${claims.number} as claim_number,
      coalesce(${refunds.status} in ('approved', 'executed') and ${inRange(refunds.decidedAt, range)}, false) as approved,
      coalesce(${refunds.status} = 'executed' and ${inRange(refunds.executedAt, range)}, false) as executed
    from ${refunds} join ${claims} on ${claims.id} = ${refunds.claimId}
    where ${storeFilter(user, claims.storeId, input.storeIds)} and ${refunds.kind} ${kindTest}
  )`;
  const base = cte(refundsOnly);
  const grouped = <K extends string>(key: K, expr: SQL, where: SQL = sql`true`) =>
    db.execute<Record<string, unknown>>(sql`${base} select ${expr} as key, ${sumsOf(sql`r.amount`)} from r where (r.approved or r.executed) and ${where} group by 1 order by "approvedCents" desc, 1`)
      .then((res) => res.rows.map((x) => ({ [key]: String(x.key), ...toSums(x) }) as { [P in K]: string } & Sums));
  const category = sql`case when r.kind in ('full_refund', 'return_for_refund', 'cancel_order') then 'full' when r.kind in ('partial_refund', 'keep_with_compensation') then 'compensation' else 'other' end`;

  const [totals, byStore, byReason, byKind, byGrade, byCategory, exceptions, largest, freight] = await Promise.all([
    db.execute<Record<string, unknown>>(sql`${base} select ${sumsOf(sql`r.amount`)},
        (count(*) filter (where r.is_exception and (r.approved or r.executed)))::int as "exceptionCount",
        coalesce(sum(r.amount) filter (where r.is_exception and (r.approved or r.executed)), 0)::float8 as "exceptionCents" from r`),
    grouped("storeId", sql`r.store_id`),
    grouped("reason", sql`r.reason`),
    grouped("kind", sql`r.kind`),
    // Grade is per claimed line: each refund line's amount goes to the grade of the claim line for that order line.
    gradeSums(db, base),
    grouped("category", category),
    grouped("storeId", sql`r.store_id`, sql`r.is_exception`),
    db.execute<Record<string, unknown>>(sql`${base} select r.id, r.reference, r.claim_number as "claimNumber", r.store_id as "storeId", r.kind, r.status,
        r.amount as "amountCents", r.currency, r.is_exception as "isException", r.at from r where r.approved or r.executed order by r.amount desc, r.id limit 10`),
    db.execute<Record<string, unknown>>(sql`${cte(freightOnly)} select ${sumsOf(sql`r.amount`)} from r`),
  ]);
  const t = totals.rows[0] ?? {};
  return {
    totals: { ...toSums(t), exceptionCount: Number(t.exceptionCount ?? 0), exceptionCents: Number(t.exceptionCents ?? 0) },
    byStore, byReason, byKind,
    byGrade,
    byCategory: byCategory as MoneyReport["byCategory"],
    freightReimbursements: toSums(freight.rows[0] ?? {}),
    exceptions,
    largest: largest.rows.map((x) => ({
      id: Number(x.id), reference: String(x.reference), claimNumber: String(x.claimNumber), storeId: String(x.storeId), kind: String(x.kind), status: String(x.status),
      amountCents: Number(x.amountCents), currency: String(x.currency), isException: Boolean(x.isException), at: new Date(x.at as string).toISOString(),
    })),
  };
}

async function gradeSums(db: Db, base: SQL): Promise<MoneyReport["byGrade"]> {
  const res = await db.execute<Record<string, unknown>>(sql`${base}, g as (
      select r.id, r.approved, r.executed, coalesce(${refundLines.amountCents}, r.amount) as amount, coalesce(${claimLines.grade}, 'ungraded') as grade
      from r left join ${refundLines} on ${refundLines.refundId} = r.id
      left join ${claimLines} on ${claimLines.claimId} = r.claim_id and ${claimLines.orderLineId} = ${refundLines.orderLineId}
      where r.approved or r.executed)
    select r.grade as key, ${sumsOf(sql`r.amount`)} from g as r group by 1 order by "approvedCents" desc, 1`);
  return res.rows.map((x) => ({ grade: String(x.key), ...toSums(x) }));
}
