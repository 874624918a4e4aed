import { TRPCError } from "@trpc/server";
import { and, desc, eq, gt } from "drizzle-orm";
import { assertAcceptablePassword, fieldError } from "../auth/password-rules.ts";
import { hashPassword, verifyPassword } from "../auth/passwords.ts";
import { endSessions, hashToken } from "../auth/sessions.ts";
import type { Db } from "../db/client.ts";
import { passwordTokens, sessions, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";

const DEAD_LINK = "This link has expired or was already used. Ask an admin for a new one.";
const deadLink = () => new TRPCError({ code: "BAD_REQUEST", message: DEAD_LINK });
/** A token that opened nothing: the one refusal that counts as a guess. */
export const isDeadLink = (error: unknown) => error instanceof TRPCError && error.message === DEAD_LINK;

/**
 * Redeems a one-time link: the token row is locked and marked used in the same transaction that stores
 * the hash, so two tabs submitting the same link cannot both succeed. Returns the person to sign in.
 */
export async function redeemPasswordToken(db: Db, input: { token: string; password: string }, now: Date) {
  const hash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [t] = await tx
      .select({ id: passwordTokens.id, userId: passwordTokens.userId, expiresAt: passwordTokens.expiresAt, usedAt: passwordTokens.usedAt })
      .from(passwordTokens)
      .where(eq(passwordTokens.id, hashToken(input.token)))
      .for("update");
    if (!t || t.usedAt || t.expiresAt <= now) throw deadLink();
    const [u] = await tx.select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active }).from(users).where(eq(users.id, t.userId));
    if (!u?.active) throw deadLink();
    assertAcceptablePassword(input.password, u.email, "password");
    await tx.update(passwordTokens).set({ usedAt: now }).where(eq(passwordTokens.id, t.id));
    await tx.update(users).set({ passwordHash: hash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, u.id));
    // A set password is a fresh start: any session that survived (there should be none) ends too.
    await endSessions(tx, u.id);
    return { id: u.id, name: u.name, role: u.role };
  });
}

const WRONG_CURRENT = "Your current password is incorrect.";
export const isWrongCurrentPassword = (error: unknown) => error instanceof TRPCError && error.message === WRONG_CURRENT;

/** Keeps this session, ends the others: whoever else knew the old password is signed out. */
export async function changePassword(db: Db, user: SessionUser, input: { currentPassword: string; newPassword: string }, now: Date) {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row?.hash || !(await verifyPassword(row.hash, input.currentPassword))) {
    throw new TRPCError({ code: "BAD_REQUEST", message: WRONG_CURRENT, cause: fieldError("currentPassword", WRONG_CURRENT) });
  }
  assertAcceptablePassword(input.newPassword, user.email, "newPassword");
  const hash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, user.id));
    const ended = await endSessions(tx, user.id, { except: user.sessionId });
    return { otherSessionsEnded: ended };
  });
}

export async function listOwnSessions(db: Db, user: SessionUser, now: Date) {
  const rows = await db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent, ip: sessions.ip })
    .from(sessions)
    .where(and(eq(sessions.userId, user.id), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
  const current = rows.filter((r) => r.id === user.sessionId);
  return [...current, ...rows.filter((r) => r.id !== user.sessionId)].map((r) => ({ ...r, current: r.id === user.sessionId }));
}

export async function endOwnSession(db: Db, user: SessionUser, id: string) {
  const gone = await db.delete(sessions).where(and(eq(sessions.id, id), eq(sessions.userId, user.id))).returning({ id: sessions.id });
  // Someone else's session id answers exactly like an unknown one: nothing to probe.
  if (gone.length === 0) throw new TRPCError({ code: "NOT_FOUND", message: "That session has already ended." });
  return { current: id === user.sessionId };
}

