import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { claims } from "./claims.ts";
import { tstz } from "./columns.ts";

/**
 * Background jobs live in the database, so they survive restarts and work the same on PGlite and
 * PostgreSQL; workers claim them with FOR UPDATE SKIP LOCKED.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    /** Scheduling the same key twice while it is pending is a no-op. */
    dedupeKey: text("dedupe_key"),
    runAt: tstz("run_at").notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    lockedAt: tstz("locked_at"),
    lockedBy: text("locked_by"),
    lastError: text("last_error"),
    doneAt: tstz("done_at"),
    failedAt: tstz("failed_at"),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("jobs_due_idx").on(t.runAt).where(sql`${t.doneAt} is null and ${t.failedAt} is null`),
    uniqueIndex("jobs_dedupe_uq").on(t.dedupeKey).where(sql`${t.doneAt} is null and ${t.failedAt} is null`),
  ],
);

/** One row per breached deadline, so the sweep flags each breach once however often it runs. */
export const deadlineBreaches = pgTable(
  "deadline_breaches",
  {
    claimId: integer("claim_id").notNull().references(() => claims.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    dueAt: tstz("due_at").notNull(),
    flaggedAt: tstz("flagged_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("deadline_breaches_uq").on(t.claimId, t.key, t.dueAt)],
);
