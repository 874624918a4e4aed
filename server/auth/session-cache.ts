import type { SessionUser } from "../trpc/context.ts";

/**
 * Resolved sessions, kept a few seconds so a busy person's requests do not each cost two database round trips
 * (the mixed HTTP load spent a quarter of the server's time writing queries to PostgreSQL). Every way the app
 * ends or narrows a session (sign-out, revocation on deactivation, demotion, store removal, password change,
 * TOTP on/off, the second step) calls `forgetSession`/`forgetUserSessions`, so those take effect at once; only a
 * change made behind the app's back (hand-written SQL) or one that widens access (a store added, a promotion)
 * waits up to SESSION_CACHE_MS.
 */
export const SESSION_CACHE_MS = 5_000;
/** A revocation is written inside a transaction: until it commits, a concurrent lookup still reads the old row. */
const REVOCATION_SETTLE_MS = 30_000;
const MAX_ENTRIES = 10_000;

type Entry = { db: object; user: SessionUser; userId: number; expiresAt: Date; lastSeenAt: Date; cachedAt: number };

const entries = new Map<string, Entry>();
/** `u:<userId>` or `s:<sessionId>` -> when it was last revoked (monotonic ms). */
const revokedAt = new Map<string, number>();

export const cacheClock = () => performance.now();

/** A live cached session of this database, or undefined (never cached, stale, expired, or revoked since). */
export function cachedSession(db: object, sessionId: string, now: Date): Entry | undefined {
  const e = entries.get(sessionId);
  if (!e) return undefined;
  if (e.db !== db || cacheClock() - e.cachedAt > SESSION_CACHE_MS || e.expiresAt <= now) {
    entries.delete(sessionId);
    return undefined;
  }
  return e;
}

/** Caches a lookup that started at `startedAt`, unless the session or its person was revoked since shortly before. */
export function rememberSession(db: object, sessionId: string, e: Omit<Entry, "db" | "cachedAt">, startedAt: number): void {
  const settled = startedAt - REVOCATION_SETTLE_MS;
  if ((revokedAt.get(`s:${sessionId}`) ?? -Infinity) > settled || (revokedAt.get(`u:${e.userId}`) ?? -Infinity) > settled) return;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(sessionId, { ...e, db, cachedAt: cacheClock() });
}

function markRevoked(key: string) {
  const now = cacheClock();
  for (const [k, at] of revokedAt) if (now - at > REVOCATION_SETTLE_MS) revokedAt.delete(k);
  revokedAt.set(key, now);
}

export function forgetSession(sessionId: string): void {
  entries.delete(sessionId);
  markRevoked(`s:${sessionId}`);
}

export function forgetUserSessions(userId: number): void {
  for (const [id, e] of entries) if (e.userId === userId) entries.delete(id);
  markRevoked(`u:${userId}`);
}
