import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { messages } from "../db/schema/index.ts";
import { createEvidenceTestClaim } from "../routers/evidence/test-claim.ts";
import { deliverMessage, MAX_SEND_ATTEMPTS } from "../services/message-delivery.ts";
import { mailerFor } from "../services/smtp-config.ts";
import { callersFor } from "../test/callers.ts";
import { openTestDatabase } from "../test/database.ts";
import { createJobRunner } from "./runner.ts";
import { enqueue } from "./queue.ts";
import { SEND_MESSAGES_SWEEP, sendMessageHandlers } from "./send-messages.ts";

/**
 * Delivery against a real SMTP receiver (smtp-server) on a random port. `mode` decides how the receiver
 * answers the message data: accept, refuse for now (451) or refuse for good (550).
 */
type Receiver = { url: string; received: ParsedMail[]; mode: "accept" | "busy" | "reject"; server: SMTPServer };

async function startReceiver(): Promise<Receiver> {
  const r = { received: [] as ParsedMail[], mode: "accept" } as Receiver;
  r.server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        if (r.mode !== "accept") {
          const error = Object.assign(new Error(r.mode === "busy" ? "Mailbox busy, try later" : "No such user"), { responseCode: r.mode === "busy" ? 451 : 550 });
          return callback(error);
        }
        r.received.push(await simpleParser(Buffer.concat(chunks)));
        callback();
      });
    },
  });
  r.server.listen(0, "127.0.0.1");
  await once(r.server.server, "listening");
  r.url = `smtp://127.0.0.1:${(r.server.server.address() as AddressInfo).port}`;
  return r;
}

const now = new Date("2026-11-03T12:00:00Z");
let database: Database;
let receiver: Receiver;
let c: Awaited<ReturnType<typeof callersFor>>;
const silent = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  database = await openTestDatabase();
  receiver = await startReceiver();
  // Queuing a message enqueues its send job only when SMTP is configured.
  process.env.SMTP_URL = receiver.url;
  c = await callersFor(database.db, now);
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  await database.close();
});
afterEach(() => {
  receiver.received = [];
  receiver.mode = "accept";
});

async function queueMessage(body = "Your replacement is on its way.") {
  const claim = await createEvidenceTestClaim(database.db, { store: "kinetic", reason: "quality_defect", reportedAt: now });
  const res = await c.agent.messages.sendClaimMessage({ number: claim.number, version: 1, templateKey: null, subject: `About ${claim.number}`, body });
  return { claim, id: res.messageId };
}
const messageRow = async (id: number) => (await database.db.select().from(messages).where(eq(messages.id, id)))[0]!;
/** A runner with no backoff, so retries are due at once; runOnce until the queue is empty. */
async function drain(mailer = mailerFor(receiver.url)) {
  const runner = createJobRunner({ db: database.db, handlers: sendMessageHandlers(() => mailer), log: silent, backoff: { baseMs: 0, maxMs: 0 }, clock: () => now });
  let runs = 0;
  while (await runner.runOnce()) runs++;
  return runs;
}

describe("send_message job", () => {
  it("delivers once with the stored Message-ID, the claim header and the text, and marks it sent", async () => {
    const { claim, id } = await queueMessage("Hello Robin,\n\nYour replacement is on its way.");
    await drain();
    expect(receiver.received).toHaveLength(1);
    const mail = receiver.received[0]!;
    const row = await messageRow(id);
    expect(mail.messageId).toBe(row.messageId);
    expect(mail.subject).toBe(`About ${claim.number}`);
    expect(mail.text?.trim()).toBe("Hello Robin,\n\nYour replacement is on its way.");
    expect(mail.from?.text).toBe("support@kinetic.example");
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe(claim.customerEmail);
    expect(mail.headers.get("x-claimdesk-claim")).toBe(claim.number);
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null, sentAt: now });

    // Running again (a second runner, a sweep) sends nothing more.
    expect(await deliverMessage(database.db, id, mailerFor(receiver.url), now)).toEqual({ result: "skipped" });
    expect(receiver.received).toHaveLength(1);
  });

  it("retries a receiver that refuses for now, then fails with the error after the last attempt", async () => {
    receiver.mode = "busy";
    const { id, claim } = await queueMessage();
    const runner = createJobRunner({ db: database.db, handlers: sendMessageHandlers(() => mailerFor(receiver.url)), log: silent, backoff: { baseMs: 0, maxMs: 0 }, clock: () => now });
    await runner.runOnce();
    expect(await messageRow(id)).toMatchObject({ status: "outbox", attempts: 1, lastError: expect.stringContaining("451") });
    // Visible on the claim while it waits for the next attempt.
    const conversation = await c.agent.messages.listClaimMessages({ number: claim.number });
    expect(conversation.messages.at(-1)).toMatchObject({ status: "outbox", attempts: 1, lastError: expect.stringContaining("Mailbox busy") });

    await drain();
    expect(await messageRow(id)).toMatchObject({ status: "failed", attempts: MAX_SEND_ATTEMPTS, lastError: expect.stringMatching(/^Gave up after 4 attempts: .*451/) });
    expect(receiver.received).toHaveLength(0);
  });

  it("fails at once, without retrying, when the receiver refuses for good", async () => {
    receiver.mode = "reject";
    const { id } = await queueMessage();
    await drain();
    expect(await messageRow(id)).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringMatching(/^Refused by the mail server: .*550/) });
  });

  it("sends once when several runners deliver the same message at the same time", async () => {
    const { id } = await queueMessage();
    const mailer = mailerFor(receiver.url);
    // On PostgreSQL these are four pool connections racing for the row; on PGlite they queue on its one connection.
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => deliverMessage(database.db, id, mailer, now)));
    expect(outcomes.map((o) => o.result).sort()).toEqual(["sent", "skipped", "skipped", "skipped"]);
    expect(receiver.received).toHaveLength(1);
    expect(await messageRow(id)).toMatchObject({ status: "sent", attempts: 1 });
    // And the queued job, run later, finds nothing to do.
    await drain();
    expect(receiver.received).toHaveLength(1);
  });

  it("never resends a message whose sender died mid-delivery: it is failed as uncertain", async () => {
    const { id } = await queueMessage();
    await database.db.update(messages).set({ status: "sending", attempts: 1 }).where(eq(messages.id, id));
    expect(await deliverMessage(database.db, id, mailerFor(receiver.url), now, { interrupted: true })).toMatchObject({ result: "failed" });
    expect(await messageRow(id)).toMatchObject({ status: "failed", lastError: expect.stringContaining("Interrupted while sending") });
    expect(receiver.received).toHaveLength(0);
    await drain();
    expect(receiver.received).toHaveLength(0);
  });

  it("leaves messages in the outbox while no mailer is configured; the sweep queues them once one is", async () => {
    const { id } = await queueMessage();
    const runner = createJobRunner({ db: database.db, handlers: sendMessageHandlers(() => null), log: silent, clock: () => now });
    while (await runner.runOnce());
    expect(await messageRow(id)).toMatchObject({ status: "outbox", attempts: 0 });

    await enqueue(database.db, SEND_MESSAGES_SWEEP, {}, { dedupeKey: SEND_MESSAGES_SWEEP, runAt: now });
    // The sweep re-queues itself for later; runOnce stops once nothing else is due.
    await drain();
    expect(await messageRow(id)).toMatchObject({ status: "sent", attempts: 1 });
    expect(receiver.received).toHaveLength(1);
  });
});
