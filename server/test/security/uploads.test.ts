import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evidenceItems } from "../../db/schema/index.ts";
import { UPLOAD_HEADER } from "../../http/evidence-upload.ts";
import { makePng, multipartBody } from "../../http/test-files.ts";
import { createEvidenceTestClaim } from "../../routers/evidence/test-claim.ts";
import { openHttpHarness, type HttpHarness } from "./http-harness.ts";

// Hostile files through the whole app: the type is the content's, not the name's, and names never become paths.

let h: HttpHarness;
let agent: string;
beforeAll(async () => {
  h = await openHttpHarness();
  agent = await h.sessionFor("agent");
});
afterAll(() => h.close());

/** Every file under the data folder, wherever it landed. */
const allFiles = (dir = h.dataDir): string[] =>
  !existsSync(dir) ? [] : readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));

async function upload(number: string, file: { name: string; type: string; data: Buffer }, kind = "photo") {
  const body = await multipartBody({ kind, version: "1" }, file);
  return h.app.inject({
    method: "POST", url: `/api/claims/${number}/evidence`, cookies: { cd_session: agent },
    headers: { "content-type": body.contentType, [UPLOAD_HEADER]: "1" }, payload: body.payload,
  });
}
const claim = () => createEvidenceTestClaim(h.db, { store: "kinetic", reason: "quality_defect", reportedAt: new Date() });

// A Windows executable's first bytes (MZ header, PE signature) and markup that would run if served as HTML.
const pe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), Buffer.alloc(46), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from("PE\0\0L\x01", "latin1"), Buffer.alloc(400)]);
const html = Buffer.from("<!doctype html><html><body><script>fetch('/trpc/auth.me').then(r=>r.text()).then(alert)</script></body></html>");
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');

describe("evidence upload validation", () => {
  it.each([
    ["an executable", "invoice.jpg", "image/jpeg", pe],
    ["an HTML page", "photo.jpg", "image/jpeg", html],
    ["an SVG with script", "photo.png", "image/png", svg],
    ["a polyglot: HTML after a fake JPEG marker", "photo.jpg", "image/jpeg", Buffer.concat([Buffer.from([0xff, 0xd8]), html])],
  ])("refuses %s renamed to look like a photo, keeping nothing", async (_what, name, type, data) => {
    const c = await claim();
    const before = allFiles().length;
    const res = await upload(c.number, { name, type, data });
    expect([415, 422]).toContain(res.statusCode);
    expect(allFiles()).toHaveLength(before);
    expect(await h.db.select().from(evidenceItems).where(eq(evidenceItems.claimId, c.id))).toEqual([]);
  });

  it.each(["../../../../tmp/pwned.png", "..\\..\\..\\pwned.png", "/etc/cron.d/pwned.png", "%2e%2e%2fpwned.png", "pwned.png\u0000.txt", "CON.png", ".htaccess.png"])(
    "stores %j inside the upload folder under a generated key and never uses the name as a path",
    async (name) => {
      const c = await claim();
      const res = await upload(c.number, { name, type: "image/png", data: makePng(4, 4) });
      expect(res.statusCode).toBe(201);
      const [item] = await h.db.select().from(evidenceItems).where(eq(evidenceItems.claimId, c.id));
      expect(item!.storageKey).toMatch(new RegExp(`^claims/${c.id}/[0-9a-f-]{36}\\.png$`));
      expect(item!.fileName).not.toMatch(/[/\\\u0000]|\.\./);
      const uploads = path.resolve(h.dataDir, "uploads");
      for (const f of allFiles()) expect(path.resolve(f).startsWith(uploads + path.sep)).toBe(true);
      expect(existsSync("/tmp/pwned.png")).toBe(false);

      const file = await h.app.inject({ url: `/api/evidence/${item!.id}/file`, cookies: { cd_session: agent } });
      expect(file.headers["x-content-type-options"]).toBe("nosniff");
      expect(file.headers["content-type"]).toBe("image/png");
      expect(String(file.headers["content-disposition"])).not.toMatch(/[/\\]|\.\./);
    },
  );

  it("refuses a file past the size limit with 413 and keeps nothing", async () => {
    const c = await claim();
    const before = allFiles().length;
    const res = await upload(c.number, { name: "big.png", type: "image/png", data: makePng(8, 8, 16 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(allFiles().filter((f) => !f.includes(".partial"))).toHaveLength(before);
  });
});
