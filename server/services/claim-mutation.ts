import { TRPCError } from "@trpc/server";
import { and, asc, desc, eq, gt, ne } from "drizzle-orm";
import { checkTransition, type ClaimAction } from "../../shared/workflow/machine.ts";
import { closedStatuses, waitingOnCustomer, type ClaimStatus } from "../../shared/workflow/statuses.ts";
import type { Db, Tx } from "../db/client.ts";
import { claimEvents, claims, refunds, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { refreshClaimEvaluation } from "./claim-evaluation.ts";
import { appendClaimEvents, type NewClaimEvent } from "./claim-events.ts";
import { reshipmentOwed } from "./resolution-reshipment.ts";
import { assertStoreAccess } from "./scope.ts";

const lockedColumns = {
  id: claims.id,
  number: claims.number,
  storeId: claims.storeId,
  status: claims.status,
  version: claims.version,
  assigneeId: claims.assigneeId,
  priority: claims.priority,
  eligibility: claims.eligibility,
  exceptionReason: claims.exceptionReason,
  pausedAt: claims.pausedAt,
  pausedMs: claims.pausedMs,
  caseFacts: claims.caseFacts,
  rmaNumber: claims.rmaNumber,
};
export type LockedClaim = { [K in keyof typeof lockedColumns]: (typeof claims.$inferSelect)[K] };

export type ClaimMutation = {
  tx: Tx;
  claim: LockedClaim;
  user: SessionUser;
  now: Date;
  /** Record an audit event; it is written with the claim's new version when the mutation commits. */
  record: (type: string, data?: Record<string, unknown>) => void;
  /** Move the claim through the state machine; refuses illegal moves with a message fit to show. */
  transition: (action: ClaimAction, data?: Record<string, unknown>) => ClaimStatus;
  /** Set claim columns; recorded as one `updated` event with before and after unless `silent`. */
  set: (patch: Partial<typeof claims.$inferInsert>, opts?: { event?: string; silent?: boolean }) => void;
};

export type ClaimRef = { number: string; version: number };

/** Who changed what since `version`, so a CONFLICT tells the person what they missed. */
async function changesSince(tx: Tx, claimId: number, version: number) {
  const rows = await tx
    .select({ type: claimEvents.type, at: claimEvents.at, actor: users.name })
    .from(claimEvents)
    .leftJoin(users, eq(users.id, claimEvents.actorId))
    .where(and(eq(claimEvents.claimId, claimId), gt(claimEvents.claimVersion, version)))
    .orderBy(asc(claimEvents.seq))
    .limit(5);
  return rows.map((r) => `${r.type.replace(/_/g, " ")} by ${r.actor ?? "the system"}`).join(", ");
}

/**
 * The one way to change a claim: a transaction that locks the claim row, checks the caller's version
 * (optimistic locking: a stale write gets CONFLICT, never a silent overwrite), runs the change, bumps the
 * version, re-evaluates the policy (deadlines, eligibility), pauses or resumes our deadlines, and writes
 * every audit event in the same transaction.
 */
export async function mutateClaim<T>(
  db: Db,
  user: SessionUser,
  ref: ClaimRef,
  now: Date,
  change: (m: ClaimMutation) => Promise<T>,
  /** `actorId: null` records the system as the actor (background jobs); default: the user. */
  opts: { actorId?: number | null } = {},
): Promise<T> {
  return db.transaction(async (tx) => {
    const [claim] = await tx.select(lockedColumns).from(claims).where(eq(claims.number, ref.number.toUpperCase())).for("update").limit(1);
    if (!claim) throw new TRPCError({ code: "NOT_FOUND", message: `Claim ${ref.number} does not exist.` });
    assertStoreAccess(user, claim.storeId);
    if (claim.version !== ref.version) {
      const what = await changesSince(tx, claim.id, ref.version);
      throw new TRPCError({
        code: "CONFLICT",
        message: `${claim.number} changed since you opened it${what ? ` (${what})` : ""}. Reload to see the latest version; nothing was saved.`,
      });
    }

    // The machine's X3 guard needs the proposer of the refund waiting for approval, so every approval
    // path (not only the approvals service) is held to four eyes.
    const [pending] =
      claim.status === "awaiting_approval"
        ? await tx
            .select({ proposedById: refunds.proposedById })
            .from(refunds)
            // (E4's freight reimbursement is decided beside the claim's resolution: not the refund this step waits on)
            .where(and(eq(refunds.claimId, claim.id), eq(refunds.status, "proposed"), ne(refunds.kind, "freight_reimbursement")))
            .orderBy(desc(refunds.id))
            .limit(1)
        : [];
    // C6: a refunded claim ships the right item only when its paid refund owes it (the machine's guard).
    const owesReshipment = await reshipmentOwed(tx, claim);

    const events: NewClaimEvent[] = [];
    const patch: Partial<typeof claims.$inferInsert> = {};
    const state = { status: claim.status };
    const m: ClaimMutation = {
      tx,
      claim,
      user,
      now,
      record: (type, data) => events.push({ type, data }),
      transition: (action, data) => {
        const check = checkTransition(action, state.status, {
          role: user.role,
          eligibility: claim.eligibility as never,
          hasException: claim.exceptionReason !== null || patch.exceptionReason != null,
          assigneeId: claim.assigneeId,
          userId: user.id,
          refundProposedById: pending?.proposedById ?? null,
          reshipmentOwed: owesReshipment,
        });
        if (!check.ok) throw new TRPCError({ code: "PRECONDITION_FAILED", message: check.reason });
        events.push({ type: "status_changed", data: { action, from: state.status, to: check.to, ...data } });
        state.status = check.to;
        patch.status = check.to;
        return check.to;
      },
      set: (values, opts) => {
        if (!opts?.silent) {
          const before = Object.fromEntries(Object.keys(values).map((k) => [k, (claim as Record<string, unknown>)[k] ?? null]));
          events.push({ type: opts?.event ?? "updated", data: { before, after: values } });
        }
        Object.assign(patch, values);
      },
    };
    const result = await change(m);
    if (events.length === 0 && Object.keys(patch).length === 0) return result;

    Object.assign(patch, pauseBookkeeping(claim, state.status, now));
    if (patch.status && closedStatuses.includes(patch.status)) patch.closedAt = now;
    else if (patch.status && closedStatuses.includes(claim.status)) patch.closedAt = null;
    const version = claim.version + 1;
    await tx.update(claims).set({ ...patch, version, updatedAt: now }).where(eq(claims.id, claim.id));
    await appendClaimEvents(tx, claim.id, events, { actorId: opts.actorId !== undefined ? opts.actorId : user.id, at: now, claimVersion: version });
    await refreshClaimEvaluation(tx, claim.id, now);
    return result;
  });
}

/** Our deadlines stop while we wait on the customer and resume, shifted by the wait, when they act. */
function pauseBookkeeping(claim: LockedClaim, next: ClaimStatus, now: Date): Partial<typeof claims.$inferInsert> {
  const waitingNow = waitingOnCustomer.includes(next);
  if (waitingNow && !claim.pausedAt) return { pausedAt: now };
  if (!waitingNow && claim.pausedAt) return { pausedAt: null, pausedMs: claim.pausedMs + (now.getTime() - claim.pausedAt.getTime()) };
  return {};
}

/** A transition and nothing else, for the many actions that need no extra data. */
export function transitionClaim(db: Db, user: SessionUser, ref: ClaimRef, action: ClaimAction, now: Date, data?: Record<string, unknown>) {
  return mutateClaim(db, user, ref, now, async (m) => ({ status: m.transition(action, data) }));
}
