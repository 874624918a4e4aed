import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../auth/sessions.ts";
import type { Database } from "../db/client.ts";
import { callersFor } from "../test/callers.ts";
import { openTestDatabase } from "../test/database.ts";
import { enrolTotpDirectly } from "../test/two-factor.ts";
import { exportsTestApp } from "./exports-test-kit.ts";

let database: Database;
let t: Awaited<ReturnType<typeof exportsTestApp>>;
let c: Awaited<ReturnType<typeof callersFor>>;
beforeAll(async () => {
  database = await openTestDatabase();
  c = await callersFor(database.db);
  t = await exportsTestApp(database, c.users);
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const download = (path: string, token: string) => t.app.inject({ url: path, cookies: { cd_session: token } });

describe("GET /api/exports: second factor", () => {
  it("refuses refunds and audit events to a supervisor without TOTP, saying what to do, and still serves claims", async () => {
    await database.db.execute(`update users set totp_enabled_at = null, totp_secret = null where id = ${c.users.supervisor.id}`);
    const { token } = await createSession(database.db, { userId: c.users.supervisor.id, ttlHours: 1, now: new Date() });
    const refunds = await download("/api/exports/refunds.csv", token);
    expect(refunds.statusCode).toBe(403);
    expect(refunds.json()).toEqual({ error: "Set up two-factor authentication in Account to export refunds.", reason: "second_factor_required" });
    expect((await download("/api/exports/audit_events.csv", token)).json()).toMatchObject({ reason: "second_factor_required" });
    expect((await download("/api/exports/claims.csv", token)).statusCode).toBe(200);
  });

  it("answers 401 to a session still waiting for its code, and serves a checked one", async () => {
    await enrolTotpDirectly(database.db, c.users.supervisor.id, new Date(Date.now() - 60_000));
    const { token } = await createSession(database.db, { userId: c.users.supervisor.id, ttlHours: 1, now: new Date() });
    expect((await download("/api/exports/refunds.csv", token)).statusCode).toBe(401);
    expect((await download("/api/exports/claims.csv", token)).statusCode).toBe(401);
    const checked = await createSession(database.db, { userId: c.users.supervisor.id, ttlHours: 1, now: new Date(), secondFactorAt: new Date() });
    const ok = await download("/api/exports/refunds.csv", checked.token);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers["content-type"]).toMatch(/^text\/csv/);
  });
});
