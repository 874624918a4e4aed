// X3: the four-eyes rule and idempotent execution, as pure checks the server
// runs inside its refund transaction.

export interface RefundApproval {
  readonly approvalId: string;
  readonly proposedBy: string;
  readonly approvedBy: string;
}

export type ExecutionCheck =
  | { readonly execute: true }
  | { readonly execute: false; readonly reason: "self_approved" | "already_executed" };

/**
 * Whether a refund may be paid out now. A second execution of the same
 * approval is not an error: it is answered "already executed" so a retried
 * request refunds once.
 */
export function checkRefundExecution(approval: RefundApproval, executedApprovalIds: ReadonlySet<string>): ExecutionCheck {
  if (approval.approvedBy === approval.proposedBy) return { execute: false, reason: "self_approved" };
  if (executedApprovalIds.has(approval.approvalId)) return { execute: false, reason: "already_executed" };
  return { execute: true };
}
