import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../auth/sessions.ts";
import { evidenceItems } from "../../db/schema/index.ts";
import { UPLOAD_HEADER } from "../../http/evidence-upload.ts";
import { makePng, multipartBody } from "../../http/test-files.ts";
import { createEvidenceTestClaim } from "../../routers/evidence/test-claim.ts";
import { makeUser } from "../../routers/workflow/test-helpers.ts";
import { openHttpHarness, type HttpHarness } from "./http-harness.ts";

// The routes beside tRPC: evidence files, exports, the store API, the mail webhook and /health, each asked by
// someone signed out, by another store's agent, and with the wrong kind of credential.

let h: HttpHarness;
let agent: string;
let outsider: string;
let claim: { id: number; number: string };
let evidenceId: number;
beforeAll(async () => {
  h = await openHttpHarness();
  agent = await h.sessionFor("agent");
  const other = await makeUser(h.db, { role: "agent", stores: ["chipyard"] });
  outsider = (await createSession(h.db, { userId: other.id, ttlHours: 1, now: new Date() })).token;
  claim = await createEvidenceTestClaim(h.db, { store: "kinetic", reason: "quality_defect", reportedAt: new Date() });
  const body = await multipartBody({ kind: "photo", version: "1" }, { name: "p.png", type: "image/png", data: makePng(4, 4) });
  const res = await h.app.inject({
    method: "POST", url: `/api/claims/${claim.number}/evidence`, cookies: { cd_session: agent },
    headers: { "content-type": body.contentType, [UPLOAD_HEADER]: "1" }, payload: body.payload,
  });
  expect(res.statusCode).toBe(201);
  evidenceId = (await h.db.select({ id: evidenceItems.id }).from(evidenceItems).where(eq(evidenceItems.claimId, claim.id)))[0]!.id;
});
afterAll(() => h.close());

const as = (token: string | null): Record<string, string> => (token ? { cd_session: token } : {});

describe("non-tRPC routes", () => {
  it("/health is public and says nothing about people or claims", async () => {
    const res = await h.app.inject({ url: "/health" });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(["database", "status"]);
  });

  it("evidence upload: 401 signed out, 404 for another store's agent, before any file is read", async () => {
    const body = await multipartBody({ kind: "photo", version: "2" }, { name: "p.png", type: "image/png", data: makePng(4, 4) });
    const send = (token: string | null) =>
      h.app.inject({ method: "POST", url: `/api/claims/${claim.number}/evidence`, cookies: as(token), headers: { "content-type": body.contentType, [UPLOAD_HEADER]: "1" }, payload: body.payload });
    expect((await send(null)).statusCode).toBe(401);
    expect((await send(outsider)).statusCode).toBe(404);
  });

  it("evidence download: 401 signed out, 404 for another store's agent, the file for the claim's agent", async () => {
    const get = (token: string | null) => h.app.inject({ url: `/api/evidence/${evidenceId}/file`, cookies: as(token) });
    expect((await get(null)).statusCode).toBe(401);
    const foreign = await get(outsider);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.headers["content-type"]).not.toMatch(/image/);
    expect((await get(agent)).statusCode).toBe(200);
  });

  it("exports: 401 signed out; another store's agent gets none of this store's claims", async () => {
    expect((await h.app.inject({ url: "/api/exports/claims.csv" })).statusCode).toBe(401);
    const mine = await h.app.inject({ url: "/api/exports/claims.csv", cookies: as(agent) });
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain(claim.number);
    const theirs = await h.app.inject({ url: "/api/exports/claims.csv", cookies: as(outsider) });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain(claim.number);
  });

  it("store API: a session cookie is not an API key, and a made-up key is refused", async () => {
    for (const headers of [{}, { authorization: "Bearer cdk_live_madeup0000000000000000" }, { authorization: "Basic YWRtaW46YWRtaW4=" }]) {
      const res = await h.app.inject({ url: `/api/v1/claims/${claim.number}`, cookies: as(agent), headers });
      expect(res.statusCode).toBe(401);
      expect(res.body).not.toContain("kinetic");
    }
    const put = await h.app.inject({ method: "PUT", url: "/api/v1/orders/X-1", cookies: as(agent), headers: { "content-type": "application/json" }, payload: "{}" });
    expect(put.statusCode).toBe(401);
  });

  it("mail webhook: refused without the shared secret, whatever session comes with it", async () => {
    const res = await h.app.inject({ method: "POST", url: "/inbound/email", cookies: as(agent), headers: { "content-type": "message/rfc822" }, payload: "From: a@b.c\r\n\r\nhi" });
    expect([401, 503]).toContain(res.statusCode);
    const wrong = await h.app.inject({ method: "POST", url: "/inbound/email", headers: { "content-type": "message/rfc822", "x-inbound-secret": "guess" }, payload: "From: a@b.c\r\n\r\nhi" });
    expect([401, 503]).toContain(wrong.statusCode);
  });
});
