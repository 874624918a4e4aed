import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt, ne } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.ts";
import { sessions, userStores, users } from "../db/schema/index.ts";
import { seesAllStores } from "../../shared/roles.ts";
import type { SessionUser } from "../trpc/context.ts";
import { cacheClock, cachedSession, forgetSession, forgetUserSessions, rememberSession } from "./session-cache.ts";

export const SESSION_COOKIE = "cd_session";

/** SHA-256 of a bearer token (session cookie, set-password link): only this digest is ever stored. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export async function createSession(
  db: DbOrTx,
  opts: { userId: number; ttlHours: number; now: Date; userAgent?: string; ip?: string; secondFactorAt?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(opts.now.getTime() + opts.ttlHours * 3_600_000);
  await db.insert(sessions).values({
    id: hashToken(token),
    userId: opts.userId,
    createdAt: opts.now,
    lastSeenAt: opts.now,
    expiresAt,
    userAgent: opts.userAgent?.slice(0, 300),
    ip: opts.ip,
    secondFactorAt: opts.secondFactorAt,
  });
  return { token, expiresAt };
}

const LAST_SEEN_EVERY_MS = 5 * 60_000;

/** Ends every session of a person (deactivation, demotion, password reset), or all but one (password change). */
export async function endSessions(db: DbOrTx, userId: number, opts: { except?: string } = {}): Promise<number> {
  const where = opts.except ? and(eq(sessions.userId, userId), ne(sessions.id, opts.except)) : eq(sessions.userId, userId);
  forgetUserSessions(userId);
  const gone = await db.delete(sessions).where(where).returning({ id: sessions.id });
  return gone.length;
}

export async function deleteSessionById(db: DbOrTx, sessionId: string): Promise<void> {
  forgetSession(sessionId);
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  forgetSession(hashToken(token));
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/**
 * Resolves a cookie token to its user; expired sessions and deactivated users resolve to null. A session seen in
 * the last few seconds comes from memory (session-cache.ts), as long as it has not expired and its "last seen"
 * needs no write.
 */
export async function resolveSession(db: Db, token: string | undefined, now: Date): Promise<SessionUser | null> {
  if (!token) return null;
  const id = hashToken(token);
  const hit = cachedSession(db, id, now);
  if (hit && now.getTime() - hit.lastSeenAt.getTime() <= LAST_SEEN_EVERY_MS) {
    return { ...hit.user, storeIds: hit.user.storeIds && [...hit.user.storeIds], secondFactor: hit.user.secondFactor && { ...hit.user.secondFactor } };
  }
  const startedAt = cacheClock();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      totpEnabledAt: users.totpEnabledAt,
      secondFactorAt: sessions.secondFactorAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  // "Last seen" on the account page needs only minute precision: at most one write per session every 5 minutes.
  let lastSeenAt = row.lastSeenAt;
  if (now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, now)));
    lastSeenAt = now;
  }
  const { lastSeenAt: _seen, expiresAt, totpEnabledAt, secondFactorAt, ...user } = row;
  // A code checked before TOTP was (re-)enrolled proves nothing about the current secret.
  const verified = !!totpEnabledAt && !!secondFactorAt && secondFactorAt >= totpEnabledAt;
  const resolved: SessionUser = { ...user, sessionId: id, storeIds: await storeIdsFor(db, row.id, row.role), secondFactor: { enrolled: !!totpEnabledAt, verified } };
  rememberSession(db, id, { user: resolved, userId: row.id, expiresAt, lastSeenAt }, startedAt);
  return { ...resolved, storeIds: resolved.storeIds && [...resolved.storeIds], secondFactor: { ...resolved.secondFactor! } };
}

/** The person proved the second factor on this session (sign-in step two, or TOTP just confirmed here). */
export async function markSecondFactor(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  forgetSession(sessionId);
  await db.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.id, sessionId));
}

export async function storeIdsFor(db: Db, userId: number, role: SessionUser["role"]): Promise<string[] | null> {
  if (seesAllStores(role)) return null;
  const rows = await db.select({ storeId: userStores.storeId }).from(userStores).where(eq(userStores.userId, userId));
  return rows.map((r) => r.storeId).sort();
}
