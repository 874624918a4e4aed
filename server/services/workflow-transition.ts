import { TRPCError } from "@trpc/server";
import { actionProcedures, isPlainAction } from "../../shared/workflow/action-procedures.ts";
import { actionDef, type ClaimAction } from "../../shared/workflow/machine.ts";
import type { ClaimStatus } from "../../shared/workflow/statuses.ts";
import type { Db } from "../db/client.ts";
import type { SessionUser } from "../trpc/context.ts";
import { evaluateStoredClaim } from "./claim-evaluation.ts";
import { mutateClaim, type ClaimRef } from "./claim-mutation.ts";

export type TransitionResult = { number: string; status: ClaimStatus; version: number };

/** What the dedicated procedure records besides the status, for the refusal message. */
const carries: Partial<Record<ClaimAction, string>> = {
  request_evidence: "the kinds of evidence asked for and the message to the customer",
  request_return: "the return authorisation (RMA, carrier, address)",
  receive_return: "the parcel's arrival",
  record_inspection: "the condition found and any deduction",
  propose_resolution: "the option proposed",
  propose_refund: "the option, amount and refund lines",
  ship_replacement: "the parts, carrier and tracking number",
  approve_refund: "the approval of the refund proposal",
  reject_refund: "the rejection and its comment",
  execute_refund: "the payment of the approved refund",
};

/** Refuses, before touching the claim, what this procedure does not do or this role may never do. */
export function assertPlainActionFor(user: SessionUser, action: ClaimAction): void {
  const def = actionDef(action);
  if (!isPlainAction(action)) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `"${def.label}" is not a plain status change: use ${actionProcedures[action]}, which records ${carries[action] ?? "its data"} in the same transaction.`,
    });
  }
  // Depends only on the action, never on the claim, so it reveals nothing about other stores' claims.
  if (!def.roles.includes(user.role)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `"${def.label}" needs the ${def.roles.join(" or ")} role.` });
  }
}

/**
 * A plain status change (start triage or review, evidence received, reject, cancel, close, reopen):
 * checked by the state machine, stamped with its reason or note, one `status_changed` event.
 */
export async function transitionClaimAction(
  db: Db,
  user: SessionUser,
  input: ClaimRef & { action: ClaimAction; note?: string },
  now: Date,
): Promise<TransitionResult> {
  assertPlainActionFor(user, input.action);
  const def = actionDef(input.action);
  return mutateClaim(db, user, input, now, async (m) => {
    const data: Record<string, unknown> = {};
    if (input.note) data[def.needsReason ? "reason" : "note"] = input.note;
    if (input.action === "reject_claim") {
      // X4: a rejection records the clauses the policy relied on at the moment of the decision.
      const { decision } = await evaluateStoredClaim(m.tx, m.claim.id, now);
      data.eligibility = decision.eligibility;
      data.clauses = decision.clauses;
    }
    const status = m.transition(input.action, data);
    return { number: m.claim.number, status, version: m.claim.version + 1 };
  });
}
