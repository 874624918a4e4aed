import { z } from "zod";

// Inputs of the approvals queue and the refund decisions (X3): the same schemas validate the forms.

export const approvalStatusFilters = ["proposed", "approved", "decided", "all"] as const;
export type ApprovalStatusFilter = (typeof approvalStatusFilters)[number];
export const approvalPageSizes = [25, 50, 100] as const;

const slug = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Unknown value.");

export const listApprovalsInput = z.object({
  page: z.number().int().min(1).max(400).default(1),
  pageSize: z.union([z.literal(25), z.literal(50), z.literal(100)]).default(25),
  /** `proposed`: waiting for a decision; `approved`: waiting to be paid; `decided`: rejected or paid. */
  status: z.enum(approvalStatusFilters).default("proposed"),
  store: z.array(slug).max(20).optional(),
  sortOrder: z.enum(["asc", "desc"]).default("asc"),
});
export type ListApprovalsInput = z.input<typeof listApprovalsInput>;

export const refundIdInput = z.object({ refundId: z.number().int().positive() });

const comment = z.string().trim().max(1000, "Comments are at most 1000 characters.");

export const approveRefundInput = refundIdInput.extend({
  /** The proposal's key: a double click, a retry or a second supervisor gets the one approval back. */
  idempotencyKey: z.string().min(8, "Missing idempotency key.").max(100),
  comment: comment.optional().transform((v) => (v ? v : undefined)),
});
export type ApproveRefundInput = z.input<typeof approveRefundInput>;

export const rejectRefundInput = refundIdInput.extend({
  comment: comment.min(5, "Say why the refund is rejected (at least 5 characters); the agent reads it."),
});
export type RejectRefundInput = z.input<typeof rejectRefundInput>;

export const executeRefundInput = refundIdInput;

/** One row of the approvals queue, checked by `.output()` so the queue never leaks a column by accident. */
export const approvalRowSchema = z.object({
  id: z.number(),
  reference: z.string(),
  amountCents: z.number().int(),
  currency: z.string(),
  kind: z.string(),
  method: z.string(),
  status: z.string(),
  isException: z.boolean(),
  reason: z.string().nullable(),
  idempotencyKey: z.string(),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
  executedAt: z.date().nullable(),
  decisionComment: z.string().nullable(),
  proposedById: z.number().nullable(),
  proposedByName: z.string().nullable(),
  decidedByName: z.string().nullable(),
  claimId: z.number(),
  claimNumber: z.string(),
  claimStatus: z.string(),
  claimReason: z.string(),
  eligibility: z.string().nullable(),
  storeId: z.string(),
  storeName: z.string(),
  ownProposal: z.boolean(),
  grades: z.array(z.object({ sku: z.string(), grade: z.string().nullable(), issueType: z.string().nullable(), partType: z.string().nullable() })),
  evidenceCount: z.number().int(),
  /** X8: for an approved refund whose goods travel back, what the payout still waits for ("received", "received and inspected"). */
  payoutWaits: z.string().nullable(),
});
export const listApprovalsOutput = z.object({ rows: z.array(approvalRowSchema), total: z.number().int() });
