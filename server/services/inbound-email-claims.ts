import { TRPCError } from "@trpc/server";
import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { ClaimReason } from "../../shared/policy/enums.ts";
import { reasonFromSubject } from "../../shared/policy/index.ts";
import type { Db, Tx } from "../db/client.ts";
import { claims, customers, evidenceItems, inboundEmails, messages, orderLines, orders, stores, type InboundAttachment } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { appendClaimEvents } from "./claim-events.ts";
import { claimedQuantities, openClaimInTx, reasonsKnownBy, type IntakeActor } from "./claim-intake.ts";
import { mutateClaim } from "./claim-mutation.ts";
import { evidenceFromAttachment, type RefusedAttachment } from "./inbound-email-files.ts";
import { currentPolicyVersion } from "./policy-versions.ts";
import { fromAddressFor } from "./smtp-config.ts";

/** The parts of a mail a claim keeps: the same whether it was just parsed or filed later from the unsorted list. */
export type MailRecord = {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string;
  fromName: string | null;
  toAddress: string | null;
  subject: string;
  text: string;
  attachments: InboundAttachment[];
  refused?: RefusedAttachment[];
};

/** Inbound mail acts as the system: every store, no person (events carry actor null). */
export const inboundMailActor: SessionUser = { id: 0, email: "inbound-mail@claimdesk.invalid", name: "Inbound e-mail", role: "agent", storeIds: null, sessionId: "inbound-mail" };

const CLAIM_NUMBER = /\bCLM-\d{6,}\b/gi;

/** A claim the mail answers: one of our messages it replies to (In-Reply-To, References), else a claim number it quotes. */
export async function claimForMail(db: Db | Tx, mail: Pick<MailRecord, "inReplyTo" | "references" | "subject" | "text">) {
  const ids = [...new Set([mail.inReplyTo, ...mail.references].filter((v): v is string => Boolean(v)))];
  const columns = { id: claims.id, number: claims.number, storeId: claims.storeId, version: claims.version, customerId: claims.customerId };
  if (ids.length) {
    const [byRef] = await db.select(columns).from(messages).innerJoin(claims, eq(claims.id, messages.claimId)).where(and(inArray(messages.messageId, ids), isNotNull(messages.claimId))).limit(1);
    if (byRef) return { ...byRef, matchedBy: "reference" as const };
  }
  const numbers = [...new Set(`${mail.subject}\n${mail.text}`.match(CLAIM_NUMBER)?.map((n) => n.toUpperCase()) ?? [])];
  for (const number of numbers) {
    const [byNumber] = await db.select(columns).from(claims).where(eq(claims.number, number)).limit(1);
    if (byNumber) return { ...byNumber, matchedBy: "number" as const };
  }
  return null;
}

/**
 * The store whose address received the mail: the address its messages go out from (SMTP_FROM, SMTP_FROM_<STORE>),
 * else an address naming the store (support@kinetic…). Null when it names none.
 */
export async function storeReceiving(db: Db | Tx, toAddress: string | null): Promise<string | null> {
  if (!toAddress) return null;
  const all = await db.select({ id: stores.id }).from(stores).orderBy(stores.id);
  const addressOf = (from: string) => (/<([^>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();
  const exact = all.find((st) => addressOf(fromAddressFor(st.id)) === toAddress.toLowerCase());
  if (exact) return exact.id;
  return all.find((st) => new RegExp(`\\b${st.id}\\b`, "i").test(toAddress))?.id ?? null;
}

/**
 * The sender's latest order in the store whose address received the mail, when they are its customer. Only that
 * store: a forged From of another store's customer once opened a claim there through the wrong store's address.
 */
export async function latestOrderOfSender(db: Db | Tx, fromAddress: string, storeId: string) {
  const known = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(sql`lower(${customers.email}) = ${fromAddress.toLowerCase()}`, eq(customers.storeId, storeId)));
  if (!known.length) return null;
  const [order] = await db
    .select({ id: orders.id, storeId: orders.storeId, number: orders.number })
    .from(orders)
    .where(inArray(orders.customerId, known.map((c) => c.id)))
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(1);
  return order ?? null;
}

// Words customers use, in order of how specific they are; the first reason the store's rule book knows wins.
const reasonHints: [RegExp, ClaimReason][] = [
  [/\bwarrant/i, "warranty"],
  [/\bcancel/i, "cancellation"],
  [/\b(wrong|different) (item|product|size|colou?r)|not what i ordered/i, "wrong_item"],
  [/\bmissing\b|\bnot included\b/i, "missing_accessory"],
  [/\b(never|not) (arrived|received|delivered)|\blost\b/i, "lost_in_transit"],
  [/\blate\b|\bdelay/i, "delivery_delay"],
  [/\b(box|packaging|package) (was )?(crushed|damaged|torn)/i, "packaging_damage"],
  [/\b(arrived|came) (damaged|broken|smashed)|\bdamaged in (transit|shipping)|\bcrushed\b/i, "carrier_damage"],
  [/\bnot as described|\bdoes not match|\bdoesn't match/i, "not_as_described"],
  [/\bchanged my mind|\bno longer (need|want)|\breturn (it|this|them)\b/i, "change_of_mind"],
];

/**
 * The reason of a claim opened from a mail: the store's subject rule first (layerworks' `[Warranty Request]`,
 * L6), then the first hint in the subject and text the store knows, else `quality_defect` (every store's
 * rule book covers it, and "it does not work" is what most first mails say). Agents correct it at triage.
 */
export async function reasonForMail(db: Db | Tx, storeId: string, mail: Pick<MailRecord, "subject" | "text">): Promise<ClaimReason> {
  const policy = await currentPolicyVersion(db, storeId);
  const bySubject = reasonFromSubject(policy.document, mail.subject);
  if (bySubject) return bySubject;
  const known = reasonsKnownBy(policy);
  const words = `${mail.subject}\n${mail.text}`;
  const hinted = reasonHints.find(([re, reason]) => known.has(reason) && re.test(words));
  if (hinted) return hinted[1];
  return known.has("quality_defect") ? "quality_defect" : ([...known][0] as ClaimReason);
}

async function insertInboundMessage(tx: Tx, claim: { id: number; storeId: string }, mail: MailRecord, now: Date) {
  const [row] = await tx
    .insert(messages)
    .values({
      claimId: claim.id, storeId: claim.storeId, direction: "inbound", fromAddress: mail.fromAddress, toAddress: mail.toAddress ?? "",
      subject: mail.subject || "(no subject)", body: mail.text, status: "received", messageId: mail.messageId, inReplyTo: mail.inReplyTo, createdAt: now,
    })
    .returning({ id: messages.id });
  return row!.id;
}

const receivedEvent = (messageRowId: number, mail: MailRecord, extra: Record<string, unknown>) => ({
  type: "message_received",
  data: {
    messageId: messageRowId, from: mail.fromAddress, subject: mail.subject.slice(0, 200),
    // Attachments wait for an agent to accept them as evidence (acceptMailAttachments): anyone can send mail.
    ...(mail.attachments.length ? { attachmentsAwaitingReview: mail.attachments.length } : {}),
    ...(mail.refused?.length ? { refusedAttachments: mail.refused } : {}), ...extra,
  },
});

/**
 * Adds a mail to a claim's conversation: an inbound message and a `message_received` event, through mutateClaim
 * (locked row, new version). Its attachments are shown with the message and count as evidence only once an
 * agent accepts them (acceptMailAttachments).
 */
export async function joinClaimWithMail(
  tx: Tx,
  claim: { number: string; version: number },
  mail: MailRecord,
  who: { user: SessionUser; actorId: number | null },
  now: Date,
  extra: Record<string, unknown> = {},
) {
  // A savepoint: mutateClaim opens its own transaction, nested here in the caller's.
  return mutateClaim(tx as unknown as Db, who.user, claim, now, async (m) => {
    const messageRowId = await insertInboundMessage(m.tx, m.claim, mail, now);
    const event = receivedEvent(messageRowId, mail, extra);
    m.record(event.type, event.data);
    return { id: m.claim.id, number: m.claim.number, storeId: m.claim.storeId };
  }, { actorId: who.actorId });
}

/**
 * An agent accepts a mail's attachments as the claim's evidence: one evidence item each (an `evidence_added`
 * event apiece, re-evaluated like an upload), once. Files already on the claim as evidence are not added twice.
 */
export async function acceptMailAttachments(db: Db, user: SessionUser, ref: { number: string; version: number; messageId: number }, now: Date) {
  return mutateClaim(db, user, ref, now, async (m) => {
    const [mail] = await m.tx
      .select({ id: inboundEmails.id, attachments: inboundEmails.attachments, acceptedAt: inboundEmails.attachmentsAcceptedAt })
      .from(messages)
      .innerJoin(inboundEmails, eq(inboundEmails.messageId, messages.messageId))
      .where(and(eq(messages.id, ref.messageId), eq(messages.claimId, m.claim.id), eq(messages.direction, "inbound")))
      .for("update", { of: inboundEmails });
    if (!mail) throw new TRPCError({ code: "NOT_FOUND", message: `No such mail on ${m.claim.number}.` });
    if (mail.acceptedAt) throw new TRPCError({ code: "CONFLICT", message: "These attachments were already accepted as evidence." });
    if (!mail.attachments.length) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This mail has no attachments to accept." });
    const keys = mail.attachments.map((a) => a.storageKey);
    const present = new Set(
      (await m.tx.select({ key: evidenceItems.storageKey }).from(evidenceItems).where(and(eq(evidenceItems.claimId, m.claim.id), inArray(evidenceItems.storageKey, keys)))).map((r) => r.key),
    );
    const fresh = mail.attachments.filter((a) => !present.has(a.storageKey));
    const rows = fresh.length
      ? await m.tx
          .insert(evidenceItems)
          .values(fresh.map((a) => {
            const e = evidenceFromAttachment(a);
            return { claimId: m.claim.id, kind: e.kind, fileName: e.file.fileName, mimeType: e.file.mimeType, sizeBytes: e.file.sizeBytes, storageKey: e.file.storageKey, createdById: user.id, createdAt: now };
          }))
          .returning({ id: evidenceItems.id, kind: evidenceItems.kind, fileName: evidenceItems.fileName, mimeType: evidenceItems.mimeType, sizeBytes: evidenceItems.sizeBytes })
      : [];
    for (const r of rows) m.record("evidence_added", { evidenceId: r.id, kind: r.kind, fileName: r.fileName, mimeType: r.mimeType, sizeBytes: r.sizeBytes, fromMessageId: ref.messageId });
    await m.tx.update(inboundEmails).set({ attachmentsAcceptedAt: now, attachmentsAcceptedById: user.id }).where(eq(inboundEmails.id, mail.id));
    return { number: m.claim.number, version: m.claim.version + 1, evidenceIds: rows.map((r) => r.id) };
  });
}

/**
 * Opens a claim for an order from a mail: every line still claimable, at what is left of it; the mail is
 * the first message of the conversation and its attachments the first evidence. Null when nothing on the
 * order is left to claim (the mail then stays unsorted).
 */
export async function openClaimFromMail(
  tx: Tx,
  order: { id: number; storeId: string },
  reason: ClaimReason,
  mail: MailRecord,
  actor: IntakeActor,
  now: Date,
) {
  const [lines, claimed] = await Promise.all([
    tx.select({ id: orderLines.id, quantity: orderLines.quantity }).from(orderLines).where(eq(orderLines.orderId, order.id)),
    claimedQuantities(tx, order.id),
  ]);
  const open = lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity - (claimed.get(l.id) ?? 0) })).filter((l) => l.quantity > 0);
  if (!open.length) return null;
  const description = [mail.subject, mail.text].filter(Boolean).join("\n\n").slice(0, 5000);
  const opened = await openClaimInTx(
    tx,
    // No evidence yet: the attachments wait for an agent to accept them.
    { storeId: order.storeId, orderId: order.id, reason, source: "email", lines: open, description, evidence: [] },
    actor,
    now,
  );
  const messageRowId = await insertInboundMessage(tx, { id: opened.id, storeId: order.storeId }, mail, now);
  const event = receivedEvent(messageRowId, mail, {});
  await appendClaimEvents(tx, opened.id, [event], { actorId: actor.id, at: now, claimVersion: opened.version });
  return { id: opened.id, number: opened.number, storeId: order.storeId };
}
