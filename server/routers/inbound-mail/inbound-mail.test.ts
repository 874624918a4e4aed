import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { claims, evidenceItems, inboundEmails, messages } from "../../db/schema/index.ts";
import { createIntakeTestOrder } from "../../services/claim-intake-fixtures.ts";
import { receiveInboundEmail } from "../../services/inbound-email.ts";
import { diskStorage } from "../../storage/disk-storage.ts";
import { callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";

const now = new Date("2026-03-10T12:00:00Z");
const delivered = new Date("2026-03-06T12:00:00Z");
const storage = diskStorage(mkdtempSync(path.join(os.tmpdir(), "claimdesk-unsorted-")));
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;

beforeAll(async () => {
  database = await openTestDatabase();
  c = await callersFor(database.db, now);
});
afterAll(() => database.close());

// 1×1 PNG: enough for the sniffer to call it a photo.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

async function strangerMail(to: string, subject = "Where is my refund?") {
  const id = `<${randomBytes(6).toString("hex")}@stranger.example>`;
  const raw = [
    `From: Pat Stranger <pat-${randomBytes(3).toString("hex")}@elsewhere.example>`, `To: ${to}`, `Subject: ${subject}`, `Message-ID: ${id}`,
    "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="b"', "", "--b", "Content-Type: text/plain; charset=utf-8", "", "I wrote from my work address.", "",
    "--b", 'Content-Type: image/png; name="receipt.png"', "Content-Disposition: attachment; filename=receipt.png", "Content-Transfer-Encoding: base64", "", PNG, "--b--", "",
  ].join("\r\n");
  return receiveInboundEmail(database.db, storage, Buffer.from(raw), now);
}

describe("inboundMail router", () => {
  it("lists unsorted mail to the people of the store it was addressed to, and mail naming no store to every agent", async () => {
    const general = await strangerMail("help@claims.example");
    const chipyard = await strangerMail("support@chipyard.example");
    const kinetic = await strangerMail("support@kinetic.example");
    const agentIds = (await c.agent.inboundMail.listUnsortedMail({})).rows.map((r) => r.id);
    expect(agentIds).toEqual(expect.arrayContaining([general.inboundId, kinetic.inboundId]));
    expect(agentIds).not.toContain(chipyard.inboundId);
    await expect(c.agent.inboundMail.getInboundMail({ id: chipyard.inboundId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const read = await c.agent.inboundMail.getInboundMail({ id: kinetic.inboundId });
    expect(read).toMatchObject({ storeId: "kinetic", subject: "Where is my refund?", textBody: "I wrote from my work address.", attachments: [{ filename: "receipt.png", contentType: "image/png" }] });
    expect((await c.admin.inboundMail.listUnsortedMail({})).rows.map((r) => r.id)).toContain(chipyard.inboundId);
  });

  it("attaches a mail to a claim by number: message with the agent as the actor, its attachment evidence once accepted; only once", async () => {
    const order = await createIntakeTestOrder(database.db, { store: "kinetic", deliveredAt: delivered });
    const claim = await c.agent.intake.openClaim({ orderId: order.id, reason: "quality_defect", lines: [{ orderLineId: order.lineIds["SKU-A"]!, quantity: 1 }] });
    const mail = await strangerMail("support@kinetic.example");
    expect(await c.agent.inboundMail.attachMailToClaim({ id: mail.inboundId, number: claim.number.toLowerCase() })).toEqual({ number: claim.number });
    expect(await database.db.select({ direction: messages.direction, status: messages.status }).from(messages).where(eq(messages.claimId, claim.id))).toEqual([{ direction: "inbound", status: "received" }]);
    const evidence = () => database.db.select({ kind: evidenceItems.kind, by: evidenceItems.createdById }).from(evidenceItems).where(eq(evidenceItems.claimId, claim.id));
    // A stranger's receipt is not evidence because it was filed: an agent accepts it in the conversation.
    expect(await evidence()).toEqual([]);
    const { messages: thread } = await c.agent.messages.listClaimMessages({ number: claim.number });
    expect(thread[0]).toMatchObject({ attachmentsAwaitingReview: true, attachments: [{ fileName: "receipt.png", url: `/api/inbound-mail/${mail.inboundId}/attachments/0` }] });
    const [{ version }] = (await database.db.select({ version: claims.version }).from(claims).where(eq(claims.id, claim.id))) as [{ version: number }];
    await c.agent.messages.acceptMailAttachments({ number: claim.number, version, messageId: thread[0]!.id });
    expect(await evidence()).toEqual([{ kind: "photo", by: c.users.agent.id }]);
    expect((await c.agent.messages.listClaimMessages({ number: claim.number })).messages[0]).toMatchObject({ attachmentsAwaitingReview: false });
    const [row] = await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, mail.inboundId));
    expect(row).toMatchObject({ status: "filed", claimId: claim.id, handledById: c.users.agent.id });
    await expect(c.agent.inboundMail.attachMailToClaim({ id: mail.inboundId, number: claim.number })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await c.agent.inboundMail.listUnsortedMail({})).rows.map((r) => r.id)).not.toContain(mail.inboundId);
  });

  it("opens a claim for an order from a mail, and refuses one outside the agent's stores", async () => {
    const order = await createIntakeTestOrder(database.db, { store: "atelier", deliveredAt: delivered });
    const foreign = await createIntakeTestOrder(database.db, { store: "chipyard", deliveredAt: delivered });
    const mail = await strangerMail("help@claims.example", "Lamp arrived with a missing shade");
    await expect(c.agent.inboundMail.openClaimFromMail({ id: mail.inboundId, orderId: foreign.id, reason: "quality_defect" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { number } = await c.agent.inboundMail.openClaimFromMail({ id: mail.inboundId, orderId: order.id, reason: "missing_accessory" });
    const [claim] = await database.db.select().from(claims).where(eq(claims.number, number));
    expect(claim).toMatchObject({ orderId: order.id, reason: "missing_accessory", source: "email", storeId: "atelier" });
    const thread = await database.db.select().from(messages).where(eq(messages.claimId, claim!.id)).orderBy(asc(messages.id));
    expect(thread.map((m) => m.subject)).toEqual(["Lamp arrived with a missing shade"]);
  });

  it("discards a mail", async () => {
    const mail = await strangerMail("help@claims.example", "Newsletter");
    await c.agent.inboundMail.discardMail({ id: mail.inboundId });
    const [row] = await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, mail.inboundId));
    expect(row).toMatchObject({ status: "discarded", handledById: c.users.agent.id });
    await expect(c.agent.inboundMail.discardMail({ id: mail.inboundId })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
