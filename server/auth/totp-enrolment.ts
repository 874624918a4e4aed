import { TRPCError } from "@trpc/server";
import { and, eq, isNull, or, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.ts";
import { recoveryCodes, sessions, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { fieldError } from "./password-rules.ts";
import { verifyPassword } from "./passwords.ts";
import { forgetUserSessions } from "./session-cache.ts";
import { markSecondFactor } from "./sessions.ts";
import { checkTotp, enrolmentMaterial, matchRecoveryCode, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode } from "./totp.ts";

export const WRONG_CODE = "That code is not valid or was already used. Codes change every 30 seconds; use the newest one.";
export const wrongCode = (detail = WRONG_CODE) => new TRPCError({ code: "BAD_REQUEST", message: WRONG_CODE, cause: fieldError("code", detail) });
export const isWrongCode = (e: unknown) => e instanceof TRPCError && e.message === WRONG_CODE;

async function totpRow(db: DbOrTx, userId: number, lock = false) {
  const q = db
    .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt, lastStep: users.totpLastStep, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "This account no longer exists." });
  return row;
}

/**
 * Accepts a code once: the step is recorded only if it is newer than the last accepted one, in the same
 * statement, so two requests racing with one code cannot both pass.
 */
async function acceptTotp(db: DbOrTx, userId: number, secret: string, code: string, lastStep: number | null, now: Date): Promise<boolean> {
  const step = await checkTotp(secret, code, now, lastStep);
  if (step == null) return false;
  const taken = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return taken.length === 1;
}

export async function getTwoFactorStatus(db: Db, user: SessionUser) {
  const row = await totpRow(db, user.id);
  const [left] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
  return { enabled: !!row.enabledAt, enabledAt: row.enabledAt, recoveryCodesLeft: row.enabledAt ? (left?.n ?? 0) : 0 };
}

/** A fresh secret kept on the account but inactive until a code from it is confirmed; starting again replaces it. */
export async function startTotpEnrolment(db: Db, user: SessionUser) {
  const row = await totpRow(db, user.id);
  if (row.enabledAt) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Two-factor authentication is already on. Turn it off first to move it to a new phone." });
  const secret = newTotpSecret();
  await db.update(users).set({ totpSecret: secret, totpLastStep: null }).where(and(eq(users.id, user.id), isNull(users.totpEnabledAt)));
  return enrolmentMaterial(secret, user.email);
}

async function replaceRecoveryCodes(tx: DbOrTx, userId: number, now: Date) {
  const { plain, hashes } = await newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
  return plain;
}

/** Turns TOTP on, counts this session as verified (the person just proved the phone) and hands out recovery codes once. */
export async function confirmTotpEnrolment(db: Db, user: SessionUser, code: string, now: Date) {
  return db.transaction(async (tx) => {
    const row = await totpRow(tx, user.id, true);
    if (row.enabledAt) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Two-factor authentication is already on." });
    if (!row.secret) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Start the set-up again: no QR code is waiting for a confirmation." });
    if (!(await acceptTotp(tx, user.id, row.secret, code, row.lastStep, now))) throw wrongCode();
    await tx.update(users).set({ totpEnabledAt: now, updatedAt: now }).where(eq(users.id, user.id));
    // The person's other sessions now owe the second step (cached ones included).
    forgetUserSessions(user.id);
    await markSecondFactor(tx, user.sessionId, now);
    return { recoveryCodes: await replaceRecoveryCodes(tx, user.id, now) };
  });
}

export async function regenerateRecoveryCodes(db: Db, user: SessionUser, code: string, now: Date) {
  return db.transaction(async (tx) => {
    const row = await totpRow(tx, user.id, true);
    if (!row.enabledAt || !row.secret) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Two-factor authentication is off." });
    if (!(await acceptTotp(tx, user.id, row.secret, code, row.lastStep, now))) throw wrongCode();
    return { recoveryCodes: await replaceRecoveryCodes(tx, user.id, now) };
  });
}

/** Clears the secret, the codes and every session's check, so re-enrolling later starts from nothing. */
export async function clearTotp(tx: DbOrTx, userId: number, now: Date) {
  forgetUserSessions(userId);
  await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: now }).where(eq(users.id, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.update(sessions).set({ secondFactorAt: null }).where(eq(sessions.userId, userId));
}

export async function disableTotp(db: Db, user: SessionUser, input: { password: string; code: string }, now: Date) {
  return db.transaction(async (tx) => {
    const row = await totpRow(tx, user.id, true);
    if (!row.enabledAt || !row.secret) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Two-factor authentication is already off." });
    if (!row.passwordHash || !(await verifyPassword(row.passwordHash, input.password))) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "Your password is incorrect.", cause: fieldError("password", "Your password is incorrect.") });
    }
    if (!(await acceptTotp(tx, user.id, row.secret, input.code, row.lastStep, now))) throw wrongCode();
    await clearTotp(tx, user.id, now);
    return { ok: true as const };
  });
}

/** Sign-in step two. True when the code is right; the session is then marked as second-factor checked. */
export async function verifySecondFactor(db: Db, user: SessionUser, input: { kind: "totp" | "recovery"; code: string }, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await totpRow(tx, user.id, true);
    if (!row.enabledAt || !row.secret) return false;
    let ok = false;
    if (input.kind === "totp") ok = await acceptTotp(tx, user.id, row.secret, input.code, row.lastStep, now);
    else {
      const code = normaliseRecoveryCode(input.code);
      const unused = code
        ? await tx.select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)))
        : [];
      const id = code ? await matchRecoveryCode(code, unused) : null;
      if (id != null) {
        const used = await tx.update(recoveryCodes).set({ usedAt: now }).where(and(eq(recoveryCodes.id, id), isNull(recoveryCodes.usedAt))).returning({ id: recoveryCodes.id });
        ok = used.length === 1;
      }
    }
    if (ok) await markSecondFactor(tx, user.sessionId, now);
    return ok;
  });
}
