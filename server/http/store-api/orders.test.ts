import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/client.ts";
import { openTestDatabase } from "../../test/database.ts";
import { apiClient, newApiKey, sampleOrder, uniqueKey } from "./test-kit.ts";

let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let kinetic: ReturnType<typeof apiClient>;
let layerworks: ReturnType<typeof apiClient>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, sessionTtlHours: 1, cookieSecure: false });
  kinetic = apiClient(app, (await newApiKey(database, "kinetic")).key);
  layerworks = apiClient(app, (await newApiKey(database, "layerworks")).key);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const count = async (q: string) => Number(((await database.db.execute(sql.raw(q))).rows[0] as { n: number }).n);

describe("store API: orders", () => {
  it("refuses requests without a valid key with 401 and no data", async () => {
    const none = await app.inject({ url: "/api/v1/orders/X-1" });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ error: "unauthorized" });
    const bad = await app.inject({ url: "/api/v1/orders/X-1", headers: { authorization: "Bearer cdk_live_0000000000_" + "a".repeat(43) } });
    expect(bad.statusCode).toBe(401);
    // A session cookie is not a way in: the API reads bearer keys only.
    const cookie = await app.inject({ url: "/api/v1/orders/X-1", cookies: { claimdesk_session: "whatever" } });
    expect(cookie.statusCode).toBe(401);
  });

  it("creates an order with its customer and lines, then updates it in place", async () => {
    const first = await kinetic.put("/orders/API-1001", sampleOrder());
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ created: true, order: { number: "API-1001", totalCents: 12999 + 2 * 999, customer: { name: "Ada Lovelace" }, lines: [{ sku: "KB-100" }, { sku: "CB-2" }] } });

    const second = await kinetic.put("/orders/API-1001", sampleOrder({ customer: { email: "ada.lovelace@example.test", name: "Ada King" }, lines: [{ sku: "KB-100", name: "Mechanical keyboard", unitPriceCents: 11999, quantity: 1 }] }));
    expect(second.statusCode).toBe(200);
    expect(second.json().order).toMatchObject({ totalCents: 11999, customer: { name: "Ada King" }, lines: [{ sku: "KB-100", unitPriceCents: 11999 }] });
    expect(second.json().order.lines).toHaveLength(1);
    // Same customer (e-mail case-insensitive), one order.
    expect(await count(`select count(*)::int n from customers where store_id = 'kinetic' and lower(email) = 'ada.lovelace@example.test'`)).toBe(1);
    expect(await count(`select count(*)::int n from orders where store_id = 'kinetic' and number = 'API-1001'`)).toBe(1);

    const read = await kinetic.get("/orders/API-1001");
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ number: "API-1001", totalCents: 11999 });
  });

  it("scopes everything to the key's store: another store's order is a 404", async () => {
    await kinetic.put("/orders/API-2002", sampleOrder());
    const other = await layerworks.get("/orders/API-2002");
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ error: "not_found" });
    // The same number in another store is that store's own order.
    expect((await layerworks.put("/orders/API-2002", sampleOrder())).statusCode).toBe(201);
    expect(await count(`select count(*)::int n from orders where number = 'API-2002'`)).toBe(2);
  });

  it("names every bad field in a 422", async () => {
    const res = await kinetic.put("/orders/API-3003", sampleOrder({ placedAt: "yesterday", customer: { email: "nope", name: "" }, lines: [{ sku: "A", name: "A", unitPriceCents: 12.5, quantity: 0 }, { sku: "A", name: "B", unitPriceCents: 1, quantity: 1 }] }));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error).toBe("validation_failed");
    expect(Object.keys(body.fields).sort()).toEqual(["customer.email", "customer.name", "lines.0.quantity", "lines.0.unitPriceCents", "placedAt"]);
    expect(body.fields["lines.0.quantity"]).toEqual(["Quantity is at least 1."]);
    const badNumber = await kinetic.put("/orders/has%20space", sampleOrder());
    expect(badNumber.statusCode).toBe(422);
    expect(Object.keys(badNumber.json().fields)).toEqual(["path.number"]);
    const duplicate = await kinetic.put("/orders/API-3003", sampleOrder({ lines: [sampleOrder().lines[0], sampleOrder().lines[0]] }));
    expect(duplicate.json().fields).toEqual({ "lines.1.sku": ["SKU KB-100 is already line 0; one line per SKU."] });
    const malformed = await app.inject({ method: "PUT", url: "/api/v1/orders/API-3003", headers: { ...kinetic.auth, "content-type": "application/json", "idempotency-key": uniqueKey() }, payload: "{" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: "bad_request" });
  });

  it("requires an Idempotency-Key on writes, replays a retry and refuses a reused key with another body", async () => {
    const missing = await kinetic.put("/orders/API-4004", sampleOrder(), null);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: "idempotency_key_required" });

    const key = uniqueKey("order");
    const first = await kinetic.put("/orders/API-4004", sampleOrder(), key);
    const retry = await kinetic.put("/orders/API-4004", sampleOrder(), key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json()).toEqual(first.json());

    const changed = await kinetic.put("/orders/API-4004", sampleOrder({ currency: "EUR" }), key);
    expect(changed.statusCode).toBe(422);
    expect(changed.json()).toMatchObject({ error: "idempotency_mismatch", fields: { "header.Idempotency-Key": expect.any(Array) } });
  });

  it("keeps a claimed line: replacing it is a 409 naming the line, and nothing changes", async () => {
    await kinetic.put("/orders/API-5005", sampleOrder());
    // A claim on the cable line, recorded directly: the guard is about any claim, however it arrived.
    const [line] = (await database.db.execute(sql`select ol.id, o.id as order_id, o.customer_id from order_lines ol join orders o on o.id = ol.order_id where o.number = 'API-5005' and ol.sku = 'CB-2'`)).rows as { id: number; order_id: number; customer_id: number }[];
    const claim = (await database.db.execute(sql`insert into claims (number, store_id, order_id, customer_id, reason, reported_at, search_text) values ('CLM-990001', 'kinetic', ${line!.order_id}, ${line!.customer_id}, 'quality_defect', now(), 'clm-990001') returning id`)).rows[0] as { id: number };
    await database.db.execute(sql`insert into claim_lines (claim_id, order_line_id, quantity) values (${claim.id}, ${line!.id}, 1)`);

    const res = await kinetic.put("/orders/API-5005", sampleOrder({ lines: [{ sku: "KB-100", name: "Mechanical keyboard", unitPriceCents: 12999, quantity: 1, electronic: true }] }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: "line_claimed", message: expect.stringContaining("CB-2") });
    expect((await kinetic.get("/orders/API-5005")).json().lines).toHaveLength(2);
    // Unchanged claimed lines may stay while others change.
    const ok = await kinetic.put("/orders/API-5005", sampleOrder({ lines: [sampleOrder().lines[1], { sku: "NEW-1", name: "Wrist rest", unitPriceCents: 2500, quantity: 1 }] }));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().order.lines.map((l: { sku: string }) => l.sku).sort()).toEqual(["CB-2", "NEW-1"]);
  });

  it("answers 429 with Retry-After once a key passes its per-minute limit", async () => {
    const slow = apiClient(app, (await newApiKey(database, "atelier", 3)).key);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await slow.get("/orders/NONE-1")).statusCode);
    expect(codes).toEqual([404, 404, 404, 429]);
    const limited = await slow.get("/orders/NONE-1");
    expect(limited.json()).toMatchObject({ error: "rate_limited" });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // Other keys keep their own budget.
    expect((await kinetic.get("/orders/NONE-1")).statusCode).toBe(404);
  });

  it("counts a key's requests once across two server processes on one database", async () => {
    const second = await buildApp({ database, sessionTtlHours: 1, cookieSecure: false });
    try {
      const { key } = await newApiKey(database, "atelier", 4);
      const codes = [];
      for (let i = 0; i < 6; i++) codes.push((await apiClient(i % 2 === 0 ? app : second, key).get("/orders/NONE-2")).statusCode);
      expect(codes).toEqual([404, 404, 404, 404, 429, 429]);
    } finally {
      await second.close();
    }
  });
});
