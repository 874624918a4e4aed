import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { issuePasswordToken } from "../auth/password-tokens.ts";
import type { Db } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { recordAdminAudit } from "./admin-audit.ts";
import { lockUser } from "./users-admin.ts";
import { assertNotLastAdmin, returnOpenClaims, revokeSessions } from "./users-revocation.ts";

function notSelf(admin: SessionUser, id: number, what: string) {
  if (admin.id === id) throw new TRPCError({ code: "PRECONDITION_FAILED", message: `You cannot ${what} your own account; ask another admin.` });
}

/** Deactivation is the off switch: sessions end now, open claims go back to the queue, sign-in refuses. */
export async function deactivateUser(db: Db, admin: SessionUser, id: number, now: Date) {
  notSelf(admin, id, "deactivate");
  return db.transaction(async (tx) => {
    const target = await lockUser(tx, id);
    if (!target.active) return { id, changed: false, sessionsEnded: 0, returnedClaims: [] as string[] };
    await assertNotLastAdmin(tx, target, "deactivating them");
    await tx.update(users).set({ active: false, updatedAt: now }).where(eq(users.id, id));
    const sessionsEnded = await revokeSessions(tx, id);
    const returnedClaims = await returnOpenClaims(tx, { userId: id, userName: target.name, actorId: admin.id, now, reason: "user_deactivated" });
    await recordAdminAudit(tx, {
      actorId: admin.id, action: "user_deactivated", targetType: "user", targetId: id, at: now,
      data: { email: target.email, name: target.name, sessionsEnded, returnedClaims },
    });
    return { id, changed: true, sessionsEnded, returnedClaims };
  });
}

export async function reactivateUser(db: Db, admin: SessionUser, id: number, now: Date) {
  return db.transaction(async (tx) => {
    const target = await lockUser(tx, id);
    if (target.active) return { id, changed: false };
    await tx.update(users).set({ active: true, updatedAt: now }).where(eq(users.id, id));
    await recordAdminAudit(tx, { actorId: admin.id, action: "user_reactivated", targetType: "user", targetId: id, at: now, data: { email: target.email, name: target.name } });
    return { id, changed: true };
  });
}

/**
 * A reset assumes the old password may be known to someone else: it stops working, every session
 * ends, and only the new one-time link lets the person back in.
 */
export async function resetPassword(db: Db, admin: SessionUser, id: number, now: Date) {
  notSelf(admin, id, "reset the password of");
  return db.transaction(async (tx) => {
    const target = await lockUser(tx, id);
    if (!target.active) throw new TRPCError({ code: "PRECONDITION_FAILED", message: `${target.name} is deactivated; reactivate them before issuing a password link.` });
    await tx.update(users).set({ passwordHash: null, updatedAt: now }).where(eq(users.id, id));
    const sessionsEnded = await revokeSessions(tx, id);
    const link = await issuePasswordToken(tx, { userId: id, purpose: "reset_password", createdById: admin.id, now });
    await recordAdminAudit(tx, { actorId: admin.id, action: "password_reset_issued", targetType: "user", targetId: id, at: now, data: { email: target.email, sessionsEnded } });
    return { id, email: target.email, name: target.name, setPasswordPath: link.path, expiresAt: link.expiresAt, sessionsEnded };
  });
}
