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
