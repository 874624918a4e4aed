import { index, integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { tstz } from "./columns.ts";
import { claims } from "./claims.ts";
import { stores } from "./stores.ts";
import { users } from "./users.ts";

/** Customer conversation: outbound messages wait in the outbox until sent; inbound ones arrive by mail or API. */
export const messages = pgTable(
  "messages",
  {
    id: serial("id").primaryKey(),
    claimId: integer("claim_id").references(() => claims.id, { onDelete: "cascade" }),
    storeId: text("store_id").notNull().references(() => stores.id),
    direction: text("direction").notNull(), // outbound | inbound
    templateKey: text("template_key"),
    fromAddress: text("from_address").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status").notNull(), // outbox | sent | failed | received
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    messageId: text("message_id").notNull(), // RFC 5322 Message-ID, also the send idempotency key
    inReplyTo: text("in_reply_to"),
    sentAt: tstz("sent_at"),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("messages_claim_idx").on(t.claimId, t.createdAt),
    index("messages_status_idx").on(t.status),
    uniqueIndex("messages_message_id_uq").on(t.messageId),
  ],
);
