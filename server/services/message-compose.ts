import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { sendClaimMessageInput } from "../../shared/schemas/messages.ts";
import { templatePlaceholders, type TemplateKey } from "../../shared/schemas/templates.ts";
import type { Db, DbOrTx } from "../db/client.ts";
import { claims, customers, messages } from "../db/schema/index.ts";
import { enqueueSendMessage } from "../jobs/send-messages.ts";
import type { SessionUser } from "../trpc/context.ts";
import { getClaimRef } from "./claim-detail.ts";
import { mutateClaim } from "./claim-mutation.ts";
import { effectiveTemplate } from "./message-template-store.ts";
import { renderTemplate } from "./message-templates.ts";
import { loadMessageContext } from "./message-values.ts";
import { fromAddressFor, smtpConfigured } from "./smtp-config.ts";

/** A template filled for this claim (admin override first), with what the claim still lacks for it. */
export async function draftClaimMessage(db: DbOrTx, user: SessionUser, number: string, key: TemplateKey, now: Date) {
  const claim = await getClaimRef(db, user, number);
  const ctx = await loadMessageContext(db, claim.id, user.name, now);
  const template = await effectiveTemplate(db, ctx.storeId, key);
  const { subject, body } = renderTemplate(key, template, ctx.values);
  return {
    key,
    subject,
    body,
    to: ctx.customerEmail,
    from: fromAddressFor(ctx.storeId),
    warnings: ctx.warnings[key] ?? [],
    placeholders: [...templatePlaceholders[key]],
  };
}

/** A new message should thread under the customer's latest mail, so their client shows one conversation. */
async function latestInboundMessageId(db: DbOrTx, claimId: number) {
  const [row] = await db
    .select({ messageId: messages.messageId })
    .from(messages)
    .where(and(eq(messages.claimId, claimId), eq(messages.direction, "inbound")))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  return row?.messageId ?? null;
}

/**
 * Queues a message to the claim's customer: the outbox row and the claim's `message_queued` event commit
 * together (mutateClaim: row lock, version check, gap-free events). With SMTP configured its send job
 * commits with it too, so nothing is ever queued without being recorded or recorded without being queued.
 */
export async function sendClaimMessage(db: Db, user: SessionUser, input: z.output<typeof sendClaimMessageInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    // The customer's address as stored now, not as the page had it: one corrected meanwhile is the one to use.
    const [customer] = await m.tx
      .select({ email: customers.email })
      .from(claims)
      .innerJoin(customers, eq(customers.id, claims.customerId))
      .where(eq(claims.id, m.claim.id));
    const messageId = `<${randomUUID()}@${m.claim.storeId}.claimdesk.example>`;
    const [message] = await m.tx
      .insert(messages)
      .values({
        claimId: m.claim.id,
        storeId: m.claim.storeId,
        direction: "outbound",
        templateKey: input.templateKey,
        fromAddress: fromAddressFor(m.claim.storeId),
        toAddress: customer!.email,
        subject: input.subject,
        body: input.body,
        status: "outbox",
        messageId,
        inReplyTo: await latestInboundMessageId(m.tx, m.claim.id),
        createdById: user.id,
        createdAt: now,
      })
      .returning({ id: messages.id });
    if (smtpConfigured()) await enqueueSendMessage(m.tx, message!.id, now);
    m.record("message_queued", { messageId: message!.id, templateKey: input.templateKey, subject: input.subject });
    return { number: m.claim.number, version: m.claim.version + 1, messageId: message!.id };
  });
}
