import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { authenticateApiKey, hashApiKey } from "../../services/api-keys.ts";
import { callerFor, callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";

const now = new Date("2026-11-20T15:00:00Z");
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;
let admin: ReturnType<typeof callerFor>;

beforeAll(async () => {
  database = await openTestDatabase();
  c = await callersFor(database.db, now);
  // Admin changes need a session confirmed with the second factor.
  admin = callerFor(database.db, { ...c.users.admin, secondFactor: { enrolled: true, verified: true } } as typeof c.users.admin, now);
});
afterAll(() => database.close());

describe("API keys", () => {
  it("creates a key shown once, stores only its SHA-256, and audits it", async () => {
    const created = await admin.apiKeys.createApiKey({ storeId: "kinetic", name: "Shopify sync", rateLimitPerMinute: 60 });
    expect(created.key).toMatch(/^cdk_live_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(`cdk_live_${created.prefix}_`)).toBe(true);

    const { rows } = await database.db.execute(sql`select * from api_keys where id = ${created.id}`);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(created.key.split("_").at(-1));
    expect(rows[0]).toMatchObject({ key_hash: hashApiKey(created.key), store_id: "kinetic", rate_limit_per_minute: 60 });

    const list = await admin.apiKeys.listApiKeys();
    expect(list.find((k) => k.id === created.id)).toMatchObject({ name: "Shopify sync", prefix: created.prefix, storeName: expect.any(String), revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(created.key);

    const audit = await admin.users.listAdminAuditEvents({ filters: { targetType: "api_key" } });
    expect(audit.rows.some((e) => e.action === "api_key_created" && e.targetId === String(created.id))).toBe(true);
  });

  it("a revoked key no longer authenticates; revoking twice is refused", async () => {
    const created = await admin.apiKeys.createApiKey({ storeId: "layerworks", name: "ERP" });
    expect(await authenticateApiKey(database.db, created.key, now)).toMatchObject({ id: created.id, storeId: "layerworks", rateLimitPerMinute: 120 });
    await admin.apiKeys.revokeApiKey({ id: created.id });
    expect(await authenticateApiKey(database.db, created.key, now)).toBeNull();
    await expect(admin.apiKeys.revokeApiKey({ id: created.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const [row] = (await admin.apiKeys.listApiKeys()).filter((k) => k.id === created.id);
    expect(row!.revokedAt).toEqual(now);
    const audit = await admin.users.listAdminAuditEvents({ filters: { targetType: "api_key" } });
    expect(audit.rows.some((e) => e.action === "api_key_revoked" && e.targetId === String(created.id))).toBe(true);
  });

  it("is for admins only, and admin changes need the second factor", async () => {
    for (const who of [c.agent, c.supervisor]) {
      await expect(who.apiKeys.listApiKeys()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(who.apiKeys.createApiKey({ storeId: "kinetic", name: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(c.anonymous.apiKeys.listApiKeys()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const noTotp = callerFor(database.db, { ...c.users.admin, secondFactor: { enrolled: false, verified: false } } as typeof c.users.admin, now);
    await expect(noTotp.apiKeys.createApiKey({ storeId: "kinetic", name: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(noTotp.apiKeys.listApiKeys()).resolves.toBeInstanceOf(Array);
  });

  it("names the bad field and refuses unknown stores", async () => {
    await expect(admin.apiKeys.createApiKey({ storeId: "kinetic", name: " " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.apiKeys.createApiKey({ storeId: "nowhere", name: "x" })).rejects.toThrow(/no store called nowhere/);
  });
});
