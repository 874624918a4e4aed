import { TRPCError } from "@trpc/server";
import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { burnVerify, verifyPassword } from "./passwords.ts";
import { minutesFrom, signInByIp, takeIpAttempt, tooMany } from "./sign-in-limits.ts";

export const LOCK_AFTER_FAILURES = 5;
export const FIRST_LOCK_MINUTES = 15;
export const MAX_LOCK_MINUTES = 24 * 60;

const incorrect = () => new TRPCError({ code: "UNAUTHORIZED", message: "E-mail or password is incorrect." });
const locked = (until: Date, now: Date) => {
  const m = minutesFrom(until.getTime() - now.getTime());
  return tooMany(`Too many attempts. Try again in ${m} minute${m === 1 ? "" : "s"}, or ask an admin to reset your password.`, "sign_in_locked");
};

/**
 * Password step of the sign-in, with the per-account lock: every 5th wrong password in a row locks the
 * account, for 15 minutes the first time and twice as long each time after (at most a day); a right
 * password resets the count.
 *
 * Each attempt is counted before its password is checked, atomically: one per address (signInByIp) and one
 * on the account's row by a conditional UPDATE that only an unlocked account passes and that sets the lock
 * itself when it is the 5th. So at most 5 passwords of an account are ever checked per lock, however the
 * guesses are ordered, batched or fired in parallel (a 60-call batch once had its last, right password checked).
 *
 * What a caller can learn: unknown e-mail, wrong password and deactivated account answer the same, after
 * the same argon2 work. A locked account says so (with the wait), whatever password is given and without
 * checking it, so the lock never confirms a right guess. That reveals only that an address has an account
 * which someone already got wrong 5 times; the per-address limit keeps that from being a scanner.
 */
export async function checkPassword(db: Db, input: { email: string; password: string }, ctx: { now: Date; ip?: string }) {
  const { now, ip } = ctx;
  const ipAttempt = await takeIpAttempt(db, signInByIp, ip, now);
  const [user] = await db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email))
    .limit(1);
  const known = user?.active && user.passwordHash ? { ...user, passwordHash: user.passwordHash } : null;
  if (!known) {
    await burnVerify(input.password);
    throw incorrect();
  }
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const [slot] = await db
    .update(users)
    .set({
      failedSignIns: sql`${users.failedSignIns} + 1`,
      signInLockedUntil: sql`case when (${users.failedSignIns} + 1) % ${LOCK_AFTER_FAILURES} = 0
        then ${nowSql} + least(${FIRST_LOCK_MINUTES} * power(2, (${users.failedSignIns} + 1) / ${LOCK_AFTER_FAILURES} - 1), ${MAX_LOCK_MINUTES}) * interval '1 minute'
        else ${users.signInLockedUntil} end`,
    })
    .where(and(eq(users.id, known.id), or(isNull(users.signInLockedUntil), lte(users.signInLockedUntil, nowSql))))
    .returning({ lockedUntil: users.signInLockedUntil });
  if (!slot) {
    const [row] = await db.select({ lockedUntil: users.signInLockedUntil }).from(users).where(eq(users.id, known.id));
    await burnVerify(input.password);
    throw locked(row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : new Date(now.getTime() + 60_000), now);
  }
  if (!(await verifyPassword(known.passwordHash, input.password))) {
    if (slot.lockedUntil && slot.lockedUntil > now) throw locked(slot.lockedUntil, now);
    throw incorrect();
  }
  // Right: the account's count starts over and the address gets its attempt back.
  await db.update(users).set({ failedSignIns: 0, signInLockedUntil: null }).where(eq(users.id, known.id));
  if (ipAttempt) await signInByIp.release(db, ipAttempt);
  return { id: known.id, name: known.name, role: known.role };
}
