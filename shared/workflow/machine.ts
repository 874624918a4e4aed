import type { Role } from "../roles.ts";
import { statusLabels, type ClaimStatus } from "./statuses.ts";

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
  /** Who proposed the refund now waiting for approval, when the caller knows it (X3's second pair of eyes). */
  refundProposedById?: number | null;
  /** A paid refund still owes the right item (chipyard C6: keep with compensation plus reshipment). */
  reshipmentOwed?: boolean;
};

/**
 * A precondition. `narrowsState`: it only says in which cases a state allows the action (a refunded claim
 * ships only when its refund owes goods); its refusal is "not from here", not news to show as held back.
 */
export type Guard = { test: (c: GuardContext, from: ClaimStatus) => boolean; message: string; narrowsState?: boolean };

const notIneligible: Guard = {
  test: (c) => c.eligibility !== "ineligible" || c.hasException,
  message: "The policy says this claim is not eligible; a supervisor must record an exception with a reason first.",
};

// X5: missing evidence never rejects a claim, so an agent rejects only what the engine itself calls
// ineligible; turning down anything else is a supervisor's decision.
const agentRejectsOnlyIneligible: Guard = {
  test: (c) => c.role !== "agent" || c.eligibility === "ineligible",
  message: "Only a supervisor can reject a claim the policy does not call ineligible (X5): missing evidence never rejects a claim.",
};

// X3: the refund is approved by a supervisor who is not the person who proposed it.
const notOwnProposal: Guard = {
  test: (c) => c.refundProposedById == null || c.refundProposedById !== c.userId,
  message: "You proposed this refund; another supervisor must approve it (X3).",
};

// C6: keeping the wrong item pays a compensation and still reships the right one, so shipping stays open
// after that refund is paid; after any other refund the claim is settled and there is nothing to ship.
const reshipsAfterRefund: Guard = {
  test: (c, from) => from !== "refunded" || c.reshipmentOwed === true,
  message: "Only a compensation that includes reshipping the right item (chipyard C6) ships after its refund; this claim's refund settled it.",
  narrowsState: true,
};

const all: readonly Role[] = ["agent", "supervisor", "admin"];
const leads: readonly Role[] = ["supervisor", "admin"];

export type ActionDef = {
  label: string;
  from: readonly ClaimStatus[];
  to: ClaimStatus;
  roles: readonly Role[];
  guards?: readonly Guard[];
  /** A written reason is part of the action (stored on its event). */
  needsReason?: boolean;
  /** Rule-book clauses the action implements or relies on (X4), for the docs and the event. */
  clauses?: readonly string[];
};

export const claimActions = {
  start_triage: { label: "Start triage", from: ["new"], to: "triage", roles: all },
  start_review: { label: "Start review", from: ["new", "triage"], to: "in_review", roles: all },
  request_evidence: { label: "Request evidence", from: ["triage", "in_review", "inspecting"], to: "awaiting_evidence", roles: all, clauses: ["X5"] },
  evidence_received: { label: "Evidence received", from: ["awaiting_evidence"], to: "in_review", roles: all },
  request_return: {
    label: "Authorise return", from: ["in_review", "resolution_proposed", "approved"], to: "awaiting_return", roles: all, guards: [notIneligible], clauses: ["X1", "C1"],
  },
  receive_return: { label: "Return received", from: ["awaiting_return"], to: "inspecting", roles: all, clauses: ["X1", "C2", "K4"] },
  record_inspection: { label: "Record inspection", from: ["inspecting"], to: "in_review", roles: all, clauses: ["K4", "C7"] },
  propose_resolution: { label: "Propose resolution", from: ["in_review", "inspecting"], to: "resolution_proposed", roles: all, guards: [notIneligible], clauses: ["X4"] },
  propose_refund: {
    label: "Propose refund", from: ["in_review", "inspecting", "resolution_proposed"], to: "awaiting_approval", roles: all, guards: [notIneligible], clauses: ["X2", "X4"],
  },
  approve_refund: { label: "Approve refund", from: ["awaiting_approval"], to: "approved", roles: leads, guards: [notOwnProposal], clauses: ["X3"] },
  reject_refund: { label: "Reject refund", from: ["awaiting_approval"], to: "in_review", roles: leads, clauses: ["X3"] },
  execute_refund: { label: "Record refund paid", from: ["approved"], to: "refunded", roles: leads, clauses: ["X3"] },
  // From refunded too, when the paid refund owes the right item: chipyard's C6 compensation plus reshipment.
  ship_replacement: {
    label: "Ship replacement", from: ["resolution_proposed", "approved", "inspecting", "refunded"], to: "replacement_shipped", roles: all,
    guards: [reshipsAfterRefund, notIneligible], clauses: ["C6"],
  },
  close: { label: "Close", from: ["refunded", "replacement_shipped", "resolution_proposed"], to: "closed", roles: all },
  reject_claim: {
    label: "Reject claim", from: ["new", "triage", "in_review", "inspecting", "awaiting_evidence"], to: "rejected", roles: all,
    guards: [agentRejectsOnlyIneligible], needsReason: true, clauses: ["X4", "X5"],
  },
  // Not once a refund is waiting for approval or approved: that money is decided through the refund itself.
  cancel: {
    label: "Cancel claim", from: ["new", "triage", "awaiting_evidence", "in_review", "awaiting_return", "inspecting", "resolution_proposed"], to: "cancelled",
    roles: all, needsReason: true,
  },
  reopen: { label: "Reopen", from: ["closed", "rejected", "cancelled"], to: "in_review", roles: leads },
} as const satisfies Record<string, ActionDef>;

export type ClaimAction = keyof typeof claimActions;
export const claimActionKeys = Object.keys(claimActions) as ClaimAction[];
export const actionDef = (action: ClaimAction): ActionDef => claimActions[action];

export type TransitionCheck =
  | { ok: true; to: ClaimStatus }
  /** `state`: not from here; `role`: not for this person; `guard`: a precondition does not hold. */
  | { ok: false; reason: string; kind: "state" | "role" | "guard" };

const list = (items: readonly string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`);
const lower = (s: ClaimStatus) => statusLabels[s].toLowerCase();

export function checkTransition(action: ClaimAction, from: ClaimStatus, ctx: GuardContext): TransitionCheck {
  const def = actionDef(action);
  if (!def) return { ok: false, kind: "state", reason: `Unknown action "${String(action)}".` };
  if (!def.from.includes(from)) {
    return {
      ok: false,
      kind: "state",
      reason: `"${def.label}" is not possible while the claim is ${lower(from)}; it applies to ${list(def.from.map(lower))} claims.`,
    };
  }
  if (!def.roles.includes(ctx.role)) return { ok: false, kind: "role", reason: `"${def.label}" needs the ${list(def.roles)} role.` };
  for (const guard of def.guards ?? []) if (!guard.test(ctx, from)) return { ok: false, kind: guard.narrowsState ? "state" : "guard", reason: guard.message };
  return { ok: true, to: def.to };
}

/** What this person can do to the claim now (drives the buttons; the server re-checks). */
export function availableActions(from: ClaimStatus, ctx: GuardContext): ClaimAction[] {
  return claimActionKeys.filter((a) => checkTransition(a, from, ctx).ok);
}

/** Actions that would be open from this state to this role but a precondition blocks: the UI says why. */
export function blockedActions(from: ClaimStatus, ctx: GuardContext): { action: ClaimAction; reason: string }[] {
  return claimActionKeys.flatMap((action) => {
    const check = checkTransition(action, from, ctx);
    return !check.ok && check.kind === "guard" ? [{ action, reason: check.reason }] : [];
  });
}
