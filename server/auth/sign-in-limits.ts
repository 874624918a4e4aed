import { TRPCError } from "@trpc/server";
import { ErrorReason } from "../trpc/init.ts";

/**
 * Counts failures per key inside a window that starts at the first failure. In memory: one server process
 * serves the app (a restart forgets the counts, the per-account lock in the database does not).
 * Only failures count, so an office behind one NAT address signing in at 9:00 is never throttled.
 */
export class FailureLimiter {
  private readonly entries = new Map<string, { count: number; since: number }>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private live(key: string, now: Date) {
    const e = this.entries.get(key);
    if (e && now.getTime() - e.since >= this.windowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  /** Milliseconds until the key may try again, or 0. */
  blockedFor(key: string, now: Date): number {
    const e = this.live(key, now);
    return e && e.count >= this.limit ? e.since + this.windowMs - now.getTime() : 0;
  }

  /** Records a failure; returns the failures in the window so far. */
  fail(key: string, now: Date): number {
    if (this.entries.size > 50_000) this.sweep(now);
    const e = this.live(key, now) ?? { count: 0, since: now.getTime() };
    e.count++;
    this.entries.set(key, e);
    return e.count;
  }

  clear(key: string) {
    this.entries.delete(key);
  }

  private sweep(now: Date) {
    for (const key of [...this.entries.keys()]) this.live(key, now);
  }
}

/** Wrong passwords from one address: 20 per 15 minutes, then a pause (spraying many accounts from one place). */
export const signInByIp = new FailureLimiter(20, 15 * 60_000);
/** Wrong second-factor codes from one address, across sessions. */
export const codesByIp = new FailureLimiter(20, 15 * 60_000);
/** Wrong codes per session: a million codes cannot be walked through five at a time. */
export const CODES_PER_SESSION = 5;
export const codesBySession = new FailureLimiter(CODES_PER_SESSION, 15 * 60_000);

export const minutesFrom = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

export function tooMany(message: string, reason: "rate_limited" | "sign_in_locked" = "rate_limited") {
  return new TRPCError({ code: "TOO_MANY_REQUESTS", message, cause: new ErrorReason(reason) });
}

/** Refuses a caller from an address that failed too often; in-process callers (no address) are not throttled here. */
export function assertIpAllowed(limiter: FailureLimiter, ip: string | undefined, now: Date) {
  if (!ip) return;
  const wait = limiter.blockedFor(ip, now);
  if (wait > 0) throw tooMany(`Too many failed attempts from your network. Try again in ${minutesFrom(wait)} minute${minutesFrom(wait) === 1 ? "" : "s"}.`);
}
