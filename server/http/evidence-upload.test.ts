import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import cookie from "@fastify/cookie";
import { eq } from "drizzle-orm";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../auth/sessions.ts";
import type { Database } from "../db/client.ts";
import { claimEvents, claims, evidenceItems } from "../db/schema/index.ts";
import { createEvidenceTestClaim } from "../routers/evidence/test-claim.ts";
import { callersFor } from "../test/callers.ts";
import { openTestDatabase } from "../test/database.ts";
import { evidenceHttp, UPLOAD_HEADER } from "./evidence-upload.ts";
import { makeMp4, makePdf, makePng, multipartBody } from "./test-files.ts";

const now = new Date();
const dataDir = mkdtempSync(path.join(os.tmpdir(), "claimdesk-uploads-"));
let database: Database;
let app: ReturnType<typeof Fastify>;
let c: Awaited<ReturnType<typeof callersFor>>;
const cookies: Record<"agent" | "supervisor", string> = { agent: "", supervisor: "" };

beforeAll(async () => {
  database = await openTestDatabase();
  c = await callersFor(database.db, now);
  for (const role of ["agent", "supervisor"] as const) {
    cookies[role] = (await createSession(database.db, { userId: c.users[role].id, ttlHours: 1, now })).token;
  }
  app = Fastify();
  await app.register(cookie);
  await app.register(evidenceHttp, { database, dataDir });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const storedFiles = () => !existsSync(path.join(dataDir, "uploads")) ? [] : readdirSync(path.join(dataDir, "uploads"), { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && !d.parentPath.includes(".partial"));
const claimFor = (store = "kinetic", status?: "closed") => createEvidenceTestClaim(database.db, { store, reason: "quality_defect", reportedAt: now, status });

async function upload(number: string, fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }, opts: { as?: "agent" | "supervisor" | null; header?: boolean } = {}) {
  const body = await multipartBody(fields, file);
  const as = opts.as === undefined ? "agent" : opts.as;
  return app.inject({
    method: "POST",
    url: `/api/claims/${number}/evidence`,
    headers: { "content-type": body.contentType, ...(opts.header === false ? {} : { [UPLOAD_HEADER]: "1" }) },
    cookies: as ? { cd_session: cookies[as] } : {},
    payload: body.payload,
  });
}

describe("POST /api/claims/:number/evidence", () => {
  it("stores a PNG photo under a generated key, records it with its event, and serves it back", async () => {
    const claim = await claimFor();
    const png = makePng(16, 16);
    const before = storedFiles().length;
    const res = await upload(claim.number, { kind: "photo", note: "Front side", version: "1" }, { name: "../../etc/passwd.png", type: "image/png", data: png });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ number: claim.number, version: 2 });

    const [item] = await database.db.select().from(evidenceItems).where(eq(evidenceItems.claimId, claim.id));
    expect(item).toMatchObject({ kind: "photo", note: "Front side", fileName: "passwd.png", mimeType: "image/png", sizeBytes: png.length, createdById: c.users.agent.id });
    expect(item!.storageKey).toMatch(new RegExp(`^claims/${claim.id}/[0-9a-f-]{36}\\.png$`));
    expect(storedFiles()).toHaveLength(before + 1);
    const [event] = await database.db.select().from(claimEvents).where(eq(claimEvents.claimId, claim.id)).then((r) => r.filter((e) => e.type === "evidence_added"));
    expect(event).toMatchObject({ seq: 2, claimVersion: 2, data: { evidenceId: item!.id, kind: "photo", mimeType: "image/png", sizeBytes: png.length } });

    const file = await app.inject({ url: `/api/evidence/${item!.id}/file`, cookies: { cd_session: cookies.agent } });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(png)).toBe(true);
    expect(file.headers).toMatchObject({ "content-type": "image/png", "x-content-type-options": "nosniff" });
    expect(file.headers["content-disposition"]).toBe(`inline; filename="passwd.png"; filename*=UTF-8''passwd.png`);
    const download = await app.inject({ url: `/api/evidence/${item!.id}/file?download=1`, cookies: { cd_session: cookies.agent } });
    expect(download.headers["content-disposition"]).toMatch(/^attachment;/);
  });

  it("takes videos and PDFs by their content, whatever the client says the type is", async () => {
    const claim = await claimFor();
    const video = await upload(claim.number, { kind: "connection_video", version: "1" }, { name: "wiring", type: "application/octet-stream", data: makeMp4() });
    expect(video.statusCode).toBe(201);
    const pdf = await upload(claim.number, { kind: "invoice_number", version: "2", note: "INV-77" }, { name: "invoice.bin", type: "text/plain", data: makePdf() });
    expect(pdf.statusCode).toBe(201);
    const rows = await database.db.select().from(evidenceItems).where(eq(evidenceItems.claimId, claim.id));
    expect(rows.map((r) => r.mimeType).sort()).toEqual(["application/pdf", "video/mp4"]);
    // K2 is satisfied by the uploaded connection video.
    const decision = (await c.agent.claims.evaluateClaim({ number: claim.number })).decision;
    expect(decision.evidence.find((e) => e.kind === "connection_video")).toMatchObject({ required: 1, provided: 1 });
  });

  it("refuses a text file renamed .png with 415 and keeps nothing", async () => {
    const claim = await claimFor();
    const before = storedFiles().length;
    const res = await upload(claim.number, { kind: "photo", version: "1" }, { name: "notes.png", type: "image/png", data: Buffer.from("just some text, not a picture\n".repeat(20)) });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatch(/"notes.png" is not a file type we can recognise, whatever its name says/);
    expect(storedFiles()).toHaveLength(before);
    expect(await database.db.select().from(evidenceItems).where(eq(evidenceItems.claimId, claim.id))).toEqual([]);
  });

  it("refuses a file that does not fit the kind (422) or the size limit (413)", async () => {
    const claim = await claimFor();
    const before = storedFiles().length;
    const pdfAsPhoto = await upload(claim.number, { kind: "packaging_photo", version: "1" }, { name: "box.pdf", type: "application/pdf", data: makePdf() });
    expect(pdfAsPhoto.statusCode).toBe(422);
    expect(pdfAsPhoto.json().error).toBe("Packaging photo must be a photo (JPEG, PNG, WebP or HEIC); this file is a PDF document.");
    const big = makePng(8, 8, 15 * 1024 * 1024 + 10);
    const tooBig = await upload(claim.number, { kind: "photo", version: "1" }, { name: "huge.png", type: "image/png", data: big });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error).toMatch(/larger than 15 MB, the limit for photos/);
    expect(storedFiles()).toHaveLength(before);
  });

  it("answers 413 over a real socket while the browser is still sending, instead of resetting the connection", async () => {
    const claim = await claimFor();
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const body = await multipartBody({ kind: "photo", version: "1" }, { name: "huge.png", type: "image/png", data: makePng(8, 8, 40 * 1024 * 1024) });
    const res = await fetch(`${address}/api/claims/${claim.number}/evidence`, {
      method: "POST",
      headers: { "content-type": body.contentType, cookie: `cd_session=${cookies.agent}`, [UPLOAD_HEADER]: "1" },
      body: body.payload,
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/limit for photos/);
  });

  it("checks the kind against the file even when the fields come after it", async () => {
    const claim = await claimFor();
    const body = new FormData();
    body.append("file", new Blob([new Uint8Array(makeMp4())], { type: "video/mp4" }), "clip.mp4");
    body.append("kind", "photo");
    body.append("version", "1");
    const r = new Response(body);
    const res = await app.inject({
      method: "POST", url: `/api/claims/${claim.number}/evidence`, cookies: { cd_session: cookies.agent },
      headers: { "content-type": r.headers.get("content-type")!, [UPLOAD_HEADER]: "1" }, payload: Buffer.from(await r.arrayBuffer()),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatch(/^Photo must be a photo/);
  });

  it("answers 401, 403 and 404 like tRPC, before reading the file", async () => {
    const claim = await claimFor();
    const file = { name: "a.png", type: "image/png", data: makePng() };
    expect((await upload(claim.number, { kind: "photo", version: "1" }, file, { as: null })).statusCode).toBe(401);
    const csrf = await upload(claim.number, { kind: "photo", version: "1" }, file, { header: false });
    expect(csrf.statusCode).toBe(403);
    expect(csrf.json().error).toBe("Uploads must come from the Claimdesk app.");
    const other = await createEvidenceTestClaim(database.db, { store: "everyday", reason: "change_of_mind", reportedAt: now });
    const res = await upload(other.number, { kind: "photo", version: "1" }, file);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe("No such claim in your stores.");
    expect((await upload(other.number, { kind: "photo", version: "1" }, file, { as: "supervisor" })).statusCode).toBe(201);
  });

  it("refuses a stale version (409) and a closed claim, removing the written file", async () => {
    const claim = await claimFor();
    const file = { name: "a.png", type: "image/png", data: makePng() };
    await upload(claim.number, { kind: "photo", version: "1" }, file);
    const before = storedFiles().length;
    const stale = await upload(claim.number, { kind: "photo", version: "1" }, file);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatch(/changed since you opened it/);
    // Version sent after the file: the file is written first, then the transaction refuses and it is deleted.
    const closed = await claimFor("kinetic", "closed");
    const late = await upload(closed.number, { kind: "photo" }, file).then(async () => {
      const form = new FormData();
      form.append("kind", "photo");
      form.append("file", new Blob([new Uint8Array(file.data)], { type: "image/png" }), "a.png");
      form.append("version", "1");
      const r = new Response(form);
      return app.inject({
        method: "POST", url: `/api/claims/${closed.number}/evidence`, cookies: { cd_session: cookies.agent },
        headers: { "content-type": r.headers.get("content-type")!, [UPLOAD_HEADER]: "1" }, payload: Buffer.from(await r.arrayBuffer()),
      });
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatch(/closed; reopen it/);
    expect(storedFiles()).toHaveLength(before);
    expect((await database.db.select({ version: claims.version }).from(claims).where(eq(claims.id, closed.id)))[0]!.version).toBe(1);
  });

  it("asks for a file and names invalid fields", async () => {
    const claim = await claimFor();
    const none = await upload(claim.number, { kind: "photo", version: "1" });
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ error: "Choose a file to upload.", fieldErrors: { file: ["Choose a file to upload."] } });
    const badKind = await upload(claim.number, { kind: "selfie", version: "1" }, { name: "a.png", type: "image/png", data: makePng() });
    expect(badKind.statusCode).toBe(422);
    expect(badKind.json().fieldErrors.kind).toEqual(["Pick the kind of evidence."]);
    const json = await app.inject({ method: "POST", url: `/api/claims/${claim.number}/evidence`, cookies: { cd_session: cookies.agent }, headers: { [UPLOAD_HEADER]: "1" }, payload: { kind: "photo" } });
    expect(json.statusCode).toBe(415);
  });
});

describe("GET /api/evidence/:id/file", () => {
  it("answers 401 signed out and 404 outside the caller's stores", async () => {
    const other = await createEvidenceTestClaim(database.db, { store: "everyday", reason: "change_of_mind", reportedAt: now });
    const res = await upload(other.number, { kind: "photo", version: "1" }, { name: "x.png", type: "image/png", data: makePng() }, { as: "supervisor" });
    const [item] = await database.db.select().from(evidenceItems).where(eq(evidenceItems.claimId, other.id));
    expect(res.statusCode).toBe(201);
    expect((await app.inject({ url: `/api/evidence/${item!.id}/file` })).statusCode).toBe(401);
    const agent = await app.inject({ url: `/api/evidence/${item!.id}/file`, cookies: { cd_session: cookies.agent } });
    expect(agent.statusCode).toBe(404);
    expect(agent.body).not.toContain("PNG");
    expect((await app.inject({ url: `/api/evidence/${item!.id}/file`, cookies: { cd_session: cookies.supervisor } })).statusCode).toBe(200);
    expect((await app.inject({ url: `/api/evidence/999999/file`, cookies: { cd_session: cookies.supervisor } })).statusCode).toBe(404);
  });
});
