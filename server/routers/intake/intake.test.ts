import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { claims } from "../../db/schema/index.ts";
import { createIntakeTestOrder } from "../../services/claim-intake-fixtures.ts";
import { callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";
import { fieldErrorsOf } from "../../test/field-errors.ts";

const now = new Date("2026-03-10T12:00:00Z");
const delivered = new Date("2026-03-06T12:00:00Z");
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;

beforeAll(async () => {
  database = await openTestDatabase();
  c = await callersFor(database.db, now);
});
afterAll(() => database.close());

describe("intake router", () => {
  it("finds orders by number or customer e-mail in the agent's stores only, with what is left to claim", async () => {
    const mine = await createIntakeTestOrder(database.db, { store: "layerworks", deliveredAt: delivered });
    const foreign = await createIntakeTestOrder(database.db, { store: "chipyard", deliveredAt: delivered });
    const [byNumber] = await c.agent.intake.findOrders({ query: mine.number.toLowerCase() });
    expect(byNumber).toMatchObject({ id: mine.id, storeId: "layerworks", customerEmail: mine.email });
    expect(byNumber!.lines.map((l) => [l.sku, l.quantity, l.claimable])).toEqual([["SKU-A", 2, 2], ["SKU-B", 1, 1]]);
    expect(byNumber!.reasons).toEqual(expect.arrayContaining(["warranty", "quality_defect"]));
    expect((await c.agent.intake.findOrders({ query: mine.email })).map((o) => o.id)).toEqual([mine.id]);
    expect(await c.agent.intake.findOrders({ query: foreign.number })).toEqual([]);
    expect((await c.admin.intake.findOrders({ query: foreign.number })).map((o) => o.id)).toEqual([foreign.id]);
    expect(await fieldErrorsOf(c.agent.intake.findOrders({ query: "x" }))).toHaveProperty("query");
  });

  it("previews the engine's verdict with missing evidence and deadlines, writing nothing", async () => {
    const order = await createIntakeTestOrder(database.db, { store: "layerworks", deliveredAt: delivered, lines: [{ sku: "MOTOR-17", quantity: 1, motor: true }] });
    const draft = { orderId: order.id, reason: "warranty" as const, lines: [{ orderLineId: order.lineIds["MOTOR-17"]!, quantity: 1 }] };
    const bare = await c.agent.intake.preview(draft);
    expect(bare.decision.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "serial_number", required: 1, provided: 0 })]));
    expect(bare.policyVersion).toBeGreaterThan(0);
    const withSerial = await c.agent.intake.preview({ ...draft, evidenceKinds: ["serial_number", "invoice_number", "photo"] });
    expect(withSerial.decision.evidence.every((e) => e.provided >= e.required)).toBe(true);
    expect(await database.db.select().from(claims).where(eq(claims.orderId, order.id))).toEqual([]);
  });

  it("opens a claim as the agent, with typed evidence, and names bad fields", async () => {
    const order = await createIntakeTestOrder(database.db, { store: "kinetic", deliveredAt: delivered });
    const line = order.lineIds["SKU-A"]!;
    expect(await fieldErrorsOf(c.agent.intake.openClaim({ orderId: order.id, reason: "quality_defect", lines: [{ orderLineId: line, quantity: 3 }] }))).toEqual({
      "lines.0.quantity": ["SKU-A: at most 2 (2 bought)."],
    });
    expect(await fieldErrorsOf(c.agent.intake.openClaim({ orderId: order.id, reason: "quality_defect", lines: [{ orderLineId: line, quantity: 1 }], evidence: [{ kind: "photo" as never, note: "x" }] }))).toHaveProperty("evidence.0.kind");
    const opened = await c.agent.intake.openClaim({ orderId: order.id, reason: "quality_defect", description: "Crackles", lines: [{ orderLineId: line, quantity: 2 }], evidence: [{ kind: "invoice_number", note: "INV-2231" }] });
    const detail = await c.agent.claims.getClaim({ number: opened.number });
    expect(detail).toMatchObject({ number: opened.number, status: "new" });
    const [row] = await database.db.select().from(claims).where(eq(claims.id, opened.id));
    expect(row).toMatchObject({ source: "agent", storeId: "kinetic" });
  });

  it("answers NOT_FOUND for an order outside the agent's stores", async () => {
    const foreign = await createIntakeTestOrder(database.db, { store: "chipyard", deliveredAt: delivered });
    const input = { orderId: foreign.id, reason: "quality_defect" as const, lines: [{ orderLineId: foreign.lineIds["SKU-A"]!, quantity: 1 }] };
    await expect(c.agent.intake.preview(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.agent.intake.openClaim(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.anonymous.intake.openClaim(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
