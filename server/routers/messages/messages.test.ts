import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { adminAuditEvents, claimEvents, claims, evidenceItems, inboundEmails, messages, refunds, shipments } from "../../db/schema/index.ts";
import { callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";
import { createEvidenceTestClaim } from "../evidence/test-claim.ts";

const now = new Date("2026-11-03T12:00:00Z"); // a Tuesday
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;

beforeAll(async () => {
  database = await openTestDatabase();
  c = await callersFor(database.db, now);
});
afterAll(() => database.close());

const eventsOf = (id: number) => database.db.select().from(claimEvents).where(eq(claimEvents.claimId, id)).orderBy(asc(claimEvents.seq));

/** A chipyard defect claim whose return was approved yesterday, with an RMA, an executed refund and a replacement on its way. */
async function chipyardClaimWithEverything() {
  const claim = await createEvidenceTestClaim(database.db, { store: "chipyard", reason: "quality_defect", reportedAt: new Date("2026-11-01T09:00:00Z") });
  await database.db
    .update(claims)
    .set({ rmaNumber: "RMA000000042", caseFacts: { approvedAt: "2026-11-02T10:00:00.000Z" } })
    .where(eq(claims.id, claim.id));
  await database.db.insert(refunds).values({
    claimId: claim.id, reference: "RF-2026-000777", amountCents: 1234567, currency: "EUR", kind: "full_refund", status: "executed",
    idempotencyKey: `t-${claim.id}`, executedAt: now,
  });
  await database.db.insert(shipments).values({ claimId: claim.id, kind: "replacement", carrier: "DHL", trackingNumber: "JD014600006281230", status: "shipped" });
  return claim;
}

describe("messages.draftClaimMessage", () => {
  it("fills each template from the claim, its order and the policy decision", async () => {
    const claim = await chipyardClaimWithEverything();
    const rma = await c.admin.messages.draftClaimMessage({ number: claim.number, key: "rma_approved" });
    expect(rma.subject).toBe(`[${claim.number}] RMA RMA000000042 issued for your return`);
    expect(rma.body).toContain("Your RMA number is RMA000000042.");
    // C2: the allowed carriers; C9: 7 natural days after approval.
    expect(rma.body).toContain("Ship with FedEx or DHL only");
    expect(rma.body).toContain("Ship by Monday 9 November 2026.");
    expect(rma.body).toContain("Hello Robin,");
    expect(rma).toMatchObject({ to: claim.customerEmail, from: "support@chipyard.example", warnings: [] });

    const refund = await c.admin.messages.draftClaimMessage({ number: claim.number, key: "refund_issued" });
    expect(refund.body).toContain("We have issued a refund of €12,345.67");
    expect(refund.body).toContain("Refund reference: RF-2026-000777.");
    expect(refund.body).toContain("10–15 business days"); // C10

    const shipped = await c.admin.messages.draftClaimMessage({ number: claim.number, key: "replacement_shipped" });
    expect(shipped.body).toContain("has shipped with DHL.\nTracking number: JD014600006281230");

    const evidence = await c.admin.messages.draftClaimMessage({ number: claim.number, key: "evidence_request" });
    // C7: 3 videos, 10 photos and a fault statement, none provided yet.
    expect(evidence.body).toContain("- 3 videos of the product showing the problem (policy clause C7)");
    expect(evidence.body).toContain("- 10 photos of the product showing the problem (policy clause C7)");
    expect(evidence.body).toContain("a short written description of the fault (policy clause C7)");
    for (const d of [rma, refund, shipped, evidence]) expect(d.body).not.toMatch(/\{\{|\[[a-z -]+\]/i);
  });

  it("says what a claim still lacks instead of inventing it", async () => {
    const claim = await createEvidenceTestClaim(database.db, { store: "kinetic", reason: "change_of_mind", reportedAt: now });
    const rma = await c.agent.messages.draftClaimMessage({ number: claim.number, key: "rma_approved" });
    expect(rma.body).toContain("[RMA number]");
    expect(rma.warnings).toContain("This store issues no RMA numbers.");
    const refund = await c.agent.messages.draftClaimMessage({ number: claim.number, key: "refund_issued" });
    expect(refund.warnings).toEqual(["No approved or executed refund on this claim yet."]);
    // K4/K6: kinetic's own wording for the return address.
    const address = await c.agent.messages.draftClaimMessage({ number: claim.number, key: "return_address_request" });
    expect(address.body).toContain("return shipping is at your own cost");
    expect(address.body).toContain("Kinetic Motion Returns");
  });

  it("uses the admin's override over the default, and the default again after a reset", async () => {
    const claim = await createEvidenceTestClaim(database.db, { store: "layerworks", reason: "warranty", reportedAt: now });
    await c.admin.templates.saveTemplate({
      storeId: "layerworks", key: "replacement_shipped", subject: "Parcel for {{claimNumber}}", body: "Hi {{customerName}}, tracking {{trackingNumber}} via {{carrier}}.",
    });
    const overridden = await c.agent.messages.draftClaimMessage({ number: claim.number, key: "replacement_shipped" });
    expect(overridden).toMatchObject({ subject: `Parcel for ${claim.number}`, body: "Hi Robin, tracking [tracking number] via [carrier]." });
    // Other stores keep their wording.
    const other = await createEvidenceTestClaim(database.db, { store: "kinetic", reason: "quality_defect", reportedAt: now });
    expect((await c.agent.messages.draftClaimMessage({ number: other.number, key: "replacement_shipped" })).subject).toContain("is on its way");

    // "Request evidence" uses the same precedence.
    await c.admin.templates.saveTemplate({ storeId: "layerworks", key: "evidence_request", subject: "Need more for {{claimNumber}}", body: "Please send:\n{{missingList}}\n{{agentName}}" });
    const request = await c.agent.evidence.previewEvidenceRequest({ number: claim.number });
    expect(request.subject).toBe(`Need more for ${claim.number}`);
    expect(request.body).toContain("- the invoice number (policy clause L6)");
    await c.admin.templates.resetTemplate({ storeId: "layerworks", key: "evidence_request" });

    await c.admin.templates.resetTemplate({ storeId: "layerworks", key: "replacement_shipped" });
    const reset = await c.agent.messages.draftClaimMessage({ number: claim.number, key: "replacement_shipped" });
    expect(reset.body).toContain("the warranty does not restart"); // L8, layerworks' default
  });
});

describe("messages.listClaimMessages", () => {
  it("shows an inbound mail's attachments: the evidence download once accepted, the mail's own until then", async () => {
    const claim = await createEvidenceTestClaim(database.db, { store: "atelier", reason: "wrong_item", reportedAt: now });
    const mailId = `<att-${claim.id}@mail.example>`;
    const storageKey = `inbound/${claim.id}/photo.jpg`;
    const [item] = await database.db.insert(evidenceItems).values({ claimId: claim.id, kind: "photo", fileName: "photo.jpg", mimeType: "image/jpeg", sizeBytes: 2048, storageKey }).returning({ id: evidenceItems.id });
    const [mail] = await database.db.insert(inboundEmails).values({
      messageId: mailId, fromAddress: claim.customerEmail, subject: "Wrong figure", textBody: "See photo", status: "joined", storeId: "atelier", claimId: claim.id,
      attachments: [{ filename: "photo.jpg", contentType: "image/jpeg", size: 2048, storageKey }, { filename: "second.pdf", contentType: "application/pdf", size: 10, storageKey: "inbound/y.pdf" }],
    }).returning({ id: inboundEmails.id });
    await database.db.insert(messages).values({
      claimId: claim.id, storeId: "atelier", direction: "inbound", fromAddress: claim.customerEmail, toAddress: "support@atelier.example",
      subject: "Wrong figure", body: "See photo", status: "received", messageId: mailId, createdAt: now,
    });
    const { messages: list } = await c.agent.messages.listClaimMessages({ number: claim.number });
    expect(list[0]!.attachments).toEqual([
      { fileName: "photo.jpg", contentType: "image/jpeg", size: 2048, evidenceId: item!.id, url: `/api/evidence/${item!.id}/file` },
      { fileName: "second.pdf", contentType: "application/pdf", size: 10, evidenceId: null, url: `/api/inbound-mail/${mail!.id}/attachments/1` },
    ]);
    expect(list[0]).toMatchObject({ attachmentsAwaitingReview: true, senderAuth: null });
  });
});

describe("messages.sendClaimMessage", () => {
  it("queues the message in the outbox with a claim event, threaded under the customer's mail", async () => {
    const claim = await createEvidenceTestClaim(database.db, { store: "kinetic", reason: "quality_defect", reportedAt: now });
    await database.db.insert(messages).values({
      claimId: claim.id, storeId: "kinetic", direction: "inbound", fromAddress: claim.customerEmail, toAddress: "support@kinetic.example",
      subject: "It stopped working", body: "The motor makes a noise.", status: "received", messageId: `<in-${claim.id}@mail.example>`,
      createdAt: new Date(now.getTime() - 3_600_000),
    });
    const draft = await c.agent.messages.draftClaimMessage({ number: claim.number, key: "evidence_request" });
    const res = await c.agent.messages.sendClaimMessage({ number: claim.number, version: 1, templateKey: "evidence_request", subject: draft.subject, body: `${draft.body}\nPS: thanks!` });
    expect(res).toMatchObject({ number: claim.number, version: 2 });

    const conversation = await c.agent.messages.listClaimMessages({ number: claim.number });
    expect(conversation.delivery).toBe("outbox_only");
    expect(conversation.messages.map((m) => [m.direction, m.status])).toEqual([["inbound", "received"], ["outbound", "outbox"]]);
    expect(conversation.messages[1]).toMatchObject({ id: res.messageId, subject: draft.subject, toAddress: claim.customerEmail, createdByName: "Alex Agent", attempts: 0 });
    expect(conversation.messages[1]!.body).toContain("PS: thanks!");
    const [row] = await database.db.select().from(messages).where(eq(messages.id, res.messageId));
    expect(row!.inReplyTo).toBe(`<in-${claim.id}@mail.example>`);

    const events = await eventsOf(claim.id);
    expect(events.at(-1)).toMatchObject({ type: "message_queued", claimVersion: 2, actorId: c.users.agent.id, data: { messageId: res.messageId, templateKey: "evidence_request" } });
  });

  it("is for the claim's store only, checks the version and refuses unfilled placeholders", async () => {
    const foreign = await createEvidenceTestClaim(database.db, { store: "chipyard", reason: "quality_defect", reportedAt: now });
    const send = { version: 1, templateKey: null, subject: "Hello", body: "Free text" };
    await expect(c.agent.messages.sendClaimMessage({ number: foreign.number, ...send })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.agent.messages.listClaimMessages({ number: foreign.number })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.agent.messages.draftClaimMessage({ number: foreign.number, key: "rma_approved" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.anonymous.messages.listClaimMessages({ number: foreign.number })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await database.db.select().from(messages).where(eq(messages.claimId, foreign.id))).toEqual([]);

    const own = await createEvidenceTestClaim(database.db, { store: "atelier", reason: "wrong_item", reportedAt: now });
    await expect(c.agent.messages.sendClaimMessage({ number: own.number, ...send, version: 7 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(c.agent.messages.sendClaimMessage({ number: own.number, ...send, body: "Hi {{customerName}}" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("still contains a {{placeholder}}"),
    });
  });
});

describe("templates (admin editor)", () => {
  it("names an unknown placeholder as a field error and saves nothing", async () => {
    const save = c.admin.templates.saveTemplate({ storeId: "everyday", key: "rma_approved", subject: "RMA {{rmaNumber}}", body: "Ship by {{shipBy}} with {{carier}}" });
    await expect(save).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Unknown placeholder {{carier}}") });
    expect((await c.admin.templates.getTemplate({ storeId: "everyday", key: "rma_approved" })).overridden).toBe(false);
  });

  it("audits every save and reset, and is admin only", async () => {
    const tpl = await c.admin.templates.getTemplate({ storeId: "atelier", key: "refund_issued" });
    expect(tpl).toMatchObject({ overridden: false, placeholders: expect.arrayContaining(["refundAmount", "refundReference"]) });
    expect(tpl.sample.refundAmount).toBe("$49.90");

    await c.admin.templates.saveTemplate({ storeId: "atelier", key: "refund_issued", subject: "Refund {{refundReference}}", body: "{{refundAmount}} is on its way." });
    expect(await c.admin.templates.listTemplateOverrides()).toContainEqual(expect.objectContaining({ storeId: "atelier", key: "refund_issued", updatedByName: expect.any(String) }));
    const reset = await c.admin.templates.resetTemplate({ storeId: "atelier", key: "refund_issued" });
    expect(reset.changed).toBe(true);
    expect((await c.admin.templates.resetTemplate({ storeId: "atelier", key: "refund_issued" })).changed).toBe(false);

    const audit = await database.db.select().from(adminAuditEvents).where(eq(adminAuditEvents.targetId, "atelier/refund_issued")).orderBy(asc(adminAuditEvents.id));
    expect(audit.map((a) => a.action)).toEqual(["template_saved", "template_reset"]);
    expect(audit[0]).toMatchObject({ actorId: c.users.admin.id, targetType: "template", data: { after: { subject: "Refund {{refundReference}}" } } });
    expect(audit[1]!.data).toMatchObject({ before: { body: "{{refundAmount}} is on its way." } });

    await expect(c.agent.templates.getTemplate({ storeId: "atelier", key: "refund_issued" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(c.supervisor.templates.saveTemplate({ storeId: "atelier", key: "refund_issued", subject: "x", body: "y" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(c.admin.templates.getTemplate({ storeId: "nowhere", key: "refund_issued" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
