import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { claims, messages } from "../db/schema/index.ts";
import type { Mailer } from "./smtp-config.ts";

/**
 * Never twice, rather than at least once. A message is claimed (outbox → sending, attempts + 1) in its own
 * committed statement BEFORE the SMTP conversation, and only a message still in `outbox` can be claimed:
 * the row lock (FOR UPDATE SKIP LOCKED) plus the status re-check under READ COMMITTED mean two runners
 * can never both claim it. After the call it becomes `sent`, or goes back to `outbox` for a retry only
 * when the receiver certainly did not take it (it answered with a temporary 4xx, or we never got a
 * connection). Anything in between — the connection dropping after the data went out, a crash of this
 * process while `sending` — may or may not have been delivered; that message is marked `failed` with the
 * reason and left for a person to check, never sent again automatically. Every attempt carries the same
 * stored Message-ID, so a receiver or a person can tell a duplicate if one ever were sent by hand.
 */
export const MAX_SEND_ATTEMPTS = 4;

export type DeliveryOutcome =
  | { result: "sent" }
  | { result: "retry"; error: string }
  | { result: "failed"; error: string }
  /** Not ours to send: already sent, being sent by another runner, failed, or not outbound. */
  | { result: "skipped" };

type SmtpError = Error & { code?: string; originalCode?: string; responseCode?: number; command?: string };

/** `retry` only when the message certainly did not reach the receiver. */
export function classifySendError(error: unknown): "retry" | "permanent" | "uncertain" {
  const e = error as SmtpError;
  if (typeof e?.responseCode === "number") return e.responseCode >= 500 ? "permanent" : "retry";
  const unreachable = ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET"];
  if (e?.command === "CONN" || unreachable.includes(e?.originalCode ?? "") || ["EDNS", "ETLS", "EAUTH", "ENOAUTH", "ECONFIG"].includes(e?.code ?? "")) {
    return "retry";
  }
  return "uncertain";
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

async function claimForSending(db: Db, id: number) {
  const res = await db.execute<{ id: number; attempts: number }>(sql`
    update ${messages} set status = 'sending', attempts = attempts + 1
    where id = (
      select id from ${messages}
      where id = ${id} and direction = 'outbound' and status = 'outbox'
      for update skip locked
    ) and status = 'outbox'
    returning id, attempts`);
  const row = res.rows[0];
  if (!row) return null;
  const [message] = await db
    .select({
      fromAddress: messages.fromAddress,
      toAddress: messages.toAddress,
      subject: messages.subject,
      body: messages.body,
      messageId: messages.messageId,
      inReplyTo: messages.inReplyTo,
      claimNumber: claims.number,
    })
    .from(messages)
    .leftJoin(claims, eq(claims.id, messages.claimId))
    .where(eq(messages.id, id));
  return { ...message!, attempts: Number(row.attempts) };
}

/**
 * Sends one outbox message through the mailer. `interrupted` is set by the job runner when this job's
 * previous run died (its lock expired): a message then found in `sending` is the one that run was
 * delivering, and it is failed as uncertain rather than sent again.
 */
export async function deliverMessage(db: Db, id: number, mailer: Mailer, now: Date, opts: { interrupted?: boolean; maxAttempts?: number } = {}): Promise<DeliveryOutcome> {
  const maxAttempts = opts.maxAttempts ?? MAX_SEND_ATTEMPTS;
  const claimed = await claimForSending(db, id);
  if (!claimed) {
    if (opts.interrupted) {
      const error = "Interrupted while sending: it may or may not have reached the customer, so it is not sent again automatically.";
      const failed = await db.update(messages).set({ status: "failed", lastError: error }).where(and(eq(messages.id, id), eq(messages.status, "sending"))).returning({ id: messages.id });
      if (failed.length) return { result: "failed", error };
    }
    return { result: "skipped" };
  }
  try {
    await mailer.sendMail({
      from: claimed.fromAddress,
      to: claimed.toAddress,
      subject: claimed.subject,
      text: claimed.body,
      messageId: claimed.messageId,
      ...(claimed.inReplyTo ? { inReplyTo: claimed.inReplyTo, references: [claimed.inReplyTo] } : {}),
      headers: claimed.claimNumber ? { "X-Claimdesk-Claim": claimed.claimNumber } : {},
    });
  } catch (error) {
    const kind = classifySendError(error);
    const text = errorText(error);
    if (kind === "retry" && claimed.attempts < maxAttempts) {
      await db.update(messages).set({ status: "outbox", lastError: text }).where(and(eq(messages.id, id), eq(messages.status, "sending")));
      return { result: "retry", error: text };
    }
    const reason =
      kind === "uncertain"
        ? `Delivery uncertain (${text}): it may have reached the customer, so it is not sent again automatically.`
        : kind === "permanent"
          ? `Refused by the mail server: ${text}`
          : `Gave up after ${claimed.attempts} attempts: ${text}`;
    await db.update(messages).set({ status: "failed", lastError: reason }).where(and(eq(messages.id, id), eq(messages.status, "sending")));
    return { result: "failed", error: reason };
  }
  // Also from `failed`: a run that outlived its lock may finish after the recovery marked it uncertain; it was sent.
  await db
    .update(messages)
    .set({ status: "sent", sentAt: now, lastError: null })
    .where(and(eq(messages.id, id), inArray(messages.status, ["sending", "failed"])));
  return { result: "sent" };
}

/** Outbound messages waiting to go, oldest first: the sweep makes sure each has a send job. */
export async function outboxMessageIds(db: Db, limit = 200): Promise<number[]> {
  const rows = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.direction, "outbound"), eq(messages.status, "outbox")))
    .orderBy(messages.createdAt, messages.id)
    .limit(limit);
  return rows.map((r) => r.id);
}
