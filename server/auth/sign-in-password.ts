import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { burnVerify, verifyPassword } from "./passwords.ts";
import { assertIpAllowed, minutesFrom, signInByIp, tooMany } from "./sign-in-limits.ts";

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
 * What a caller can learn: unknown e-mail, wrong password and deactivated account answer the same, after
 * the same argon2 work. A locked account says so (with the wait), whatever password is given and without
 * checking it, so the lock never confirms a right guess. That reveals only that an address has an account
 * which someone already got wrong 5 times; the per-address failure limit keeps that from being a scanner.
 */
export async function checkPassword(db: Db, input: { email: string; password: string }, ctx: { now: Date; ip?: string }) {
  const { now, ip } = ctx;
  assertIpAllowed(signInByIp, ip, now);
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      active: users.active,
      passwordHash: users.passwordHash,
      failed: users.failedSignIns,
      lockedUntil: users.signInLockedUntil,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email))
    .limit(1);
  const known = user?.active && user.passwordHash ? { ...user, passwordHash: user.passwordHash } : null;
  if (known?.lockedUntil && known.lockedUntil > now) {
    await burnVerify(input.password);
    throw locked(known.lockedUntil, now);
  }
  const ok = known ? await verifyPassword(known.passwordHash, input.password) : (await burnVerify(input.password), false);
  if (!ok || !known) {
    if (ip) signInByIp.fail(ip, now);
    if (!known) throw incorrect();
    const [after] = await db
      .update(users)
      .set({
        failedSignIns: sql`${users.failedSignIns} + 1`,
        signInLockedUntil: sql`case when (${users.failedSignIns} + 1) % ${LOCK_AFTER_FAILURES} = 0
          then ${now.toISOString()}::timestamptz + least(${FIRST_LOCK_MINUTES} * power(2, (${users.failedSignIns} + 1) / ${LOCK_AFTER_FAILURES} - 1), ${MAX_LOCK_MINUTES}) * interval '1 minute'
          else ${users.signInLockedUntil} end`,
      })
      .where(eq(users.id, known.id))
      .returning({ lockedUntil: users.signInLockedUntil });
    if (after?.lockedUntil && after.lockedUntil > now) throw locked(after.lockedUntil, now);
    throw incorrect();
  }
  if (known.failed > 0 || known.lockedUntil) await db.update(users).set({ failedSignIns: 0, signInLockedUntil: null }).where(eq(users.id, known.id));
  return { id: known.id, name: known.name, role: known.role };
}
