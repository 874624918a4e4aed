import { index, integer, jsonb, pgTable, serial, text, bigserial } from "drizzle-orm/pg-core";
import { tstz } from "./columns.ts";
import { users } from "./users.ts";

/** Append-only record of every admin action (users, roles, memberships, policy versions, templates, API keys). */
export const adminAuditEvents = pgTable(
  "admin_audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(), // user_created, role_changed, user_deactivated, policy_version_created, …
    targetType: text("target_type").notNull(), // user | store | policy | template | api_key
    targetId: text("target_id").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    at: tstz("at").notNull().defaultNow(),
  },
  (t) => [index("admin_audit_at_idx").on(t.at), index("admin_audit_target_idx").on(t.targetType, t.targetId)],
);

/** One-time set-password links: only the SHA-256 of the token is kept; used once, then dead. */
export const passwordTokens = pgTable(
  "password_tokens",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(), // set_password | reset_password
    createdById: integer("created_by_id").references(() => users.id),
    expiresAt: tstz("expires_at").notNull(),
    usedAt: tstz("used_at"),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [index("password_tokens_user_idx").on(t.userId)],
);

/** Every export a person ran: who, when, what, with which filters and how many rows (issue: reports). */
export const exportRuns = pgTable(
  "export_runs",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id").references(() => users.id),
    dataset: text("dataset").notNull(), // claims | refunds | sla_breaches | audit_events
    format: text("format").notNull(), // csv | xlsx
    filters: jsonb("filters").$type<Record<string, unknown>>().notNull().default({}),
    columns: jsonb("columns").$type<string[]>().notNull().default([]),
    /** The stores the export could read (the filter within the person's scope); null: every store (admins, the daily report). */
    storeIds: text("store_ids").array(),
    status: text("status").notNull().default("running"), // running | done | cancelled | failed
    rowCount: integer("row_count").notNull().default(0),
    startedAt: tstz("started_at").notNull().defaultNow(),
    finishedAt: tstz("finished_at"),
  },
  (t) => [index("export_runs_user_idx").on(t.userId, t.startedAt)],
);

/** Small key/value settings an admin changes at run time (e.g. the scheduled daily refunds report). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<Record<string, unknown>>().notNull(),
  updatedById: integer("updated_by_id").references(() => users.id),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});
