import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { createSession } from "../auth/sessions.ts";
import type { Db } from "../db/client.ts";
import { users } from "../db/schema/index.ts";

/** 20 bytes, base32: long enough for otplib's guardrail; tests only. */
export const TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export const totpAt = (at: Date, secret = TEST_TOTP_SECRET) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** TOTP switched on for the person directly in the database (enrolment itself is tested through the router). */
export async function enrolTotpDirectly(db: Db, userId: number, at: Date, secret = TEST_TOTP_SECRET) {
  await db.update(users).set({ totpSecret: secret, totpEnabledAt: at, totpLastStep: null }).where(eq(users.id, userId));
}

/**
 * A real cookie token for a session that passed both sign-in steps, as the HTTP routes see it: TOTP on
 * for the person and checked on this session.
 */
export async function verifiedSessionToken(db: Db, userId: number, now = new Date()): Promise<string> {
  const enrolledAt = new Date(now.getTime() - 60_000);
  await enrolTotpDirectly(db, userId, enrolledAt);
  return (await createSession(db, { userId, ttlHours: 1, now, secondFactorAt: now })).token;
}
