import { z } from "zod";
import { ageBuckets } from "../claim-age.ts";

// The supervisor dashboard's filter: a range of whole UTC days (both ends included) and an optional store list.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-23.").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Not a real date.");
const slug = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Unknown store.");
const DAY = 86_400_000;
export const maxReportDays = 366;

export const reportRangeInput = z
  .object({ from: isoDate, to: isoDate, storeIds: z.array(slug).max(20).optional() })
  .superRefine((v, ctx) => {
    const days = (Date.parse(`${v.to}T00:00:00Z`) - Date.parse(`${v.from}T00:00:00Z`)) / DAY + 1;
    if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must be on or after the start date." });
    else if (days > maxReportDays) ctx.addIssue({ code: "custom", path: ["to"], message: `A report covers at most ${maxReportDays} days.` });
  });
export type ReportRangeInput = z.input<typeof reportRangeInput>;

const count = z.number().int().nonnegative();
const cents = z.number().int();

export { ageBuckets, type AgeBucket } from "../claim-age.ts";

export const volumeReportSchema = z.object({
  perDay: z.array(z.object({ day: z.string(), opened: count, closed: count })),
  backlogByStatus: z.array(z.object({ status: z.string(), count })),
  backlogByAge: z.array(z.object({ bucket: z.enum(ageBuckets), count })),
  reasonsByStore: z.array(z.object({ storeId: z.string(), reason: z.string(), count })),
  open: count,
  overdue: count,
});
export type VolumeReport = z.infer<typeof volumeReportSchema>;

export const slaKeys = ["review_due", "refund_due", "customer_ship_due"] as const;
export const slaReportSchema = z.object({
  deadlines: z.array(z.object({ key: z.enum(slaKeys), met: count, missed: count, pending: count, share: z.number().nullable() })),
  /** Hours, null when nothing in the range had the milestone. */
  medianHoursToFirstReview: z.number().nullable(),
  medianHoursToResolution: z.number().nullable(),
});
export type SlaReport = z.infer<typeof slaReportSchema>;

const sums = { approvedCount: count, approvedCents: cents, executedCount: count, executedCents: cents };
export const refundCategories = ["full", "compensation", "other"] as const;
export const moneyReportSchema = z.object({
  totals: z.object({ ...sums, exceptionCount: count, exceptionCents: cents }),
  byStore: z.array(z.object({ storeId: z.string(), ...sums })),
  byReason: z.array(z.object({ reason: z.string(), ...sums })),
  byKind: z.array(z.object({ kind: z.string(), ...sums })),
  byGrade: z.array(z.object({ grade: z.string(), ...sums })),
  byCategory: z.array(z.object({ category: z.enum(refundCategories), ...sums })),
  exceptions: z.array(z.object({ storeId: z.string(), ...sums })),
  /** E4: advanced freight paid back to customers, a payout of its own: never part of the refund figures above. */
  freightReimbursements: z.object(sums),
  largest: z.array(
    z.object({
      id: z.number().int(), reference: z.string(), claimNumber: z.string(), storeId: z.string(), kind: z.string(), status: z.string(),
      amountCents: cents, currency: z.string(), isException: z.boolean(), at: z.string(),
    }),
  ),
});
export type MoneyReport = z.infer<typeof moneyReportSchema>;

export const peopleReportSchema = z.object({
  agents: z.array(z.object({ userId: z.number().int(), name: z.string(), open: count, closed: count })),
  approvalsWaiting: count,
  medianHoursApprovalTurnaround: z.number().nullable(),
});
export type PeopleReport = z.infer<typeof peopleReportSchema>;
