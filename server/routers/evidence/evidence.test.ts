import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { claimEvents, claims, messages } from "../../db/schema/index.ts";
import { callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";
import { createEvidenceTestClaim } from "./test-claim.ts";

const now = new Date("2026-03-10T12:00:00Z"); // a Tuesday
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;

beforeAll(async () => {
  database = await openTestDatabase();
  c = await callersFor(database.db, now);
});
afterAll(() => database.close());

const kineticDefect = () => createEvidenceTestClaim(database.db, { store: "kinetic", reason: "quality_defect", reportedAt: now });
const claimRow = async (id: number) => (await database.db.select().from(claims).where(eq(claims.id, id)))[0]!;
const eventsOf = (id: number) => database.db.select().from(claimEvents).where(eq(claimEvents.claimId, id)).orderBy(asc(claimEvents.seq));

describe("evidence.addEvidenceItem", () => {
  it("records a serial number without a file, with its event, and the engine counts it", async () => {
    const claim = await createEvidenceTestClaim(database.db, { store: "layerworks", reason: "warranty", reportedAt: now });
    const before = await c.agent.claims.evaluateClaim({ number: claim.number });
    expect(before.decision.evidence.find((e) => e.kind === "serial_number")).toMatchObject({ required: 1, provided: 0 });

    const res = await c.agent.evidence.addEvidenceItem({ number: claim.number, version: 1, kind: "serial_number", note: "SN-482913" });
    expect(res).toMatchObject({ number: claim.number, version: 2, offerEvidenceReceived: false });

    const list = await c.agent.evidence.listEvidence({ number: claim.number });
    expect(list.items).toEqual([
      expect.objectContaining({ id: res.id, kind: "serial_number", note: "SN-482913", fileName: null, url: null, createdByName: "Alex Agent" }),
    ]);
    const after = await c.agent.claims.evaluateClaim({ number: claim.number });
    expect(after.decision.evidence.find((e) => e.kind === "serial_number")).toMatchObject({ required: 1, provided: 1 });
    const events = await eventsOf(claim.id);
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    expect(events[1]).toMatchObject({ type: "evidence_added", actorId: c.users.agent.id, claimVersion: 2, data: { evidenceId: res.id, kind: "serial_number" } });
  });

  it("refuses a photo without a file and an empty number, naming the field", async () => {
    const claim = await kineticDefect();
    const photo = c.agent.evidence.addEvidenceItem({ number: claim.number, version: 1, kind: "photo", note: "see mail" });
    await expect(photo).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // The cause is the zod error the formatter flattens per field: the form shows it beside "Kind".
    await expect(photo).rejects.toSatisfy((e: { cause?: { issues?: { path: string[]; message: string }[] } }) =>
      e.cause?.issues?.some((i) => i.path.join(".") === "kind" && /can be recorded without a file/.test(i.message)) === true,
    );
    await expect(c.agent.evidence.addEvidenceItem({ number: claim.number, version: 1, kind: "invoice_number", note: " " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await claimRow(claim.id)).version).toBe(1);
  });

  it("answers CONFLICT on a stale version and NOT_FOUND outside the caller's stores", async () => {
    const claim = await kineticDefect();
    await c.agent.evidence.addEvidenceItem({ number: claim.number, version: 1, kind: "invoice_number", note: "INV-1" });
    await expect(c.agent.evidence.addEvidenceItem({ number: claim.number, version: 1, kind: "invoice_number", note: "INV-2" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const other = await createEvidenceTestClaim(database.db, { store: "everyday", reason: "change_of_mind", reportedAt: now });
    await expect(c.agent.evidence.listEvidence({ number: other.number })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.agent.evidence.addEvidenceItem({ number: other.number, version: 1, kind: "invoice_number", note: "INV-3" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(c.anonymous.evidence.listEvidence({ number: claim.number })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses evidence on a closed claim", async () => {
    const claim = await createEvidenceTestClaim(database.db, { store: "kinetic", reason: "quality_defect", reportedAt: now, status: "closed" });
    await expect(c.agent.evidence.addEvidenceItem({ number: claim.number, version: 1, kind: "invoice_number", note: "INV-9" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/closed; reopen it/),
    });
  });
});

describe("evidence.requestEvidence", () => {
  it("previews exactly what the policy still needs, with the clause", async () => {
    const claim = await kineticDefect();
    const preview = await c.agent.evidence.previewEvidenceRequest({ number: claim.number, note: "A short clip is enough." });
    expect(preview.missing).toEqual([{ kind: "connection_video", label: "Connection video", required: 1, provided: 0, missing: 1, clause: "K2" }]);
    expect(preview).toMatchObject({ from: "support@kinetic.example", to: claim.customerEmail });
    expect(preview.body).toContain("a video showing how the product is connected and the software settings (policy clause K2)");
    expect(preview.body).toContain("A short clip is enough.");
    expect(preview.body).toContain("Alex Agent");
    expect(preview.body).not.toMatch(/\{\{|\n\n\n/);
    // Nothing was written by looking.
    expect((await claimRow(claim.id)).version).toBe(1);
  });

  it("queues the message and moves the claim to awaiting evidence in one change", async () => {
    const claim = await kineticDefect();
    const res = await c.agent.evidence.requestEvidence({ number: claim.number, version: 1 });
    expect(res).toMatchObject({ status: "awaiting_evidence", version: 2 });

    const row = await claimRow(claim.id);
    expect(row).toMatchObject({ status: "awaiting_evidence", version: 2, pausedAt: now });
    const [message] = await database.db.select().from(messages).where(eq(messages.claimId, claim.id));
    expect(message).toMatchObject({
      direction: "outbound", status: "outbox", templateKey: "evidence_request", storeId: "kinetic",
      fromAddress: "support@kinetic.example", toAddress: claim.customerEmail, createdById: c.users.agent.id,
    });
    expect(message!.messageId).toMatch(/^<[0-9a-f-]{36}@kinetic\.claimdesk\.example>$/);
    expect(message!.subject).toContain(claim.number);
    expect(message!.body).toContain("connected and the software settings (policy clause K2)");

    const events = await eventsOf(claim.id);
    expect(events.map((e) => [e.seq, e.type])).toEqual([[1, "claim_opened"], [2, "status_changed"], [3, "evidence_requested"]]);
    expect(events[1]!.data).toMatchObject({ action: "request_evidence", from: "in_review", to: "awaiting_evidence" });
    expect(events[2]!.data).toMatchObject({ requested: [{ kind: "connection_video", missing: 1, clause: "K2" }], clauses: ["K2"], messageId: message!.id });

    const { messages: conversation } = await c.agent.messages.listClaimMessages({ number: claim.number });
    expect(conversation).toEqual([expect.objectContaining({ id: message!.id, direction: "outbound", status: "outbox" })]);
  });

  it("refuses when nothing is missing, and from a state that cannot wait for evidence", async () => {
    const complete = await createEvidenceTestClaim(database.db, { store: "kinetic", reason: "quality_defect", reportedAt: now, evidence: ["connection_video"] });
    await expect(c.agent.evidence.requestEvidence({ number: complete.number, version: 1 })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/nothing to request/),
    });
    const waiting = await createEvidenceTestClaim(database.db, { store: "kinetic", reason: "quality_defect", reportedAt: now, status: "awaiting_return" });
    await expect(c.agent.evidence.requestEvidence({ number: waiting.number, version: 1 })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await database.db.select().from(messages).where(eq(messages.claimId, waiting.id))).toEqual([]);
  });

  it("uses the store's own template and lists every missing kind with counts (chipyard C7)", async () => {
    const claim = await createEvidenceTestClaim(database.db, { store: "chipyard", reason: "quality_defect", reportedAt: now, evidence: ["photo"] });
    const preview = await c.supervisor.evidence.previewEvidenceRequest({ number: claim.number });
    expect(preview.missing.map((m) => [m.kind, m.missing, m.clause])).toEqual([["video", 3, "C7"], ["photo", 9, "C7"], ["fault_statement", 1, "C7"]]);
    expect(preview.subject).toBe(`[${claim.number}] Information needed for your return request`);
    expect(preview.body).toContain("- 3 videos of the product showing the problem (policy clause C7)");
    expect(preview.body).toContain("- 9 photos of the product showing the problem (policy clause C7)");
    expect(preview.body).toContain("RMA number");
  });

  it("offers 'Evidence received' when the customer's answer arrives, without moving the claim", async () => {
    const claim = await kineticDefect();
    await c.agent.evidence.requestEvidence({ number: claim.number, version: 1 });
    expect((await c.agent.evidence.listEvidence({ number: claim.number })).awaiting).toMatchObject({ newItems: 0 });
    const later = new Date(now.getTime() + 3_600_000);
    const { callerFor } = await import("../../test/callers.ts");
    const res = await callerFor(database.db, c.users.agent, later).evidence.addEvidenceItem({
      number: claim.number, version: 2, kind: "fault_statement", note: "The motor stalls after ten seconds.",
    });
    expect(res.offerEvidenceReceived).toBe(true);
    const list = await c.agent.evidence.listEvidence({ number: claim.number });
    expect(list.status).toBe("awaiting_evidence");
    expect(list.awaiting).toMatchObject({ newItems: 1 });
  });
});
