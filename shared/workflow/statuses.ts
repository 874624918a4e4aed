export const claimStatuses = [
  "new",
  "triage",
  "awaiting_evidence",
  "in_review",
  "awaiting_return",
  "inspecting",
  "resolution_proposed",
  "awaiting_approval",
  "approved",
  "refunded",
  "replacement_shipped",
  "closed",
  "rejected",
  "cancelled",
] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

export const closedStatuses: readonly ClaimStatus[] = ["closed", "rejected", "cancelled"];
export const openStatuses: readonly ClaimStatus[] = claimStatuses.filter((s) => !closedStatuses.includes(s));
/**
 * Nothing is left for us to do but file the claim away: the money is paid or the goods went out (only
 * "Close" remains, or a reshipment C6 owes, which has no deadline of its own), or the claim is closed. A
 * finished claim has no running deadline: no due date, no breach, not overdue, not served by Take next.
 */
export const finishedStatuses: readonly ClaimStatus[] = ["refunded", "replacement_shipped", ...closedStatuses];
/** The customer holds the ball: our own deadlines pause in these states. */
export const waitingOnCustomer: readonly ClaimStatus[] = ["awaiting_evidence", "awaiting_return"];

export const statusLabels: Record<ClaimStatus, string> = {
  new: "New",
  triage: "Triage",
  awaiting_evidence: "Awaiting evidence",
  in_review: "In review",
  awaiting_return: "Awaiting return",
  inspecting: "Inspecting",
  resolution_proposed: "Resolution proposed",
  awaiting_approval: "Awaiting approval",
  approved: "Approved",
  refunded: "Refunded",
  replacement_shipped: "Replacement shipped",
  closed: "Closed",
  rejected: "Rejected",
  cancelled: "Cancelled",
};

export const priorities = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof priorities)[number];
/** Stored as a rank so "most urgent first" is an index scan. */
export const priorityRank: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
export const priorityLabels: Record<Priority, string> = { low: "Low", normal: "Normal", high: "High", urgent: "Urgent" };
