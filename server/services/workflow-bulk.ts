import { TRPCError } from "@trpc/server";
import type { PlainAction } from "../../shared/workflow/action-procedures.ts";
import type { Db } from "../db/client.ts";
import type { SessionUser } from "../trpc/context.ts";
import type { ClaimRef } from "./claim-mutation.ts";
import { assignClaim } from "./workflow-assign.ts";
import { assertPlainActionFor, transitionClaimAction } from "./workflow-transition.ts";

export type BulkOutcome =
  | { number: string; ok: true; changed: boolean; version: number }
  | { number: string; ok: false; code: string; message: string };

export type BulkResult = {
  results: BulkOutcome[];
  /** Counts for the toast: changed, already so, changed by someone else meanwhile (CONFLICT), refused. */
  summary: { changed: number; unchanged: number; conflicts: number; failed: number };
};

type Log = { error: (obj: unknown, msg: string) => void } | undefined;

/**
 * Runs one change per claim, each in its own transaction, so one claim that moved meanwhile or is not
 * allowed does not undo the others; every claim gets its own outcome.
 */
async function eachClaim(refs: ClaimRef[], run: (ref: ClaimRef) => Promise<{ changed: boolean; version: number }>, log: Log): Promise<BulkResult> {
  const results: BulkOutcome[] = [];
  for (const ref of refs) {
    const number = ref.number.toUpperCase();
    try {
      results.push({ number, ok: true, ...(await run(ref)) });
    } catch (error) {
      if (error instanceof TRPCError) results.push({ number, ok: false, code: error.code, message: error.message });
      else {
        log?.error({ err: error, number }, "bulk claim change failed");
        results.push({ number, ok: false, code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side with this claim. Try it again." });
      }
    }
  }
  const summary = { changed: 0, unchanged: 0, conflicts: 0, failed: 0 };
  for (const r of results) {
    if (r.ok) r.changed ? summary.changed++ : summary.unchanged++;
    else r.code === "CONFLICT" ? summary.conflicts++ : summary.failed++;
  }
  return { results, summary };
}

export function bulkAssignClaims(db: Db, user: SessionUser, input: { claims: ClaimRef[]; assigneeId: number | null }, now: Date, log?: Log) {
  return eachClaim(input.claims, (ref) => assignClaim(db, user, { ...ref, assigneeId: input.assigneeId }, now), log);
}

export function bulkTransitionClaims(db: Db, user: SessionUser, input: { claims: ClaimRef[]; action: PlainAction; note?: string }, now: Date, log?: Log) {
  // A role that may never take the action is refused once, not once per claim.
  assertPlainActionFor(user, input.action);
  return eachClaim(
    input.claims,
    async (ref) => ({ changed: true, version: (await transitionClaimAction(db, user, { ...ref, action: input.action, note: input.note }, now)).version }),
    log,
  );
}
