import type { Role } from "../roles.ts";
import type { ClaimStatus } from "./statuses.ts";

/**
 * The claim state machine. Each action names the states it leaves from, the state it enters, who may
 * take it and what must hold. The server refuses anything not listed here (never a silent no-op);
 * the UI offers only what `availableActions` returns. Drawn in docs/workflow.md.
 */
export type GuardContext = {
  role: Role;
  /** The policy engine's verdict for the claim as it stands (X4/X5). */
  eligibility: "eligible" | "ineligible" | "needs_review" | null;
  /** A supervisor recorded an exception with a reason (goodwill, late return, chipyard C5). */
  hasException: boolean;
  assigneeId: number | null;
  userId: number;
};

export type Guard = { test: (c: GuardContext) => boolean; message: string };

const notIneligible: Guard = {
  test: (c) => c.eligibility !== "ineligible" || c.hasException,
  message: "The policy says this claim is not eligible; a supervisor must record an exception with a reason first.",
};

const all: readonly Role[] = ["agent", "supervisor", "admin"];
const leads: readonly Role[] = ["supervisor", "admin"];
const open: readonly ClaimStatus[] = [
  "new", "triage", "awaiting_evidence", "in_review", "awaiting_return", "inspecting", "resolution_proposed", "awaiting_approval", "approved",
];

export const claimActions = {
  start_triage: { label: "Start triage", from: ["new"], to: "triage", roles: all },
  start_review: { label: "Start review", from: ["new", "triage"], to: "in_review", roles: all },
  request_evidence: { label: "Request evidence", from: ["triage", "in_review", "inspecting"], to: "awaiting_evidence", roles: all },
  evidence_received: { label: "Evidence received", from: ["awaiting_evidence"], to: "in_review", roles: all },
  request_return: { label: "Authorise return", from: ["in_review", "resolution_proposed", "approved"], to: "awaiting_return", roles: all, guards: [notIneligible] },
  receive_return: { label: "Return received", from: ["awaiting_return"], to: "inspecting", roles: all },
  record_inspection: { label: "Record inspection", from: ["inspecting"], to: "in_review", roles: all },
  propose_resolution: { label: "Propose resolution", from: ["in_review", "inspecting"], to: "resolution_proposed", roles: all, guards: [notIneligible] },
  propose_refund: { label: "Propose refund", from: ["in_review", "inspecting", "resolution_proposed"], to: "awaiting_approval", roles: all, guards: [notIneligible] },
  approve_refund: { label: "Approve refund", from: ["awaiting_approval"], to: "approved", roles: leads },
  reject_refund: { label: "Reject refund", from: ["awaiting_approval"], to: "in_review", roles: leads },
  execute_refund: { label: "Record refund paid", from: ["approved"], to: "refunded", roles: leads },
  ship_replacement: { label: "Ship replacement", from: ["resolution_proposed", "approved", "inspecting"], to: "replacement_shipped", roles: all },
  close: { label: "Close", from: ["refunded", "replacement_shipped", "resolution_proposed"], to: "closed", roles: all },
  reject_claim: { label: "Reject claim", from: ["new", "triage", "in_review", "inspecting", "awaiting_evidence"], to: "rejected", roles: all },
  cancel: { label: "Cancel", from: open, to: "cancelled", roles: all },
  reopen: { label: "Reopen", from: ["closed", "rejected", "cancelled"], to: "in_review", roles: leads },
} as const satisfies Record<string, { label: string; from: readonly ClaimStatus[]; to: ClaimStatus; roles: readonly Role[]; guards?: readonly Guard[] }>;

export type ClaimAction = keyof typeof claimActions;
export const claimActionKeys = Object.keys(claimActions) as ClaimAction[];

export type TransitionCheck = { ok: true; to: ClaimStatus } | { ok: false; reason: string };

export function checkTransition(action: ClaimAction, from: ClaimStatus, ctx: GuardContext): TransitionCheck {
  const def = claimActions[action] as { label: string; from: readonly ClaimStatus[]; to: ClaimStatus; roles: readonly Role[]; guards?: readonly Guard[] };
  if (!def.from.includes(from)) return { ok: false, reason: `"${def.label}" is not possible while the claim is ${from.replace(/_/g, " ")}.` };
  if (!def.roles.includes(ctx.role)) return { ok: false, reason: `"${def.label}" needs the ${def.roles.join(" or ")} role.` };
  for (const guard of def.guards ?? []) if (!guard.test(ctx)) return { ok: false, reason: guard.message };
  return { ok: true, to: def.to };
}

/** What this person can do to the claim now (drives the buttons; the server re-checks). */
export function availableActions(from: ClaimStatus, ctx: GuardContext): ClaimAction[] {
  return claimActionKeys.filter((a) => checkTransition(a, from, ctx).ok);
}
