import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { claimEvents, claims, evidenceItems, inboundEmails, messages } from "../db/schema/index.ts";
import { createIntakeTestOrder } from "../services/claim-intake-fixtures.ts";
import { openClaim } from "../services/claim-intake.ts";
import { acceptMailAttachments } from "../services/inbound-email-claims.ts";
import { diskStorage } from "../storage/disk-storage.ts";
import { demo, sessionUserByEmail } from "../test/callers.ts";
import { openTestDatabase } from "../test/database.ts";
import { inboundEmailHttp } from "./inbound-email.ts";

const now = new Date("2026-03-10T12:00:00Z");
const delivered = new Date("2026-03-06T12:00:00Z");
const SECRET = "s3cret-inbound-token";
const dataDir = mkdtempSync(path.join(os.tmpdir(), "claimdesk-inbound-"));
let database: Database;
let app: ReturnType<typeof Fastify>;
let secret: string | undefined = SECRET;

beforeAll(async () => {
  database = await openTestDatabase();
  app = Fastify();
  await app.register(inboundEmailHttp, { database, dataDir, secret: () => secret, now: () => now });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** A fixture with its placeholders filled; `tag` keeps Message-IDs unique per test. */
function mail(name: string, values: Record<string, string>) {
  let text = readFileSync(new URL(`./fixtures/mail/${name}`, import.meta.url), "latin1");
  for (const [k, v] of Object.entries({ tag: randomBytes(6).toString("hex"), ...values })) text = text.replaceAll(`{{${k}}}`, v);
  return Buffer.from(text, "latin1");
}
const post = (body: Buffer, headers: Record<string, string> = { "x-inbound-secret": SECRET }) =>
  app.inject({ method: "POST", url: "/inbound/email", headers: { "content-type": "message/rfc822", ...headers }, payload: body });

const kineticClaim = async () => {
  const order = await createIntakeTestOrder(database.db, { store: "kinetic", deliveredAt: delivered });
  const claim = await openClaim(database.db, { storeId: "kinetic", orderId: order.id, reason: "quality_defect", source: "agent", lines: [{ orderLineId: order.lineIds["SKU-A"]!, quantity: 1 }] }, { id: null, storeIds: null }, now);
  return { ...claim, order };
};
const conversation = (claimId: number) => database.db.select().from(messages).where(eq(messages.claimId, claimId)).orderBy(asc(messages.id));
const evidenceOf = (claimId: number) => database.db.select().from(evidenceItems).where(eq(evidenceItems.claimId, claimId));
const eventsOf = (claimId: number) => database.db.select().from(claimEvents).where(eq(claimEvents.claimId, claimId)).orderBy(asc(claimEvents.seq));

describe("POST /inbound/email", () => {
  it("joins the claim whose number it quotes, decoding a Latin-1 subject; the photo counts as evidence only once an agent accepts it", async () => {
    const claim = await kineticClaim();
    const res = await post(mail("reply-claim-number.eml", { from: claim.order.email, claim: claim.number }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: "joined", claimNumber: claim.number, duplicate: false });
    const [message] = await conversation(claim.id);
    expect(message).toMatchObject({ direction: "inbound", status: "received", fromAddress: claim.order.email, subject: `Réclamation ${claim.number} – photos attached` });
    expect(message!.body).toContain("Régards, Robin");
    expect(await evidenceOf(claim.id)).toEqual([]);
    const events = await eventsOf(claim.id);
    expect(events.at(-1)).toMatchObject({
      seq: 2, type: "message_received", actorId: null, claimVersion: 2,
      data: { matchedBy: "number", fromCustomer: true, attachmentsAwaitingReview: 1, refusedAttachments: [{ filename: "notes.txt", reason: "not a photo, video or PDF" }] },
    });
    const [row] = await database.db.select().from(claims).where(eq(claims.id, claim.id));
    expect(row!.version).toBe(2);

    const agent = await sessionUserByEmail(database.db, demo.agent);
    const accepted = await acceptMailAttachments(database.db, agent, { number: claim.number, version: 2, messageId: message!.id }, now);
    const evidence = await evidenceOf(claim.id);
    expect(evidence).toEqual([expect.objectContaining({ kind: "photo", fileName: "earcup.png", mimeType: "image/png", createdById: agent.id })]);
    expect(accepted).toEqual({ number: claim.number, version: 3, evidenceIds: [evidence[0]!.id] });
    expect(readFileSync(path.join(diskStorage(dataDir).root, evidence[0]!.storageKey!)).subarray(1, 4).toString()).toBe("PNG");
    expect((await eventsOf(claim.id)).at(-1)).toMatchObject({ type: "evidence_added", actorId: agent.id, data: { evidenceId: evidence[0]!.id, fromMessageId: message!.id } });
    await expect(acceptMailAttachments(database.db, agent, { number: claim.number, version: 3, messageId: message!.id }, now)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("joins the claim of the message it replies to (In-Reply-To), even without a claim number", async () => {
    const claim = await kineticClaim();
    const ours = `<out-${randomBytes(6).toString("hex")}@claimdesk.test>`;
    await database.db.insert(messages).values({
      claimId: claim.id, storeId: "kinetic", direction: "outbound", fromAddress: "support@kinetic.example", toAddress: claim.order.email,
      subject: "We need a photo of the damage", body: "Could you send us the serial number?", status: "sent", messageId: ours, sentAt: now,
    });
    const res = await post(mail("reply-in-reply-to.eml", { from: claim.order.email, inReplyTo: ours }));
    expect(res.json()).toMatchObject({ status: "joined", claimNumber: claim.number });
    const thread = await conversation(claim.id);
    expect(thread.map((m) => [m.direction, m.inReplyTo])).toEqual([["outbound", null], ["inbound", ours]]);
    expect((await eventsOf(claim.id)).at(-1)!.data).toMatchObject({ matchedBy: "reference" });
  });

  it("opens a claim for a known customer's latest order, the inline image awaiting an agent", async () => {
    const older = await createIntakeTestOrder(database.db, { store: "kinetic", deliveredAt: new Date("2026-01-10T12:00:00Z") });
    const latest = await createIntakeTestOrder(database.db, { store: "kinetic", deliveredAt: delivered, email: older.email, lines: [{ sku: "HP-1", quantity: 1 }] });
    const res = await post(mail("new-from-customer.eml", { from: older.email.toUpperCase() }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: "opened_claim", duplicate: false });
    const [claim] = await database.db.select().from(claims).where(eq(claims.number, body.claimNumber));
    expect(claim).toMatchObject({ orderId: latest.id, source: "email", status: "new", reason: "quality_defect" });
    expect(claim!.eligibility).not.toBeNull();
    expect(claim!.summary).toContain("the left side went silent");
    expect((await eventsOf(claim!.id)).map((e) => e.type)).toEqual(["claim_opened", "message_received"]);
    expect(await evidenceOf(claim!.id)).toEqual([]);
    const [row] = await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, body.inboundId));
    expect(row!.attachments.map((a) => a.filename)).toEqual(["screenshot.png"]);
    expect(await conversation(claim!.id)).toHaveLength(1);
  });

  it("opens a warranty claim for layerworks when the subject starts with [Warranty Request] (L6)", async () => {
    const order = await createIntakeTestOrder(database.db, { store: "layerworks", deliveredAt: delivered, lines: [{ sku: "MOTOR-17", quantity: 1, motor: true }] });
    const res = await post(mail("layerworks-warranty.eml", { from: order.email }));
    const [claim] = await database.db.select().from(claims).where(eq(claims.number, res.json().claimNumber));
    expect(claim).toMatchObject({ storeId: "layerworks", reason: "warranty", source: "email" });
    const [message] = await conversation(claim!.id);
    const agent = await sessionUserByEmail(database.db, demo.agent);
    await acceptMailAttachments(database.db, agent, { number: claim!.number, version: claim!.version, messageId: message!.id }, now);
    expect(await database.db.select({ kind: evidenceItems.kind, mimeType: evidenceItems.mimeType }).from(evidenceItems).where(eq(evidenceItems.claimId, claim!.id))).toEqual([
      { kind: "fault_statement", mimeType: "application/pdf" },
    ]);
  });

  it("keeps mail from unknown senders as unsorted, and files a repeated Message-ID only once", async () => {
    const raw = mail("unknown-sender.eml", { from: `nobody-${randomBytes(4).toString("hex")}@example.org` });
    const first = await post(raw);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: "unsorted", claimNumber: null, duplicate: false });
    const again = await post(raw);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ inboundId: first.json().inboundId, status: "unsorted", duplicate: true });
    const [row] = await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, first.json().inboundId));
    expect(row).toMatchObject({ status: "unsorted", fromName: "José Stranger", subject: "Question about an order – urgent", claimId: null });
    expect(row!.textBody).toContain("last month – it flickers");
  });

  it("files a known customer's repeated mail once: one claim, one message", async () => {
    const order = await createIntakeTestOrder(database.db, { store: "kinetic", deliveredAt: delivered });
    const raw = mail("new-from-customer.eml", { from: order.email });
    const [a, b] = await Promise.all([post(raw), post(raw)]);
    expect([a.json().claimNumber, b.json().claimNumber].sort()).toEqual([a.json().claimNumber, a.json().claimNumber]);
    expect(await database.db.select({ id: claims.id }).from(claims).where(eq(claims.orderId, order.id))).toHaveLength(1);
  });

  it("answers 401 to a wrong or missing secret and 503 while none is configured, filing nothing", async () => {
    const raw = mail("unknown-sender.eml", { from: "spoof@example.org" });
    expect((await post(raw, { "x-inbound-secret": "guess" })).statusCode).toBe(401);
    expect((await post(raw, {})).statusCode).toBe(401);
    secret = undefined;
    const off = await post(raw);
    secret = SECRET;
    expect(off.statusCode).toBe(503);
    expect(off.json()).toEqual({ error: "inbound e-mail is not configured" });
    expect(await database.db.select().from(inboundEmails).where(and(eq(inboundEmails.fromAddress, "spoof@example.org")))).toEqual([]);
  });
});
