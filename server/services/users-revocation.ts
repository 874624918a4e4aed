import { TRPCError } from "@trpc/server";
import { and, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import { closedStatuses } from "../../shared/workflow/statuses.ts";
import { endSessions } from "../auth/sessions.ts";
import type { DbOrTx } from "../db/client.ts";
import { claims, users } from "../db/schema/index.ts";
import { appendClaimEvents } from "./claim-events.ts";

export type RevocationReason = "user_deactivated" | "role_changed" | "store_removed";

// The timeline quotes `note`, so the claim's history says in words why it went back to the queue.
const notes: Record<RevocationReason, (name: string) => string> = {
  user_deactivated: (name) => `Returned to the queue: ${name} was deactivated`,
  role_changed: (name) => `Returned to the queue: ${name}'s role was lowered`,
  store_removed: (name) => `Returned to the queue: ${name} no longer works for this store`,
};

/**
 * Someone who may no longer work a claim must not keep it: their open claims (only the removed stores'
 * when just memberships shrank) go back to the unassigned queue, each with an `unassigned` event and a
 * version bump, so a colleague's open form sees CONFLICT instead of overwriting.
 */
export async function returnOpenClaims(
  tx: DbOrTx,
  opts: { userId: number; userName: string; actorId: number; now: Date; reason: RevocationReason; storeIds?: string[] },
): Promise<string[]> {
  if (opts.storeIds && opts.storeIds.length === 0) return [];
  const conds = [eq(claims.assigneeId, opts.userId), notInArray(claims.status, [...closedStatuses])];
  if (opts.storeIds) conds.push(inArray(claims.storeId, opts.storeIds));
  // Locked in id order, the same order every claim writer takes, so two revocations cannot deadlock.
  const open = await tx.select({ id: claims.id, number: claims.number, version: claims.version }).from(claims).where(and(...conds)).orderBy(claims.id).for("update");
  for (const c of open) {
    const version = c.version + 1;
    await tx.update(claims).set({ assigneeId: null, version, updatedAt: opts.now }).where(eq(claims.id, c.id));
    await appendClaimEvents(
      tx,
      c.id,
      [{ type: "unassigned", data: { from: opts.userId, fromName: opts.userName, to: null, toName: null, cause: opts.reason, note: notes[opts.reason](opts.userName) } }],
      { actorId: opts.actorId, at: opts.now, claimVersion: version },
    );
  }
  return open.map((c) => c.number);
}

/** Sessions end at once: the next request of that person resolves to no session and lands on sign-in. */
export const revokeSessions = (tx: DbOrTx, userId: number) => endSessions(tx, userId);

/** The app must keep one active admin, or nobody could manage people or policies again. */
export async function assertNotLastAdmin(tx: DbOrTx, target: { id: number; role: string; active: boolean }, what: string): Promise<void> {
  if (target.role !== "admin" || !target.active) return;
  // The caller holds the admins' row locks (lockUser), so this count cannot change before commit.
  const others = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, target.id)));
  if (others.length === 0) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `This is the last active admin: ${what} would leave nobody to manage people and policies. Make someone else an admin first.`,
    });
  }
}

export async function countOpenClaims(tx: DbOrTx, userId: number): Promise<number> {
  const res = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from ${claims} where assignee_id = ${userId} and status not in ('closed','rejected','cancelled')`,
  );
  return Number(res.rows[0]?.n ?? 0);
}
