import { index, integer, jsonb, pgTable, primaryKey, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { tstz } from "./columns.ts";
import { claims } from "./claims.ts";
import { stores } from "./stores.ts";
import { users } from "./users.ts";

/** Per-store keys for the store API: only the SHA-256 of the secret is kept; the prefix identifies it in lists. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: serial("id").primaryKey(),
    storeId: text("store_id").notNull().references(() => stores.id),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    rateLimitPerMinute: integer("rate_limit_per_minute").notNull().default(120),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: tstz("created_at").notNull().defaultNow(),
    lastUsedAt: tstz("last_used_at"),
    revokedAt: tstz("revoked_at"),
    revokedById: integer("revoked_by_id").references(() => users.id),
  },
  (t) => [uniqueIndex("api_keys_hash_uq").on(t.keyHash), index("api_keys_store_idx").on(t.storeId)],
);

/** A retried API request with the same Idempotency-Key replays the first answer instead of acting twice. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    apiKeyId: integer("api_key_id").notNull().references(() => apiKeys.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** SHA-256 of method, path and body: the same key with a different request is a 422, not a replay. */
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code"),
    response: jsonb("response").$type<unknown>(),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);

/** An admin's wording of a message template for one store; absent means the built-in default. */
export const messageTemplateOverrides = pgTable(
  "message_template_overrides",
  {
    storeId: text("store_id").notNull().references(() => stores.id),
    key: text("key").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    updatedById: integer("updated_by_id").references(() => users.id),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.key] })],
);

/** `pass`/`fail` from DMARC when the provider checked it, else from DKIM and SPF; the raw results beside it. */
export type SenderAuth = { verdict: "pass" | "fail" | "none"; dmarc?: string; dkim?: string; spf?: string };

export type InboundAttachment = { filename: string; contentType: string; size: number; storageKey: string };

/** Every inbound e-mail as received; unmatched ones stay `unsorted` until an agent files them. */
export const inboundEmails = pgTable(
  "inbound_emails",
  {
    id: serial("id").primaryKey(),
    messageId: text("message_id").notNull(),
    inReplyTo: text("in_reply_to"),
    references: jsonb("references").$type<string[]>().notNull().default([]),
    fromAddress: text("from_address").notNull(),
    fromName: text("from_name"),
    toAddress: text("to_address"),
    subject: text("subject").notNull().default(""),
    textBody: text("text_body").notNull().default(""),
    attachments: jsonb("attachments").$type<InboundAttachment[]>().notNull().default([]),
    /** The provider's sender-authentication verdict (Authentication-Results / Received-SPF), when it sent one. */
    senderAuth: jsonb("sender_auth").$type<SenderAuth>(),
    /** Attachments become evidence only when an agent accepts them: who and when. */
    attachmentsAcceptedAt: tstz("attachments_accepted_at"),
    attachmentsAcceptedById: integer("attachments_accepted_by_id").references(() => users.id),
    status: text("status").notNull(), // joined | opened_claim | unsorted | filed | discarded
    storeId: text("store_id").references(() => stores.id),
    claimId: integer("claim_id").references(() => claims.id),
    handledById: integer("handled_by_id").references(() => users.id),
    receivedAt: tstz("received_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("inbound_emails_message_id_uq").on(t.messageId), index("inbound_emails_status_idx").on(t.status, t.receivedAt)],
);
