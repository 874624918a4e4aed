import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { claimEvents, claimLines, claims, evidenceItems } from "../db/schema/index.ts";
import { openTestDatabase } from "../test/database.ts";
import { createIntakeTestOrder } from "./claim-intake-fixtures.ts";
import { openClaim } from "./claim-intake.ts";

const now = new Date("2026-03-10T12:00:00Z");
const delivered = new Date("2026-03-06T12:00:00Z");
const system = { id: null, storeIds: ["kinetic"] } as const;
let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const claimsOfOrder = (orderId: number) => database.db.select().from(claims).where(eq(claims.orderId, orderId));
const issuesOf = async (call: Promise<unknown>) => {
  const error = (await call.then(() => null, (e: unknown) => e)) as { code: string; cause?: { issues?: { path: (string | number)[]; message: string }[] } };
  expect(error?.code).toBe("BAD_REQUEST");
  return Object.fromEntries((error.cause?.issues ?? []).map((i) => [i.path.join("."), i.message]));
};

describe("openClaim", () => {
  it("opens a judged claim with its lines, evidence and one claim_opened event", async () => {
    const order = await createIntakeTestOrder(database.db, { store: "kinetic", deliveredAt: delivered });
    const opened = await openClaim(
      database.db,
      {
        storeId: "kinetic", orderId: order.id, reason: "quality_defect", source: "api", description: "Left earcup crackles.",
        lines: [{ orderLineId: order.lineIds["SKU-A"]!, quantity: 1, note: "left one" }],
        evidence: [{ kind: "invoice_number", note: "INV-77" }],
      },
      system,
      now,
    );
    expect(opened.number).toBe(`CLM-${String(opened.id).padStart(6, "0")}`);
    const [claim] = await database.db.select().from(claims).where(eq(claims.id, opened.id));
    expect(claim).toMatchObject({ status: "new", source: "api", reason: "quality_defect", summary: "Left earcup crackles.", version: 1, reportedAt: now });
    expect(claim!.eligibility).not.toBeNull();
    expect(claim!.policyVersionId).not.toBeNull();
    expect(claim!.deadlines.length).toBeGreaterThan(0);
    expect(claim!.searchText).toContain(order.number.toLowerCase());
    expect(claim!.searchText).toContain(order.email);
    expect(await database.db.select({ q: claimLines.quantity }).from(claimLines).where(eq(claimLines.claimId, opened.id))).toEqual([{ q: 1 }]);
    expect(await database.db.select({ kind: evidenceItems.kind }).from(evidenceItems).where(eq(evidenceItems.claimId, opened.id))).toEqual([{ kind: "invoice_number" }]);
    const events = await database.db.select().from(claimEvents).where(eq(claimEvents.claimId, opened.id)).orderBy(asc(claimEvents.seq));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ seq: 1, type: "claim_opened", claimVersion: 1, actorId: null, data: { reason: "quality_defect", channel: "api" } });
  });

  it("caps quantities at bought minus what open claims hold, and frees them when a claim closes", async () => {
    const order = await createIntakeTestOrder(database.db, { store: "kinetic", deliveredAt: delivered });
    const a = order.lineIds["SKU-A"]!;
    const first = await openClaim(database.db, { storeId: "kinetic", orderId: order.id, reason: "quality_defect", source: "agent", lines: [{ orderLineId: a, quantity: 1 }] }, system, now);
    const over = openClaim(database.db, { storeId: "kinetic", orderId: order.id, reason: "quality_defect", source: "agent", lines: [{ orderLineId: a, quantity: 2 }] }, system, now);
    expect(await issuesOf(over)).toEqual({ "lines.0.quantity": "SKU-A: at most 1 (2 bought, 1 already on open claims)." });
    await openClaim(database.db, { storeId: "kinetic", orderId: order.id, reason: "quality_defect", source: "agent", lines: [{ orderLineId: a, quantity: 1 }] }, system, now);
    const none = openClaim(database.db, { storeId: "kinetic", orderId: order.id, reason: "quality_defect", source: "agent", lines: [{ orderLineId: a, quantity: 1 }] }, system, now);
    expect(await issuesOf(none)).toEqual({ "lines.0.quantity": "SKU-A: nothing left to claim (2 bought, 2 already on open claims)." });
    await database.db.update(claims).set({ status: "cancelled" }).where(eq(claims.id, first.id));
    await expect(openClaim(database.db, { storeId: "kinetic", orderId: order.id, reason: "quality_defect", source: "agent", lines: [{ orderLineId: a, quantity: 1 }] }, system, now)).resolves.toBeTruthy();
  });

  it("lets only one of two simultaneous claims take the last unit (the order row is locked)", async () => {
    const order = await createIntakeTestOrder(database.db, { store: "kinetic", deliveredAt: delivered, lines: [{ sku: "LAST-1", quantity: 1 }] });
    const input = { storeId: "kinetic", orderId: order.id, reason: "quality_defect" as const, source: "api" as const, lines: [{ orderLineId: order.lineIds["LAST-1"]!, quantity: 1 }] };
    const results = await Promise.allSettled([openClaim(database.db, input, system, now), openClaim(database.db, input, system, now)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason as { code: string }).code).toBe("BAD_REQUEST");
    expect(await claimsOfOrder(order.id)).toHaveLength(1);
  });

  it("refuses foreign lines, unknown reasons and future dates, naming each field, and writes nothing", async () => {
    const order = await createIntakeTestOrder(database.db, { store: "kinetic", deliveredAt: delivered });
    const other = await createIntakeTestOrder(database.db, { store: "kinetic", deliveredAt: delivered });
    const bad = openClaim(
      database.db,
      {
        storeId: "kinetic", orderId: order.id, reason: "wrong_item", source: "agent", reportedAt: new Date(now.getTime() + 86_400_000),
        lines: [{ orderLineId: order.lineIds["SKU-A"]!, quantity: 1 }, { orderLineId: other.lineIds["SKU-A"]!, quantity: 1 }],
      },
      system,
      now,
    );
    expect(Object.keys(await issuesOf(bad)).sort()).toEqual(["lines.1.orderLineId", "reason", "reportedAt"]);
    const schema = openClaim(database.db, { storeId: "kinetic", orderId: order.id, reason: "quality_defect", source: "agent", lines: [] }, system, now);
    expect(Object.keys(await issuesOf(schema))).toEqual(["lines"]);
    expect(await claimsOfOrder(order.id)).toEqual([]);
  });

  it("answers NOT_FOUND for another store's order, whoever asks", async () => {
    const order = await createIntakeTestOrder(database.db, { store: "chipyard", deliveredAt: delivered });
    const input = { storeId: "chipyard", orderId: order.id, reason: "quality_defect" as const, source: "api" as const, lines: [{ orderLineId: order.lineIds["SKU-A"]!, quantity: 1 }] };
    await expect(openClaim(database.db, input, system, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openClaim(database.db, { ...input, storeId: "kinetic" }, system, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await claimsOfOrder(order.id)).toEqual([]);
  });

  it("rolls the claim back when a later write fails (evidence recorded by a user that does not exist)", async () => {
    const order = await createIntakeTestOrder(database.db, { store: "kinetic", deliveredAt: delivered });
    const input = { storeId: "kinetic", orderId: order.id, reason: "quality_defect" as const, source: "api" as const, lines: [{ orderLineId: order.lineIds["SKU-A"]!, quantity: 1 }], evidence: [{ kind: "invoice_number" as const, note: "INV-1" }] };
    // The claim and its lines are inserted before the evidence row trips the users foreign key.
    await expect(openClaim(database.db, input, { id: 2_000_000_000, storeIds: null }, now)).rejects.toThrow();
    expect(await claimsOfOrder(order.id)).toEqual([]);
    await expect(openClaim(database.db, input, system, now)).resolves.toMatchObject({ version: 1 });
  });
});
