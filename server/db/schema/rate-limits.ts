import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { tstz } from "./columns.ts";

/**
 * Attempt counters of the rate limits and lockouts (sign-in per address, codes per session, store API per key),
 * in the database so every server process counts against the same number: one `INSERT … ON CONFLICT DO UPDATE
 * … RETURNING` takes an attempt and reads the count (server/auth/attempt-counters.ts).
 */
export const rateLimitCounters = pgTable("rate_limit_counters", {
  key: text("key").primaryKey(),
  hits: integer("hits").notNull(),
  windowStartedAt: tstz("window_started_at").notNull(),
});
