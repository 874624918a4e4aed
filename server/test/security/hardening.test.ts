import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { evidenceItems } from "../../db/schema/index.ts";
import { loadEnv } from "../../env.ts";
import { UPLOAD_HEADER } from "../../http/evidence-upload.ts";
import { redactUrl } from "../../http/log-redaction.ts";
import { makePng, multipartBody } from "../../http/test-files.ts";
import { createEvidenceTestClaim } from "../../routers/evidence/test-claim.ts";
import { displayFileName, downloadFileName } from "../../services/evidence-files.ts";
import { openHttpHarness, trpcRequest, type HttpHarness } from "./http-harness.ts";

// Issue 15's hardening: forwarded headers believed only from named proxies, HSTS only over HTTPS, no secrets in
// the request log, and file names that cannot disguise what a file is.

let h: HttpHarness;
beforeAll(async () => {
  h = await openHttpHarness();
});
afterAll(() => h.close());

const signInFrom = (app: typeof h.app, remoteAddress: string, forwardedFor: string) =>
  app.inject({ ...trpcRequest("auth.signIn", "mutation", { email: `proxy-${Math.random()}@example.com`, password: "guess-123456" }), remoteAddress, headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor } });

describe("TRUSTED_PROXIES", () => {
  it("reads a comma list of addresses and CIDRs, a hop count, or nothing, and refuses anything else", () => {
    expect(loadEnv({}).TRUSTED_PROXIES).toBe(false);
    expect(loadEnv({ TRUSTED_PROXIES: "" }).TRUSTED_PROXIES).toBe(false);
    expect(loadEnv({ TRUSTED_PROXIES: "10.0.0.1, 192.168.0.0/16,::1" }).TRUSTED_PROXIES).toBe("10.0.0.1,192.168.0.0/16,::1");
    expect(loadEnv({ TRUSTED_PROXIES: "2" }).TRUSTED_PROXIES).toBe(2);
    expect(() => loadEnv({ TRUSTED_PROXIES: "everyone" })).toThrow(/TRUSTED_PROXIES/);
  });

  it("believes X-Forwarded-For from no one by default, not even from this machine", async () => {
    const limitKey = "sign-in-ip:198.51.100.200";
    await signInFrom(h.app, "127.0.0.1", "198.51.100.200");
    const { rows } = await h.database.db.execute<{ key: string }>(`select key from rate_limit_counters where key in ('${limitKey}', 'sign-in-ip:127.0.0.1')`);
    expect(rows.map((r) => r.key)).toEqual(["sign-in-ip:127.0.0.1"]);
  });

  it("believes it from a named proxy only", async () => {
    const app = await buildApp({ database: h.database, sessionTtlHours: 12, cookieSecure: false, dataDir: h.dataDir, trustProxy: "10.9.0.0/16" });
    try {
      await signInFrom(app, "10.9.1.1", "198.51.100.201");
      await signInFrom(app, "10.8.1.1", "198.51.100.202");
      const { rows } = await h.database.db.execute<{ key: string }>(`select key from rate_limit_counters where key like 'sign-in-ip:%' order by key`);
      const keys = rows.map((r) => r.key);
      expect(keys).toContain("sign-in-ip:198.51.100.201");
      expect(keys).toContain("sign-in-ip:10.8.1.1");
      expect(keys).not.toContain("sign-in-ip:198.51.100.202");
    } finally {
      await app.close();
    }
  });
});

describe("HSTS", () => {
  it("is sent only when the site is served over HTTPS", async () => {
    expect((await h.app.inject({ url: "/health" })).headers["strict-transport-security"]).toBeUndefined();
    // A spoofed X-Forwarded-Proto from an untrusted client changes nothing.
    expect((await h.app.inject({ url: "/health", headers: { "x-forwarded-proto": "https" } })).headers["strict-transport-security"]).toBeUndefined();
    const app = await buildApp({ database: h.database, sessionTtlHours: 12, cookieSecure: true, dataDir: h.dataDir, trustProxy: "127.0.0.1" });
    try {
      const res = await app.inject({ url: "/health", headers: { "x-forwarded-proto": "https" } });
      expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    } finally {
      await app.close();
    }
  });
});

describe("request logs", () => {
  it("redact set-password tokens, keys and secrets in URLs, and never hold the request body", async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const app = await buildApp({ database: h.database, sessionTtlHours: 12, cookieSecure: false, dataDir: h.dataDir, logger: pino({ level: "info" }, sink) });
    try {
      await app.inject({ url: "/set-password?token=SETPW-SECRET-1" });
      await app.inject({ url: "/api/v1/orders?api_key=cdk_live_APIKEYSECRET2" });
      await app.inject({ url: "/api/v1/orders/cdk_live_APIKEYSECRET3" });
      await app.inject({ url: `/trpc/claims.listClaims?input=${encodeURIComponent(JSON.stringify({ json: { token: "INPUT-SECRET-4", filters: {} } }))}` });
      await app.inject({ ...trpcRequest("auth.setPassword", "mutation", { token: "BODY-SECRET-5", password: "BODY-SECRET-6", confirm: "BODY-SECRET-6" }) });
      await app.inject({ url: "/inbound/email", method: "POST", headers: { "x-inbound-secret": "HEADER-SECRET-7", "content-type": "message/rfc822" }, payload: "x" });
    } finally {
      await app.close();
    }
    const log = lines.join("");
    expect(log).toContain("request completed");
    expect(log).toContain("/set-password?token=[redacted]");
    for (const secret of ["SETPW-SECRET-1", "APIKEYSECRET2", "APIKEYSECRET3", "INPUT-SECRET-4", "BODY-SECRET-5", "BODY-SECRET-6", "HEADER-SECRET-7"]) expect(log).not.toContain(secret);
  });

  it("keeps what is not secret", () => {
    expect(redactUrl("/api/exports/claims.csv?q=smith&store=kinetic")).toBe("/api/exports/claims.csv?q=smith&store=kinetic");
    expect(redactUrl("/reset?code=123456&next=%2Fqueue")).toBe("/reset?code=[redacted]&next=%2Fqueue");
  });
});

describe("file names", () => {
  it("drop bidirectional controls from display names, and downloads end in the sniffed type's extension", async () => {
    expect(displayFileName("invoice\u202Egnp.exe", "png")).toBe("invoicegnp.exe");
    expect(downloadFileName("invoice\u202Egnp.exe", "image/png", "x")).toBe("invoicegnp.exe.png");
    expect(downloadFileName("photo.JPG", "image/jpeg", "x")).toBe("photo.JPG");
    expect(downloadFileName(null, "application/pdf", "evidence-3")).toBe("evidence-3.pdf");

    const agent = await h.sessionFor("agent");
    const claim = await createEvidenceTestClaim(h.db, { store: "kinetic", reason: "quality_defect", reportedAt: new Date() });
    const body = await multipartBody({ kind: "photo", version: "1" }, { name: "holiday\u202Egnp.exe", type: "image/png", data: makePng() });
    const up = await h.app.inject({ method: "POST", url: `/api/claims/${claim.number}/evidence`, cookies: { cd_session: agent }, headers: { "content-type": body.contentType, [UPLOAD_HEADER]: "1" }, payload: body.payload });
    expect(up.statusCode).toBe(201);
    const [item] = await h.db.select().from(evidenceItems).where(eq(evidenceItems.claimId, claim.id));
    expect(item!.fileName).toBe("holidaygnp.exe");
    const file = await h.app.inject({ url: `/api/evidence/${item!.id}/file?download=1`, cookies: { cd_session: agent } });
    expect(file.headers["content-disposition"]).toBe(`attachment; filename="holidaygnp.exe.png"; filename*=UTF-8''holidaygnp.exe.png`);
  });
});
