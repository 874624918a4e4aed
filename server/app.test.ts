import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.ts";
import { migrateDatabase, type Database } from "./db/client.ts";
import { openTestDatabase } from "./test/database.ts";

let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
const staticDir = mkdtempSync(path.join(os.tmpdir(), "claimdesk-spa-"));

beforeAll(async () => {
  database = await openTestDatabase();
  writeFileSync(path.join(staticDir, "index.html"), "<!doctype html><div id=root></div>");
  app = await buildApp({ database, sessionTtlHours: 1, cookieSecure: false, staticDir });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const signIn = async (email: string, password: string) =>
  app.inject({ method: "POST", url: "/trpc/auth.signIn", headers: { "content-type": "application/json" }, payload: { json: { email, password } } });

describe("HTTP server", () => {
  it("reports a healthy database on /health", async () => {
    const res = await app.inject({ url: "/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: database.kind });
  });

  it("answers 401 without a session and never returns data", async () => {
    const res = await app.inject({ url: "/trpc/claims.listClaims?input=%7B%22json%22%3A%7B%7D%7D" });
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain("CLM-");
    expect(res.body).not.toMatch(/at .*\.ts:\d+/); // no stack trace on the wire
  });

  it("signs in with an httpOnly SameSite cookie, and the cookie then identifies the user", async () => {
    const res = await signIn("agent@claimdesk.test", "agent-demo-2026");
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "cd_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const me = await app.inject({ url: "/trpc/auth.me", cookies: { cd_session: cookie.value } });
    expect(me.json().result.data.json).toMatchObject({ email: "agent@claimdesk.test", role: "agent" });
  });

  it("refuses API posts that are not JSON (a cross-site form cannot send JSON)", async () => {
    const res = await app.inject({ method: "POST", url: "/trpc/auth.signIn", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "email=a&password=b" });
    expect(res.statusCode).toBe(415);
  });

  it("sends security headers with a CSP that forbids inline scripts and framing", async () => {
    const res = await app.inject({ url: "/queue" });
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("serves the SPA shell for client routes, uncached, and 404 JSON for unknown API paths", async () => {
    const page = await app.inject({ url: "/claims/CLM-000001" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id=root>');
    expect(page.headers["cache-control"]).toBe("no-cache");
    const api = await app.inject({ url: "/api/nope" });
    expect(api.statusCode).toBe(404);
  });
});

describe("start-up migrations", () => {
  it("stop with a clear message when a migration fails", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "claimdesk-bad-migrations-"));
    cpSync(path.resolve(import.meta.dirname, "../drizzle"), folder, { recursive: true });
    const journal = JSON.parse(readFileSync(path.join(folder, "meta/_journal.json"), "utf8"));
    const last = journal.entries.at(-1);
    journal.entries.push({ ...last, idx: last.idx + 1, tag: "9999_broken", when: last.when + 1 });
    writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify(journal));
    writeFileSync(path.join(folder, "9999_broken.sql"), "ALTER TABLE no_such_table ADD COLUMN x int;");
    await expect(migrateDatabase(database, folder)).rejects.toThrow(/Database migration failed: .*no_such_table.*The server did not start/s);
  });
});
