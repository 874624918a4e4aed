import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/client.ts";
import { claims } from "../../db/schema/index.ts";
import { evaluateStoredClaim } from "../../services/claim-evaluation.ts";
import { openTestDatabase } from "../../test/database.ts";
import { apiClient, newApiKey, sampleOrder } from "./test-kit.ts";

// Issue 14: facts the customer knows arrive with the claim from the shop: repair pauses with both tracking
// numbers (L9) and freight they advanced with its invoice (E4). The engine judges the claim on them at once.

let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let layerworks: ReturnType<typeof apiClient>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, sessionTtlHours: 1, cookieSecure: false, dataDir: mkdtempSync(path.join(os.tmpdir(), "claimdesk-facts-")) });
  layerworks = apiClient(app, (await newApiKey(database, "layerworks")).key);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const order = sampleOrder({ deliveredAt: "2026-01-10T10:00:00Z", shippedAt: "2026-01-08T10:00:00Z", placedAt: "2026-01-06T10:00:00Z", lines: [{ sku: "LW-PSU", name: "Power supply 24 V", unitPriceCents: 4900, quantity: 1 }] });
const pause = { leftOn: "2026-03-02", backOn: "2026-03-22", leftTracking: "1Z9990000001", backTracking: "1Z9990000002" };

describe("store API: customer facts", () => {
  it("stores the customer's repair pause and advanced freight; the warranty end includes the pause", async () => {
    await layerworks.put("/orders/FACTS-1", order);
    const res = await layerworks.post("/claims", {
      orderNumber: "FACTS-1", reason: "warranty", lines: [{ sku: "LW-PSU", quantity: 1 }],
      customerFacts: { repairPauses: [pause], advancedFreight: { amountCents: 1500, invoiceReference: "INV-77" } },
    });
    expect(res.statusCode).toBe(201);
    const [row] = await database.db.select({ id: claims.id, caseFacts: claims.caseFacts }).from(claims).where(eq(claims.number, res.json().number));
    expect(row!.caseFacts).toEqual({
      repairPauses: [{ leftAt: "2026-03-02T00:00:00.000Z", backAt: "2026-03-22T00:00:00.000Z", leftTracking: "1Z9990000001", backTracking: "1Z9990000002" }],
      customerAdvancedFreight: true, advancedFreightCents: 1500, notes: { advancedFreightInvoice: "INV-77" },
    });
    // 12 months from delivery plus the 20 days away for repair (X6, L9).
    expect((await evaluateStoredClaim(database.db, row!.id, new Date())).decision.warrantyEndsAt).toBe("2027-01-30T10:00:00.000Z");
  });

  it("names the bad field of a customer fact", async () => {
    await layerworks.put("/orders/FACTS-2", order);
    const res = await layerworks.post("/claims", { orderNumber: "FACTS-2", reason: "warranty", lines: [{ sku: "LW-PSU", quantity: 1 }], customerFacts: { repairPauses: [{ ...pause, backOn: "2026-02-01" }] } });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields).toHaveProperty(["customerFacts.repairPauses.0.backOn"]);
  });
});
