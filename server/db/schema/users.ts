import { bigint, bigserial, boolean, index, integer, pgTable, primaryKey, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { Role } from "../../../shared/roles.ts";
import { timestamps, tstz } from "./columns.ts";
import { stores } from "./stores.ts";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").$type<Role>().notNull(),
    passwordHash: text("password_hash"),
    active: boolean("active").notNull().default(true),
    passwordChangedAt: tstz("password_changed_at"),
    /** TOTP secret (base32) once enrolled; required for supervisors and admins before money or admin actions. */
    totpSecret: text("totp_secret"),
    totpEnabledAt: tstz("totp_enabled_at"),
    /** Last TOTP time step accepted, so an observed code cannot be replayed inside its window. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    /** Failed sign-ins in a row and the lock they earn, so guessing a password is slow even across IPs. */
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    signInLockedUntil: tstz("sign_in_locked_until"),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_uq").on(sql`lower(${t.email})`)],
);

export const userStores = pgTable(
  "user_stores",
  {
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    storeId: text("store_id").notNull().references(() => stores.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.storeId] })],
);

/** The id is the SHA-256 of the cookie token, so a leaked table row cannot be replayed as a cookie. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: tstz("created_at").notNull().defaultNow(),
    lastSeenAt: tstz("last_seen_at").notNull().defaultNow(),
    expiresAt: tstz("expires_at").notNull(),
    /** When the second factor was checked on this session; null until then (or for users without TOTP). */
    secondFactorAt: tstz("second_factor_at"),
    userAgent: text("user_agent"),
    ip: text("ip"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** TOTP recovery codes: only an argon2 hash is kept; each works once. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: tstz("used_at"),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** In-app notifications (bell): assignment, approval waiting, refund decided, deadline about to breach. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(), // claim_assigned | approval_waiting | refund_approved | refund_rejected | deadline_soon
    claimId: integer("claim_id"),
    claimNumber: text("claim_number"),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    /** Makes re-delivery a no-op (e.g. one "deadline soon" per claim, deadline and person). */
    dedupeKey: text("dedupe_key"),
    readAt: tstz("read_at"),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_dedupe_uq").on(t.userId, t.dedupeKey),
  ],
);
