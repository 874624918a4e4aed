import { mkdtempSync, readdirSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/client.ts";
import { openTestDatabase } from "../../test/database.ts";
import { makePdf, makePng } from "../test-files.ts";
import { apiClient, newApiKey, sampleOrder, uniqueKey } from "./test-kit.ts";

let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let kinetic: ReturnType<typeof apiClient>;
let layerworks: ReturnType<typeof apiClient>;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "claimdesk-api-"));

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, sessionTtlHours: 1, cookieSecure: false, dataDir });
  kinetic = apiClient(app, (await newApiKey(database, "kinetic")).key);
  layerworks = apiClient(app, (await newApiKey(database, "layerworks")).key);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const storedFiles = () => (existsSync(path.join(dataDir, "uploads")) ? readdirSync(path.join(dataDir, "uploads"), { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && !d.parentPath.includes(".partial")) : []);
const claimsOf = async (orderNumber: string) =>
  (await database.db.execute(sql`select c.number, c.source from claims c join orders o on o.id = c.order_id where o.number = ${orderNumber} and o.store_id = 'kinetic'`)).rows as { number: string; source: string }[];

async function multipart(claim: unknown, files: { field: string; name: string; type: string; data: Buffer }[], idem = uniqueKey("claim")) {
  const form = new FormData();
  form.append("claim", typeof claim === "string" ? claim : JSON.stringify(claim));
  for (const f of files) form.append(f.field, new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
  const res = new Response(form);
  const payload = Buffer.from(await res.arrayBuffer());
  return app.inject({ method: "POST", url: "/api/v1/claims", headers: { ...kinetic.auth, "content-type": res.headers.get("content-type")!, "idempotency-key": idem }, payload });
}

const claimBody = (orderNumber: string, overrides: Record<string, unknown> = {}) => ({
  orderNumber,
  reason: "quality_defect",
  lines: [{ sku: "KB-100", quantity: 1 }],
  description: "Two keys stopped working after a week.",
  ...overrides,
});

describe("store API: claims", () => {
  it("opens a claim from JSON; it is the store's, marked as from the API, and readable by number", async () => {
    await kinetic.put("/orders/CLAIM-1", sampleOrder());
    const res = await kinetic.post("/claims", claimBody("CLAIM-1"));
    expect(res.statusCode).toBe(201);
    const claim = res.json();
    expect(claim).toMatchObject({ number: expect.stringMatching(/^CLM-\d{6}$/), status: "new", reason: "quality_defect", orderNumber: "CLAIM-1", source: "api", lines: [{ sku: "KB-100", quantity: 1 }] });
    expect((await kinetic.get(`/claims/${claim.number}`)).json()).toEqual(claim);
    // Another store's key cannot see it, nor open claims on this store's orders.
    expect((await layerworks.get(`/claims/${claim.number}`)).statusCode).toBe(404);
    const foreign = await layerworks.post("/claims", claimBody("CLAIM-1"));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ error: "order_not_found", fields: { orderNumber: expect.any(Array) } });
  });

  it("opens a claim with evidence files sent as multipart, checked by content", async () => {
    await kinetic.put("/orders/CLAIM-2", sampleOrder());
    const before = storedFiles().length;
    const res = await multipart(claimBody("CLAIM-2"), [
      { field: "photo", name: "keys.png", type: "image/png", data: makePng() },
      { field: "fault_statement", name: "statement.pdf", type: "application/pdf", data: makePdf() },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json().evidence).toEqual([{ kind: "photo", fileName: "keys.png" }, { kind: "fault_statement", fileName: "statement.pdf" }]);
    expect(storedFiles().length).toBe(before + 2);

    // A PDF named .png as a photo is refused by its content, and nothing is kept.
    const bad = await multipart(claimBody("CLAIM-2"), [{ field: "photo", name: "fake.png", type: "image/png", data: makePdf() }]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: "invalid_file", fields: { photo: expect.any(Array) } });
    const unknownPart = await multipart(claimBody("CLAIM-2"), [{ field: "selfie", name: "a.png", type: "image/png", data: makePng() }]);
    expect(unknownPart.json()).toMatchObject({ error: "validation_failed", fields: { selfie: expect.any(Array) } });
    expect(storedFiles().length).toBe(before + 2);
    expect(await claimsOf("CLAIM-2")).toHaveLength(1);
  });

  it("names the bad fields: schema, unknown SKU, quantity beyond what was bought", async () => {
    await kinetic.put("/orders/CLAIM-3", sampleOrder());
    const shape = await kinetic.post("/claims", { orderNumber: "CLAIM-3", reason: "bored", lines: [{ sku: "KB-100", quantity: 0 }] });
    expect(shape.statusCode).toBe(422);
    expect(Object.keys(shape.json().fields).sort()).toEqual(["lines.0.quantity", "reason"]);
    const sku = await kinetic.post("/claims", claimBody("CLAIM-3", { lines: [{ sku: "KB-100", quantity: 1 }, { sku: "NOPE", quantity: 1 }] }));
    expect(sku.json()).toEqual({ error: "validation_failed", message: expect.any(String), fields: { "lines.1.sku": ["SKU NOPE is not on order CLAIM-3."] } });
    const qty = await kinetic.post("/claims", claimBody("CLAIM-3", { lines: [{ sku: "CB-2", quantity: 3 }] }));
    expect(qty.statusCode).toBe(422);
    expect(qty.json().fields["lines.0.quantity"][0]).toMatch(/CB-2: at most 2/);
    const badJson = await multipart("{nope", []);
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().fields).toHaveProperty("claim");
    expect(await claimsOf("CLAIM-3")).toHaveLength(0);
  });

  it("replays a retried request instead of opening a second claim; a reused key with another body is a 422", async () => {
    await kinetic.put("/orders/CLAIM-4", sampleOrder());
    const key = uniqueKey("retry");
    const first = await multipart(claimBody("CLAIM-4"), [{ field: "photo", name: "a.png", type: "image/png", data: makePng() }], key);
    const files = storedFiles().length;
    const retry = await multipart(claimBody("CLAIM-4"), [{ field: "photo", name: "a.png", type: "image/png", data: makePng() }], key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json()).toEqual(first.json());
    expect(storedFiles().length).toBe(files);
    const other = await multipart(claimBody("CLAIM-4"), [{ field: "photo", name: "a.png", type: "image/png", data: makePng(16, 16) }], key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toBe("idempotency_mismatch");
    expect(await claimsOf("CLAIM-4")).toHaveLength(1);
  });

  it("concurrent duplicates open one claim, and every caller gets that claim", async () => {
    await kinetic.put("/orders/CLAIM-5", sampleOrder());
    const key = uniqueKey("race");
    const answers = await Promise.all(Array.from({ length: 6 }, () => kinetic.post("/claims", claimBody("CLAIM-5"), key)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(201));
    const numbers = new Set(answers.map((a) => a.json().number));
    expect(numbers.size).toBe(1);
    expect((await claimsOf("CLAIM-5")).map((c) => c.number)).toEqual([...numbers]);
  });
});
