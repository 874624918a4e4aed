import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { claims, customers, inboundEmails } from "../db/schema/index.ts";
import type { FileStorage } from "../storage/storage.ts";
import {
  claimForMail,
  inboundMailActor,
  joinClaimWithMail,
  latestOrderOfSender,
  openClaimFromMail,
  reasonForMail,
  storeReceiving,
  type MailRecord,
} from "./inbound-email-claims.ts";
import { deleteMailFiles, storeMailFiles } from "./inbound-email-files.ts";
import { parseInboundMail } from "./inbound-email-parse.ts";

export type InboundOutcome = {
  inboundId: number;
  status: "joined" | "opened_claim" | "unsorted" | "filed" | "discarded";
  claimNumber: string | null;
  /** True when this Message-ID was received before: nothing was written this time. */
  duplicate: boolean;
};

async function existing(db: Db, messageId: string): Promise<InboundOutcome | null> {
  const [row] = await db
    .select({ id: inboundEmails.id, status: inboundEmails.status, claimNumber: claims.number })
    .from(inboundEmails)
    .leftJoin(claims, eq(claims.id, inboundEmails.claimId))
    .where(eq(inboundEmails.messageId, messageId));
  return row ? { inboundId: row.id, status: row.status as InboundOutcome["status"], claimNumber: row.claimNumber, duplicate: true } : null;
}

/**
 * Files one raw RFC 822 mail, in order:
 * - a reply to one of a claim's messages or a mail quoting a claim number joins that claim's conversation when
 *   it comes from the claim's customer and the provider did not fail the sender's authentication; from anyone
 *   else it waits as unsorted mail (shown to the claim's store) for an agent to decide;
 * - else the mail of a customer of the store whose address received it opens a claim for their latest order
 *   in that store (reason: reasonForMail, L6 for layerworks' `[Warranty Request]`);
 * - else it waits as `unsorted`.
 * Attachments are stored with the mail and count as evidence only once an agent accepts them. The provider's
 * sender-authentication verdict is kept. Idempotent on Message-ID; everything (the inbound_emails record,
 * message, claim, events) commits in one transaction.
 */
export async function receiveInboundEmail(db: Db, storage: FileStorage, raw: Buffer, now: Date): Promise<InboundOutcome> {
  const parsed = await parseInboundMail(raw);
  const seen = await existing(db, parsed.messageId);
  if (seen) return seen;

  const { stored, refused } = await storeMailFiles(storage, parsed.files);
  const mail: MailRecord = { ...parsed, attachments: stored.map(({ category: _c, ...a }) => a), refused };
  const forged = parsed.senderAuth?.verdict === "fail";
  try {
    const outcome = await db.transaction(async (tx) => {
      // The unique Message-ID decides a race between two deliveries of the same mail: the second finds the row.
      const [row] = await tx
        .insert(inboundEmails)
        .values({
          messageId: mail.messageId, inReplyTo: mail.inReplyTo, references: mail.references, fromAddress: mail.fromAddress || "(unknown)",
          fromName: mail.fromName, toAddress: mail.toAddress, subject: mail.subject, textBody: mail.text, attachments: mail.attachments,
          senderAuth: parsed.senderAuth, status: "unsorted", receivedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: inboundEmails.id });
      if (!row) return null;
      const settle = async (status: InboundOutcome["status"], claim: { id: number; number: string; storeId: string } | null) => {
        await tx.update(inboundEmails).set({ status, claimId: claim?.id ?? null, storeId: claim?.storeId ?? null }).where(eq(inboundEmails.id, row.id));
        return { inboundId: row.id, status, claimNumber: claim?.number ?? null, duplicate: false };
      };
      const unsorted = async (storeId: string | null) => {
        // Unsorted mail addressed to a store (or about one of its claims) is shown to that store's people only.
        await tx.update(inboundEmails).set({ storeId }).where(eq(inboundEmails.id, row.id));
        return { inboundId: row.id, status: "unsorted" as const, claimNumber: null, duplicate: false };
      };
      const receivingStore = await storeReceiving(tx, mail.toAddress);

      const target = await claimForMail(tx, mail);
      if (target) {
        // Anyone can quote a claim number or a Message-ID: only the claim's own customer joins its conversation.
        const [customer] = await tx.select({ email: customers.email }).from(customers).where(eq(customers.id, target.customerId));
        const fromCustomer = !!mail.fromAddress && customer?.email.toLowerCase() === mail.fromAddress;
        if (!fromCustomer || forged) return unsorted(target.storeId);
        return settle("joined", await joinClaimWithMail(tx, target, mail, { user: inboundMailActor, actorId: null }, now, { matchedBy: target.matchedBy, fromCustomer, senderAuth: parsed.senderAuth?.verdict ?? null }));
      }

      const order = mail.fromAddress && receivingStore && !forged ? await latestOrderOfSender(tx, mail.fromAddress, receivingStore) : null;
      if (order) {
        const reason = await reasonForMail(tx, order.storeId, mail);
        // A savepoint: a refusal (nothing left to claim) leaves the mail unsorted rather than failing it.
        const opened = await tx.transaction((inner) => openClaimFromMail(inner, order, reason, mail, { id: null, storeIds: [order.storeId] }, now)).catch(() => null);
        if (opened) return settle("opened_claim", opened);
      }
      return unsorted(receivingStore);
    });
    if (outcome) return outcome;
  } catch (error) {
    await deleteMailFiles(storage, mail.attachments);
    throw error;
  }
  await deleteMailFiles(storage, mail.attachments);
  return (await existing(db, mail.messageId))!;
}
