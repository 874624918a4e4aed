import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { closedStatuses, priorities, priorityLabels, priorityRank, statusLabels, type Priority } from "../../shared/workflow/statuses.ts";
import type { Db, DbOrTx } from "../db/client.ts";
import { stores, userStores, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { mutateClaim, type ClaimMutation, type ClaimRef } from "./claim-mutation.ts";
import { notifyAssigned } from "./notifications.ts";

export type AssignResult = { number: string; version: number; changed: boolean; assigneeId: number | null; assigneeName: string | null };

function assertOpen(m: ClaimMutation, what: string): void {
  if (closedStatuses.includes(m.claim.status)) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `${m.claim.number} is ${statusLabels[m.claim.status].toLowerCase()}: ${what} only changes on open claims (a supervisor can reopen it).`,
    });
  }
}

async function userName(db: DbOrTx, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return u?.name ?? null;
}

/** The assignee must be an active colleague who works the claim's store (admins work every store). */
async function assertAssignable(db: DbOrTx, assigneeId: number, storeId: string): Promise<string> {
  const [u] = await db.select({ name: users.name, role: users.role, active: users.active }).from(users).where(eq(users.id, assigneeId));
  if (!u) throw new TRPCError({ code: "BAD_REQUEST", message: `There is no colleague with id ${assigneeId}.` });
  if (!u.active) throw new TRPCError({ code: "BAD_REQUEST", message: `${u.name} is deactivated and cannot take claims.` });
  if (u.role === "admin") return u.name;
  const [member] = await db
    .select({ storeId: userStores.storeId })
    .from(userStores)
    .where(and(eq(userStores.userId, assigneeId), eq(userStores.storeId, storeId)));
  if (!member) {
    const [store] = await db.select({ name: stores.name }).from(stores).where(eq(stores.id, storeId));
    throw new TRPCError({ code: "BAD_REQUEST", message: `${u.name} does not work for ${store?.name ?? storeId}, so cannot take its claims.` });
  }
  return u.name;
}

/** Agents take unassigned claims and hand back their own; moving a colleague's claim is a supervisor's call. */
function assertMayAssign(user: SessionUser, current: number | null, next: number | null, currentName: string | null): void {
  if (user.role !== "agent") return;
  if (next !== null && next !== user.id) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Agents can assign claims only to themselves; a supervisor assigns them to others." });
  }
  if (next === user.id && current !== null) {
    throw new TRPCError({ code: "FORBIDDEN", message: `This claim is assigned to ${currentName ?? "a colleague"}; a supervisor can reassign it.` });
  }
  if (next === null && current !== user.id) {
    throw new TRPCError({ code: "FORBIDDEN", message: `Only a supervisor can unassign ${currentName ?? "a colleague"}.` });
  }
}

/** Assign, reassign or unassign (assigneeId null); one `assigned` event with both names. */
export async function assignClaim(db: Db, user: SessionUser, input: ClaimRef & { assigneeId: number | null }, now: Date): Promise<AssignResult> {
  return mutateClaim(db, user, input, now, async (m) => {
    const current = m.claim.assigneeId;
    const currentName = await userName(m.tx, current);
    if (current === input.assigneeId) {
      return { number: m.claim.number, version: m.claim.version, changed: false, assigneeId: current, assigneeName: currentName };
    }
    assertOpen(m, "the assignee");
    assertMayAssign(user, current, input.assigneeId, currentName);
    const nextName = input.assigneeId === null ? null : await assertAssignable(m.tx, input.assigneeId, m.claim.storeId);
    m.set({ assigneeId: input.assigneeId }, { silent: true });
    m.record("assigned", { from: current, to: input.assigneeId, fromName: currentName, toName: nextName });
    await notifyAssigned(m, input.assigneeId);
    return { number: m.claim.number, version: m.claim.version + 1, changed: true, assigneeId: input.assigneeId, assigneeName: nextName };
  });
}

export async function setClaimPriority(db: Db, user: SessionUser, input: ClaimRef & { priority: Priority }, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    const from = priorities[m.claim.priority] ?? "normal";
    if (from === input.priority) return { number: m.claim.number, version: m.claim.version, changed: false, priority: from };
    assertOpen(m, "the priority");
    m.set({ priority: priorityRank[input.priority] }, { silent: true });
    m.record("priority_changed", { from, to: input.priority, fromLabel: priorityLabels[from], toLabel: priorityLabels[input.priority] });
    return { number: m.claim.number, version: m.claim.version + 1, changed: true, priority: input.priority };
  });
}
