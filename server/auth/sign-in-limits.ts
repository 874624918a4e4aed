import { TRPCError } from "@trpc/server";
import { eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { rateLimitCounters } from "../db/schema/index.ts";
import { ErrorReason } from "../trpc/init.ts";

const SWEEP_EVERY = 500;
let taken = 0;
/** Every limit's window is at most 15 minutes: rows a day old are dead weight (swept now and then, by any process). */
async function sweepCounters(db: DbOrTx, now: Date) {
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStartedAt, new Date(now.getTime() - 86_400_000)));
}

/**
 * Attempts per key inside a window that starts at the first attempt, counted in the database
 * (`rate_limit_counters`), so several server processes count against one limit and a restart forgets nothing.
 *
 * An attempt is taken *before* the secret is checked, by one `INSERT … ON CONFLICT DO UPDATE … RETURNING`:
 * the row lock makes check-and-count atomic, so no batch, burst or ordering gets more than `limit` secrets
 * checked (two checks of the same count once let 58 of 60 parallel guesses through). A right answer gives
 * its attempt back (`release`), so only failures add up and an office behind one NAT address signing in at
 * 9:00 is never throttled.
 */
export class AttemptLimiter {
  constructor(
    readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private key(key: string) {
    return `${this.name}:${key}`;
  }

  /** Takes one attempt; `allowed` when it is within the limit, else how long until the window ends. */
  async take(db: DbOrTx, key: string, now: Date): Promise<{ allowed: boolean; hits: number; retryAfterMs: number }> {
    if (++taken % SWEEP_EVERY === 0) await sweepCounters(db, now);
    const expired = sql`${rateLimitCounters.windowStartedAt} <= ${new Date(now.getTime() - this.windowMs).toISOString()}::timestamptz`;
    const [row] = await db
      .insert(rateLimitCounters)
      .values({ key: this.key(key), hits: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: rateLimitCounters.key,
        set: {
          hits: sql`case when ${expired} then 1 else ${rateLimitCounters.hits} + 1 end`,
          windowStartedAt: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimitCounters.windowStartedAt} end`,
        },
      })
      .returning({ hits: rateLimitCounters.hits, windowStartedAt: rateLimitCounters.windowStartedAt });
    const hits = row!.hits;
    const retryAfterMs = Math.max(0, row!.windowStartedAt.getTime() + this.windowMs - now.getTime());
    return { allowed: hits <= this.limit, hits, retryAfterMs };
  }

  /** Gives a taken attempt back (the secret was right, or nothing was checked after all). */
  async release(db: DbOrTx, key: string): Promise<void> {
    await db
      .update(rateLimitCounters)
      .set({ hits: sql`greatest(${rateLimitCounters.hits} - 1, 0)` })
      .where(eq(rateLimitCounters.key, this.key(key)));
  }

  /** Forgets the key's attempts (a session's codes once it is verified). */
  async clear(db: DbOrTx, key: string): Promise<void> {
    await db.delete(rateLimitCounters).where(eq(rateLimitCounters.key, this.key(key)));
  }
}

/** Wrong passwords from one address: 20 per 15 minutes, then a pause (spraying many accounts from one place). */
export const signInByIp = new AttemptLimiter("sign-in-ip", 20, 15 * 60_000);
/** Wrong second-factor codes from one address, across sessions. */
export const codesByIp = new AttemptLimiter("codes-ip", 20, 15 * 60_000);
/** Wrong codes per session: a million codes cannot be walked through five at a time. */
export const CODES_PER_SESSION = 5;
export const codesBySession = new AttemptLimiter("codes-session", CODES_PER_SESSION, 15 * 60_000);
/** Wrong current passwords when changing it, per session. */
export const currentPasswordBySession = new AttemptLimiter("current-password-session", 5, 15 * 60_000);
/** Dead set-password links tried from one address. */
export const passwordLinksByIp = new AttemptLimiter("password-link-ip", 20, 15 * 60_000);

export const minutesFrom = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
const minutes = (ms: number) => `${minutesFrom(ms)} minute${minutesFrom(ms) === 1 ? "" : "s"}`;

export function tooMany(message: string, reason: "rate_limited" | "sign_in_locked" = "rate_limited") {
  return new TRPCError({ code: "TOO_MANY_REQUESTS", message, cause: new ErrorReason(reason) });
}

/**
 * Takes an attempt for the caller's address, refusing it past the limit; returns the key to `release` on
 * success. In-process callers (no address) are not throttled here.
 */
export async function takeIpAttempt(db: DbOrTx, limiter: AttemptLimiter, ip: string | undefined, now: Date): Promise<string | null> {
  if (!ip) return null;
  const attempt = await limiter.take(db, ip, now);
  if (!attempt.allowed) throw tooMany(`Too many failed attempts from your network. Try again in ${minutes(attempt.retryAfterMs)}.`);
  return ip;
}

export const tooManyCodes = (retryAfterMs: number) => tooMany(`Too many wrong codes. Try again in ${minutes(retryAfterMs)}.`);
