import { TRPCError } from "@trpc/server";
import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { ClaimReason } from "../../shared/policy/enums.ts";
import type { Db, Tx } from "../db/client.ts";
import { claims, inboundEmails, orders } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { joinClaimWithMail, openClaimFromMail, type MailRecord } from "./inbound-email-claims.ts";

// The "Unsorted mail" queue: mail no rule could file, waiting for an agent to attach it to a claim,
// open a claim from it, or discard it. Mail whose address named a store is shown to that store's people
// only; mail that named none, to every agent.

function visibleTo(user: SessionUser) {
  if (user.storeIds === null) return undefined;
  return or(isNull(inboundEmails.storeId), user.storeIds.length ? inArray(inboundEmails.storeId, user.storeIds) : sql`false`);
}

export async function listUnsortedMail(db: Db, user: SessionUser, page: number, pageSize: number) {
  const where = and(eq(inboundEmails.status, "unsorted"), visibleTo(user));
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: inboundEmails.id, fromAddress: inboundEmails.fromAddress, fromName: inboundEmails.fromName, subject: inboundEmails.subject,
        receivedAt: inboundEmails.receivedAt, storeId: inboundEmails.storeId, attachments: sql<number>`jsonb_array_length(${inboundEmails.attachments})::int`,
        preview: sql<string>`left(${inboundEmails.textBody}, 160)`,
      })
      .from(inboundEmails)
      .where(where)
      .orderBy(desc(inboundEmails.receivedAt), desc(inboundEmails.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(inboundEmails).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r, attachments: Number(r.attachments) })), total: Number(count?.n ?? 0) };
}

export async function getInboundMail(db: Db | Tx, user: SessionUser, id: number, opts: { lock?: boolean } = {}) {
  const query = db.select().from(inboundEmails).where(and(eq(inboundEmails.id, id), visibleTo(user)));
  const [row] = await (opts.lock ? query.for("update") : query);
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "No such mail." });
  return row;
}

const asMailRecord = (row: typeof inboundEmails.$inferSelect): MailRecord => ({
  messageId: row.messageId, inReplyTo: row.inReplyTo, references: row.references, fromAddress: row.fromAddress, fromName: row.fromName,
  toAddress: row.toAddress, subject: row.subject, text: row.textBody, attachments: row.attachments,
});

async function lockUnsorted(tx: Tx, user: SessionUser, id: number) {
  const row = await getInboundMail(tx, user, id, { lock: true });
  if (row.status !== "unsorted") throw new TRPCError({ code: "CONFLICT", message: "Someone already filed or discarded this mail." });
  return row;
}

/** Adds the mail to a claim's conversation (message, attachments as evidence, event by the agent). */
export async function attachMailToClaim(db: Db, user: SessionUser, id: number, number: string, now: Date) {
  return db.transaction(async (tx) => {
    const row = await lockUnsorted(tx, user, id);
    const [claim] = await tx.select({ version: claims.version }).from(claims).where(eq(claims.number, number.toUpperCase()));
    if (!claim) throw new TRPCError({ code: "NOT_FOUND", message: `Claim ${number.toUpperCase()} does not exist.` });
    const joined = await joinClaimWithMail(tx, { number, version: claim.version }, asMailRecord(row), { user, actorId: user.id }, now, { filedFromUnsorted: row.id });
    await tx.update(inboundEmails).set({ status: "filed", claimId: joined.id, storeId: joined.storeId, handledById: user.id }).where(eq(inboundEmails.id, id));
    return { number: joined.number };
  });
}

/** Opens a claim for an order the agent found for this mail; the mail becomes its first message. */
export async function openClaimForMail(db: Db, user: SessionUser, id: number, orderId: number, reason: ClaimReason, now: Date) {
  return db.transaction(async (tx) => {
    const row = await lockUnsorted(tx, user, id);
    const [order] = await tx.select({ id: orders.id, storeId: orders.storeId, number: orders.number }).from(orders).where(eq(orders.id, orderId));
    if (!order || (user.storeIds !== null && !user.storeIds.includes(order.storeId))) throw new TRPCError({ code: "NOT_FOUND", message: "No such order in your stores." });
    const opened = await openClaimFromMail(tx, order, reason, asMailRecord(row), user, now);
    if (!opened) throw new TRPCError({ code: "PRECONDITION_FAILED", message: `Everything on order ${order.number} is already on open claims; attach the mail to one of them instead.` });
    await tx.update(inboundEmails).set({ status: "filed", claimId: opened.id, storeId: opened.storeId, handledById: user.id }).where(eq(inboundEmails.id, id));
    return { number: opened.number };
  });
}

export async function discardMail(db: Db, user: SessionUser, id: number) {
  return db.transaction(async (tx) => {
    await lockUnsorted(tx, user, id);
    await tx.update(inboundEmails).set({ status: "discarded", handledById: user.id }).where(eq(inboundEmails.id, id));
    return { id };
  });
}
