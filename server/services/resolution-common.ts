import { TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";
import type { Decision, DecisionOption, OptionKind } from "../../shared/policy/index.ts";
import { editableStatuses } from "../../shared/schemas/resolution.ts";
import type { CaseFacts } from "../db/schema/index.ts";
import { evaluateStoredClaim } from "./claim-evaluation.ts";
import type { ClaimMutation } from "./claim-mutation.ts";

export function assertEditable(m: ClaimMutation, what: string): void {
  if (!editableStatuses.includes(m.claim.status)) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `${what} is not possible while the claim is ${m.claim.status.replace(/_/g, " ")}${
        m.claim.status === "awaiting_approval" ? ": a refund waits for a supervisor; a rejection reopens it" : ""
      }.`,
    });
  }
}

/** The engine's decision for the locked claim as it stands inside the mutation's transaction. */
export async function decisionNow(m: ClaimMutation) {
  return evaluateStoredClaim(m.tx, m.claim.id, m.now);
}

/** Merges case facts without an `updated` event: callers record their own, more telling event. */
export function setCaseFacts(m: ClaimMutation, patch: Partial<CaseFacts>): CaseFacts {
  const next = { ...m.claim.caseFacts, ...patch } as CaseFacts;
  for (const [k, v] of Object.entries(next)) if (v === undefined) delete (next as Record<string, unknown>)[k];
  m.set({ caseFacts: next }, { silent: true });
  m.claim.caseFacts = next;
  return next;
}

/**
 * Nothing is authorised (return, refund, goods) on a record that contradicts itself (X7): a person corrects
 * the dates first. C5: a clause the text contradicts (`policy_conflict` of warn or block) needs a supervisor's
 * recorded exception, even though the verdict is only "needs review"; an informational conflict (K7's two
 * payout readings) is there to be told to the customer and holds nothing back.
 */
export function assertNoUnresolvedConflict(m: ClaimMutation, decision: Decision): void {
  const inconsistent = decision.findings.filter((f) => f.code === "inconsistent_facts");
  if (inconsistent.length > 0) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `X7: the claim's record contradicts itself (${inconsistent.map((f) => f.message).join("; ")}). Correct the facts first.`,
    });
  }
  const conflict = decision.findings.find((f) => f.code === "policy_conflict" && f.severity !== "info");
  if (conflict && m.claim.exceptionReason === null) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `${conflict.clause}: ${conflict.message ?? "the policy contradicts itself here"}. A supervisor must record an exception with a reason first.`,
    });
  }
}

/** The option as the engine offers it now; refuses what the policy does not offer. */
export function offeredOption(decision: Decision, kind: OptionKind): DecisionOption {
  const option = decision.options.find((o) => o.kind === kind);
  if (!option) {
    const offered = decision.options.map((o) => o.kind.replace(/_/g, " ")).join(", ");
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message:
        decision.eligibility === "ineligible"
          ? `The policy offers nothing for this claim (${ineligibleWhy(decision)}). A supervisor can record an exception or propose a goodwill refund.`
          : `The policy does not offer ${kind.replace(/_/g, " ")} for this claim${offered ? `; it offers ${offered}` : ""}.`,
    });
  }
  return option;
}

function ineligibleWhy(decision: Decision): string {
  const blocks = decision.findings.filter((f) => f.severity === "block");
  return blocks.map((f) => `${f.code.replace(/_/g, " ")} ${f.clause}`).join(", ") || "ineligible";
}

/**
 * C4 (rev. 2): every return must meet the goods' conditions before its RMA is issued; a breach stands in the
 * way until a supervisor records an exception.
 */
export function assertConditionsForRma(m: ClaimMutation, decision: Decision): void {
  const breach = decision.findings.find((f) => f.code === "condition_breach");
  if (breach && m.claim.exceptionReason === null) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `${breach.clause}: the goods are not in returnable condition (${breach.message ?? "condition breach"}), so no RMA can be issued. A supervisor can record an exception with a reason.`,
    });
  }
}

export const asIso = (d: Date) => d.toISOString();

/**
 * A BAD_REQUEST about one field, shaped like a zod issue so the error formatter puts it in `fieldErrors`
 * and the form shows it beside the field, exactly like a schema error. (ZodRealError: in zod 4 a plain
 * ZodError is not an Error, and tRPC would swap it for an opaque cause, losing the field.)
 */
export function fieldError(field: string, message: string): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message, cause: new ZodRealError([{ code: "custom", path: [field], message, input: undefined }]) });
}
