import { boolean, index, integer, pgTable, primaryKey, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
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
    userAgent: text("user_agent"),
    ip: text("ip"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
