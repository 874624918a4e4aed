import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import type { Db } from "../../db/client.ts";
import { AttemptLimiter } from "../../auth/sign-in-limits.ts";

/**
 * @fastify/rate-limit's store on the `rate_limit_counters` table: several server processes behind a balancer
 * count one key's requests together instead of each allowing the full rate (the plugin's own store is per process).
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number, max: number) {
      new AttemptLimiter("api", max, timeWindow).take(db, key, new Date()).then(
        (a) => callback(null, { current: a.hits, ttl: a.retryAfterMs }),
        (error: Error) => callback(error),
      );
    }
    child() {
      return new DatabaseStore();
    }
  }
  return DatabaseStore;
}
