import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { evidenceItems, inboundEmails, messages, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { getClaimRef } from "./claim-detail.ts";
import { evidenceFileUrl } from "./evidence.ts";
import { MAX_SEND_ATTEMPTS } from "./message-delivery.ts";
import { smtpConfigured } from "./smtp-config.ts";

export type MessageStatus = "outbox" | "sending" | "sent" | "failed" | "received";
const inboundAttachmentUrl = (mailId: number, index: number) => `/api/inbound-mail/${mailId}/attachments/${index}`;

export type MessageAttachment = { fileName: string; contentType: string; size: number; evidenceId: number | null; url: string | null };

/**
 * The claim's conversation, oldest first: inbound mail with its attachments (linked to the evidence download once
 * an agent accepted them as evidence; until then `attachmentsAwaitingReview`) and outbound messages with where
 * delivery stands.
 */
export async function listConversation(db: DbOrTx, user: SessionUser, number: string) {
  const claim = await getClaimRef(db, user, number);
  const rows = await db
    .select({
      id: messages.id,
      direction: messages.direction,
      templateKey: messages.templateKey,
      fromAddress: messages.fromAddress,
      toAddress: messages.toAddress,
      subject: messages.subject,
      body: messages.body,
      status: messages.status,
      attempts: messages.attempts,
      lastError: messages.lastError,
      messageId: messages.messageId,
      sentAt: messages.sentAt,
      createdAt: messages.createdAt,
      createdByName: users.name,
    })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.createdById))
    .where(eq(messages.claimId, claim.id))
    .orderBy(asc(messages.createdAt), asc(messages.id));

  const inboundIds = rows.filter((r) => r.direction === "inbound").map((r) => r.messageId);
  const mails = inboundIds.length
    ? await db
        .select({ id: inboundEmails.id, messageId: inboundEmails.messageId, attachments: inboundEmails.attachments, acceptedAt: inboundEmails.attachmentsAcceptedAt, senderAuth: inboundEmails.senderAuth })
        .from(inboundEmails)
        .where(inArray(inboundEmails.messageId, inboundIds))
    : [];
  const keys = mails.flatMap((m) => m.attachments.map((a) => a.storageKey));
  const evidence = keys.length
    ? await db
        .select({ id: evidenceItems.id, storageKey: evidenceItems.storageKey })
        .from(evidenceItems)
        .where(and(eq(evidenceItems.claimId, claim.id), inArray(evidenceItems.storageKey, keys)))
    : [];
  const evidenceByKey = new Map(evidence.map((e) => [e.storageKey, e.id]));
  const attachmentsById = new Map(
    mails.map((m) => [
      m.messageId,
      m.attachments.map((a, i): MessageAttachment => {
        const evidenceId = evidenceByKey.get(a.storageKey) ?? null;
        return { fileName: a.filename, contentType: a.contentType, size: a.size, evidenceId, url: evidenceId ? evidenceFileUrl(evidenceId) : inboundAttachmentUrl(m.id, i) };
      }),
    ]),
  );

  const mailById = new Map(mails.map((m) => [m.messageId, m]));
  /** Attachments an agent has not accepted as evidence yet (mail filed before acceptance existed has them all as evidence). */
  const awaitingReview = (messageId: string | null) => {
    const mail = messageId ? mailById.get(messageId) : undefined;
    return !!mail && !mail.acceptedAt && mail.attachments.some((a) => !evidenceByKey.has(a.storageKey));
  };

  return {
    /** Without SMTP_URL nothing leaves the outbox; the panel says so instead of showing a queue that never moves. */
    delivery: smtpConfigured() ? ("smtp" as const) : ("outbox_only" as const),
    maxAttempts: MAX_SEND_ATTEMPTS,
    messages: rows.map(({ messageId, ...r }) => ({
      ...r,
      direction: r.direction as "outbound" | "inbound",
      status: r.status as MessageStatus,
      attachments: attachmentsById.get(messageId) ?? [],
      attachmentsAwaitingReview: awaitingReview(messageId),
      senderAuth: (messageId ? mailById.get(messageId)?.senderAuth?.verdict : undefined) ?? null,
    })),
  };
}
