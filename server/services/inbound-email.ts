import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { claims, customers, inboundEmails, stores } from "../db/schema/index.ts";
import type { FileStorage } from "../storage/storage.ts";
import { claimForMail, inboundMailActor, joinClaimWithMail, latestOrderOfSender, openClaimFromMail, reasonForMail, type MailRecord } from "./inbound-email-claims.ts";
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
 * Files one raw RFC 822 mail, in order: a reply to one of a claim's messages or a mail quoting a claim
 * number joins that claim's conversation; else a known customer's mail opens a claim for their latest
 * order (reason: reasonForMail, L6 for layerworks' `[Warranty Request]`); else it waits as `unsorted`.
 * Attachments become evidence items. Idempotent on Message-ID; everything (the inbound_emails record,
 * message, claim, evidence, events) commits in one transaction.
 */
export async function receiveInboundEmail(db: Db, storage: FileStorage, raw: Buffer, now: Date): Promise<InboundOutcome> {
  const parsed = await parseInboundMail(raw);
  const seen = await existing(db, parsed.messageId);
  if (seen) return seen;

  const { stored, refused } = await storeMailFiles(storage, parsed.files);
  const mail: MailRecord = { ...parsed, attachments: stored.map(({ category: _c, ...a }) => a), refused };
  try {
    const outcome = await db.transaction(async (tx) => {
      // The unique Message-ID decides a race between two deliveries of the same mail: the second finds the row.
      const [row] = await tx
        .insert(inboundEmails)
        .values({
          messageId: mail.messageId, inReplyTo: mail.inReplyTo, references: mail.references, fromAddress: mail.fromAddress || "(unknown)",
          fromName: mail.fromName, toAddress: mail.toAddress, subject: mail.subject, textBody: mail.text, attachments: mail.attachments,
          status: "unsorted", receivedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: inboundEmails.id });
      if (!row) return null;
      const settle = async (status: InboundOutcome["status"], claim: { id: number; number: string; storeId: string } | null) => {
        await tx.update(inboundEmails).set({ status, claimId: claim?.id ?? null, storeId: claim?.storeId ?? null }).where(eq(inboundEmails.id, row.id));
        return { inboundId: row.id, status, claimNumber: claim?.number ?? null, duplicate: false };
      };

      const target = await claimForMail(tx, mail);
      if (target) {
        // Anyone can quote a claim number: the event says whether the claim's own customer wrote, for the agent to weigh.
        const [customer] = await tx.select({ email: customers.email }).from(customers).where(eq(customers.id, target.customerId));
        const fromCustomer = customer?.email.toLowerCase() === mail.fromAddress;
        return settle("joined", await joinClaimWithMail(tx, target, mail, { user: inboundMailActor, actorId: null }, now, { matchedBy: target.matchedBy, fromCustomer }));
      }

      const order = mail.fromAddress ? await latestOrderOfSender(tx, mail.fromAddress, mail.toAddress) : null;
      if (order) {
        const reason = await reasonForMail(tx, order.storeId, mail);
        // A savepoint: a refusal (nothing left to claim) leaves the mail unsorted rather than failing it.
        const opened = await tx.transaction((inner) => openClaimFromMail(inner, order, reason, mail, { id: null, storeIds: [order.storeId] }, now)).catch(() => null);
        if (opened) return settle("opened_claim", opened);
      }
      // Unsorted mail addressed to a store (support@kinetic…) is shown to that store's people only.
      const [store] = mail.toAddress ? await tx.select({ id: stores.id }).from(stores).where(sql`${mail.toAddress} ~* ('\\m' || ${stores.id} || '\\M')`).limit(1) : [];
      await tx.update(inboundEmails).set({ storeId: store?.id ?? null }).where(eq(inboundEmails.id, row.id));
      return { inboundId: row.id, status: "unsorted" as const, claimNumber: null, duplicate: false };
    });
    if (outcome) return outcome;
  } catch (error) {
    await deleteMailFiles(storage, mail.attachments);
    throw error;
  }
  await deleteMailFiles(storage, mail.attachments);
  return (await existing(db, mail.messageId))!;
}
