import { TRPCError } from "@trpc/server";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Role } from "../../shared/roles.ts";
import type { createUserInput, updateUserInput } from "../../shared/schemas/users.ts";
import { issuePasswordToken } from "../auth/password-tokens.ts";
import { forgetUserSessions } from "../auth/session-cache.ts";
import type { Db, DbOrTx } from "../db/client.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { stores, userStores, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { recordAdminAudit } from "./admin-audit.ts";
import { assertNotLastAdmin, returnOpenClaims, revokeSessions } from "./users-revocation.ts";

const rank: Record<Role, number> = { agent: 0, supervisor: 1, admin: 2 };

/** Admins see every store without memberships, so their store list is kept empty. */
async function checkedStores(tx: DbOrTx, role: Role, storeIds: string[]): Promise<string[]> {
  if (role === "admin") return [];
  const wanted = [...new Set(storeIds)].sort();
  const found = await tx.select({ id: stores.id }).from(stores).where(inArray(stores.id, wanted));
  const unknown = wanted.filter((id) => !found.some((s) => s.id === id));
  if (unknown.length) throw new TRPCError({ code: "BAD_REQUEST", message: `There is no store called ${unknown.join(", ")}.` });
  return wanted;
}

export async function membershipsOf(tx: DbOrTx, userId: number): Promise<string[]> {
  const rows = await tx.select({ storeId: userStores.storeId }).from(userStores).where(eq(userStores.userId, userId));
  return rows.map((r) => r.storeId).sort();
}

/**
 * Locks the active admins (in id order) before the target, so every people change takes its locks in
 * one order: two admins deactivating each other queue up instead of deadlocking on the last-admin check.
 */
export async function lockUser(tx: DbOrTx, id: number) {
  await tx.select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), eq(users.active, true))).orderBy(users.id).for("update");
  const [u] = await tx
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, id))
    .for("update");
  if (!u) throw new TRPCError({ code: "NOT_FOUND", message: `There is no person with id ${id}.` });
  return u;
}

/** A new person gets no password: a one-time link (shown to the admin once) lets them choose it. */
export async function createUser(db: Db, admin: SessionUser, input: z.output<typeof createUserInput>, now: Date) {
  try {
    return await db.transaction(async (tx) => {
      const storeIds = await checkedStores(tx, input.role, input.storeIds);
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, role: input.role, active: true, createdAt: now, updatedAt: now })
        .returning({ id: users.id });
      if (storeIds.length) await tx.insert(userStores).values(storeIds.map((storeId) => ({ userId: user!.id, storeId })));
      const link = await issuePasswordToken(tx, { userId: user!.id, purpose: "set_password", createdById: admin.id, now });
      await recordAdminAudit(tx, {
        actorId: admin.id, action: "user_created", targetType: "user", targetId: user!.id, at: now,
        data: { email: input.email, name: input.name, role: input.role, storeIds },
      });
      return { id: user!.id, email: input.email, name: input.name, role: input.role, storeIds, setPasswordPath: link.path, expiresAt: link.expiresAt };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_uq")) {
      throw new TRPCError({ code: "CONFLICT", message: `Someone already signs in with ${input.email}.` });
    }
    throw error;
  }
}

/**
 * Name, role and stores in one save. A lowered role or a removed store takes effect at once: the
 * person's sessions end and the claims they may no longer work return to the unassigned queue.
 */
export async function updateUser(db: Db, admin: SessionUser, input: z.output<typeof updateUserInput>, now: Date) {
  return db.transaction(async (tx) => {
    const target = await lockUser(tx, input.id);
    const storeIds = await checkedStores(tx, input.role, input.storeIds);
    const beforeStores = await membershipsOf(tx, target.id);
    const before = { name: target.name, role: target.role, storeIds: beforeStores };
    const after = { name: input.name, role: input.role, storeIds };
    const added = storeIds.filter((s) => !beforeStores.includes(s));
    const removed = beforeStores.filter((s) => !storeIds.includes(s));
    const demoted = rank[input.role] < rank[target.role];
    if (before.name === after.name && before.role === after.role && !added.length && !removed.length) {
      return { id: target.id, changed: false, sessionsEnded: 0, returnedClaims: [] as string[] };
    }
    if (demoted) await assertNotLastAdmin(tx, target, "demoting them");

    let returnedClaims: string[] = [];
    let sessionsEnded = 0;
    const base = { userId: target.id, userName: target.name, actorId: admin.id, now };
    if (demoted) returnedClaims = await returnOpenClaims(tx, { ...base, reason: "role_changed" });
    else if (removed.length && input.role !== "admin") returnedClaims = await returnOpenClaims(tx, { ...base, reason: "store_removed", storeIds: removed });
    if (demoted || removed.length) sessionsEnded = await revokeSessions(tx, target.id);

    await tx.update(users).set({ name: input.name, role: input.role, updatedAt: now }).where(eq(users.id, target.id));
    if (added.length || removed.length) {
      await tx.delete(userStores).where(eq(userStores.userId, target.id));
      if (storeIds.length) await tx.insert(userStores).values(storeIds.map((storeId) => ({ userId: target.id, storeId })));
    }
    const audit = { actorId: admin.id, targetType: "user" as const, targetId: target.id, at: now };
    await recordAdminAudit(tx, [
      { ...audit, action: "user_updated", data: { email: target.email, before, after, sessionsEnded, returnedClaims } },
      ...(before.role !== after.role ? [{ ...audit, action: "role_changed", data: { email: target.email, from: before.role, to: after.role } }] : []),
      ...(added.length || removed.length ? [{ ...audit, action: "memberships_changed", data: { email: target.email, added, removed } }] : []),
    ]);
    // A promotion, a new store or a new name shows on the person's next request, not after the session cache's few seconds.
    forgetUserSessions(target.id);
    return { id: target.id, changed: true, sessionsEnded, returnedClaims };
  });
}
