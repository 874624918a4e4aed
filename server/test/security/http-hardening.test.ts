import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataFingerprint, leakPatterns, openHttpHarness, trpcRequest, type HttpHarness } from "./http-harness.ts";

// What arrives malformed, oversized or from another site is refused with a 4xx and leaves no trace.

const staticDir = mkdtempSync(path.join(os.tmpdir(), "claimdesk-spa-"));
writeFileSync(path.join(staticDir, "index.html"), "<!doctype html><div id=root></div>");

let h: HttpHarness;
let agent: string;
beforeAll(async () => {
  h = await openHttpHarness({ staticDir });
  agent = await h.sessionFor("agent");
});
afterAll(() => h.close());

const post = (url: string, payload: string | Buffer, headers: Record<string, string> = {}) =>
  h.app.inject({ method: "POST", url, payload, cookies: { cd_session: agent }, headers: { "content-type": "application/json", ...headers } });

function expectClean4xx(res: { statusCode: number; body: string }) {
  expect(res.statusCode).toBeGreaterThanOrEqual(400);
  expect(res.statusCode).toBeLessThan(500);
  for (const p of leakPatterns) expect(res.body).not.toMatch(p);
}

describe("malformed requests", () => {
  it("answers broken JSON, a wrong content type and an empty body with a 4xx and changes nothing", async () => {
    const before = await dataFingerprint(h.database);
    const bodies = ['{"json":', "{json: 1}", "\u0000", '{"json":{"number":"CLM-000001","version":1,"priority":"high"}', "null", "[]", '"a"'];
    for (const body of bodies) expectClean4xx(await post("/trpc/workflow.setClaimPriority", body));
    expectClean4xx(await post("/trpc/workflow.setClaimPriority", "number=CLM-000001", { "content-type": "application/x-www-form-urlencoded" }));
    expectClean4xx(await post("/trpc/workflow.setClaimPriority", '{"json":{}}', { "content-type": "text/plain" }));
    expectClean4xx(await post("/trpc/workflow.setClaimPriority", "<a/>", { "content-type": "application/xml" }));
    expectClean4xx(await h.app.inject({ url: "/trpc/claims.listClaims?input=%7Bnot-json", cookies: { cd_session: agent } }));
    expectClean4xx(await h.app.inject({ url: "/trpc/claims.getClaim?input=%E0%A4%A", cookies: { cd_session: agent } }));
    expect(await dataFingerprint(h.database)).toBe(before);
  });

  it("refuses a huge body with 413 and deep nesting with a 4xx", async () => {
    const huge = JSON.stringify({ json: { number: "CLM-000001", note: "x".repeat(3 * 1024 * 1024) } });
    expect((await post("/trpc/evidence.requestEvidence", huge)).statusCode).toBe(413);
    const deep = `{"json":${"[".repeat(50_000)}${"]".repeat(50_000)}}`;
    expectClean4xx(await post("/trpc/workflow.setClaimPriority", deep));
    const deepObject = `{"json":${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}}`;
    expectClean4xx(await post("/trpc/workflow.setClaimPriority", deepObject));
  });

  it("answers unknown procedures and batch abuse without internals", async () => {
    expectClean4xx(await h.app.inject({ url: "/trpc/nope.nothing", cookies: { cd_session: agent } }));
    expectClean4xx(await h.app.inject({ url: "/trpc/__proto__.constructor", cookies: { cd_session: agent } }));
    const many = Array.from({ length: 50 }, () => "claims.getClaim").join(",");
    const res = await h.app.inject({ url: `/trpc/${many}?batch=1&input=%7B%7D`, cookies: { cd_session: agent } });
    expect(res.statusCode).toBeLessThan(500);
    for (const p of leakPatterns) expect(res.body).not.toMatch(p);
  });
});

describe("CSRF defence for the cookie session", () => {
  const change = () => trpcRequest("auth.signOutOtherSessions", "mutation", undefined, agent);

  it("refuses a cross-site form post (no JSON) and a JSON post from another site's page", async () => {
    const form = await h.app.inject({ ...change(), headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "" });
    expect(form.statusCode).toBe(415);
    const foreign = await h.app.inject({ ...change(), headers: { "content-type": "application/json", origin: "https://evil.example", host: "claimdesk.test" } });
    expect(foreign.statusCode).toBe(403);
    const fetchMeta = await h.app.inject({ ...change(), headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" } });
    expect(fetchMeta.statusCode).toBe(403);
    const opaque = await h.app.inject({ ...change(), headers: { "content-type": "application/json", origin: "null" } });
    expect(opaque.statusCode).toBe(403);
  });

  it("accepts the app's own page", async () => {
    const own = await h.app.inject({ ...change(), headers: { "content-type": "application/json", origin: "http://claimdesk.test", host: "claimdesk.test", "sec-fetch-site": "same-origin" } });
    expect(own.statusCode).toBe(200);
    // Vite's dev proxy rewrites Host to the API server's; the browser still says same-origin.
    const viaDevProxy = await h.app.inject({ ...change(), headers: { "content-type": "application/json", origin: "http://localhost:5173", host: "127.0.0.1:3000", "sec-fetch-site": "same-origin" } });
    expect(viaDevProxy.statusCode).toBe(200);
    const sibling = await h.app.inject({ ...change(), headers: { "content-type": "application/json", origin: "https://other.claimdesk.test", "sec-fetch-site": "same-site" } });
    expect(sibling.statusCode).toBe(403);
  });

  it("refuses cross-site uploads, which a form could send as multipart", async () => {
    const res = await h.app.inject({
      method: "POST", url: "/api/claims/CLM-000001/evidence", cookies: { cd_session: agent },
      headers: { "content-type": "multipart/form-data; boundary=x", origin: "https://evil.example" }, payload: "--x--\r\n",
    });
    expect(res.statusCode).toBe(403);
  });

  it("sets the session cookie httpOnly and SameSite=Lax", async () => {
    const res = await h.app.inject(trpcRequest("auth.signIn", "mutation", { email: "agent@claimdesk.test", password: "agent-demo-2026" }));
    expect(res.cookies.find((c) => c.name === "cd_session")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  });
});

describe("security headers", () => {
  it.each(["/", "/queue", "/claims/CLM-000001", "/trpc/auth.me", "/health", "/api/nope"])("%s carries CSP, frame-ancestors, nosniff and a referrer policy", async (url) => {
    const res = await h.app.inject({ url });
    const csp = String(res.headers["content-security-policy"]);
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1];
    expect(scriptSrc).toBeDefined();
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toMatch(/no-referrer|same-origin|strict-origin/);
    expect(res.headers["x-frame-options"]).toBeDefined();
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });
});
