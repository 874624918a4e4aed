import type { ClaimAction } from "./machine.ts";

/**
 * Which procedure performs each action. Plain actions are a status change (and a reason where one is
 * needed) and go through `workflow.transitionClaim`; the rest carry data of their own (amounts, parts,
 * inspection results, evidence requests) and have their own procedure, so the money and the status
 * move in one transaction.
 */
export const plainActions = ["start_triage", "start_review", "evidence_received", "reject_claim", "cancel", "close", "reopen"] as const satisfies readonly ClaimAction[];
export type PlainAction = (typeof plainActions)[number];

export const isPlainAction = (a: ClaimAction): a is PlainAction => (plainActions as readonly string[]).includes(a);

export const actionProcedures: Record<ClaimAction, string> = {
  start_triage: "workflow.transitionClaim",
  start_review: "workflow.transitionClaim",
  evidence_received: "workflow.transitionClaim",
  reject_claim: "workflow.transitionClaim",
  cancel: "workflow.transitionClaim",
  close: "workflow.transitionClaim",
  reopen: "workflow.transitionClaim",
  request_evidence: "evidence.requestEvidence",
  request_return: "resolution.requestReturn",
  receive_return: "resolution.receiveReturn",
  record_inspection: "resolution.recordInspection",
  propose_resolution: "resolution.proposeResolution",
  propose_refund: "resolution.proposeRefund",
  ship_replacement: "resolution.shipReplacement",
  approve_refund: "approvals.approveRefund",
  reject_refund: "approvals.rejectRefund",
  execute_refund: "approvals.executeRefund",
};
