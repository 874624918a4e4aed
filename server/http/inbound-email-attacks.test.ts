import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import type { Database } from "../db/client.ts";
import { claims, evidenceItems, inboundEmails, messages, orders } from "../db/schema/index.ts";
import { createIntakeTestOrder } from "../services/claim-intake-fixtures.ts";
import { openClaim } from "../services/claim-intake.ts";
import { openTestDatabase } from "../test/database.ts";
import { verifiedSessionToken } from "../test/two-factor.ts";
import { demo, sessionUserByEmail } from "../test/callers.ts";

// Anyone can mail support: a stranger quoting a claim number, a forged From of another store's customer, a
// sender the provider failed, and NUL bytes in headers and body. None of it may add counted evidence to a claim
// or open a claim in a store whose address did not receive the mail.

const now = new Date("2026-03-10T12:00:00Z");
const delivered = new Date("2026-03-06T12:00:00Z");
const SECRET = "attack-inbound-secret";
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

beforeAll(async () => {
  database = await openTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "claimdesk-inbound-attacks-"));
  process.env.INBOUND_EMAIL_SECRET = SECRET;
  app = await buildApp({ database, sessionTtlHours: 12, cookieSecure: false, dataDir });
});
afterAll(async () => {
  delete process.env.INBOUND_EMAIL_SECRET;
  await app.close();
  await database.close();
});

function rawMail(o: { from: string; to: string; subject: string; text?: string; headers?: string[] }) {
  return Buffer.from(
    [
      ...(o.headers ?? []), `From: ${o.from}`, `To: ${o.to}`, `Subject: ${o.subject}`, `Message-ID: <${randomBytes(6).toString("hex")}@sender.example>`,
      "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="b"', "", "--b", "Content-Type: text/plain; charset=utf-8", "", o.text ?? "See the photos.", "",
      "--b", 'Content-Type: image/png; name="photo.png"', "Content-Disposition: attachment; filename=photo.png", "Content-Transfer-Encoding: base64", "", PNG,
      "--b", 'Content-Type: image/png; name="photo2.png"', "Content-Disposition: attachment; filename=photo2.png", "Content-Transfer-Encoding: base64", "", PNG, "--b--", "",
    ].join("\r\n"),
  );
}
const post = (raw: Buffer) => app.inject({ method: "POST", url: "/inbound/email", headers: { "content-type": "message/rfc822", "x-inbound-secret": SECRET }, payload: raw });

async function claimIn(store: string) {
  const order = await createIntakeTestOrder(database.db, { store, deliveredAt: delivered });
  const claim = await openClaim(database.db, { storeId: store, orderId: order.id, reason: "quality_defect", source: "agent", lines: [{ orderLineId: order.lineIds["SKU-A"]!, quantity: 1 }] }, { id: null, storeIds: null }, now);
  return { ...claim, order };
}
const claimState = async (id: number) => ({
  version: (await database.db.select({ v: claims.version }).from(claims).where(eq(claims.id, id)))[0]!.v,
  messages: (await database.db.select({ id: messages.id }).from(messages).where(eq(messages.claimId, id))).length,
  evidence: (await database.db.select({ id: evidenceItems.id }).from(evidenceItems).where(eq(evidenceItems.claimId, id))).length,
});
const inbound = async (id: number) => (await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, id)))[0]!;

describe("inbound mail from people who are not the claim's customer", () => {
  it("sends a stranger's mail quoting `Re: CLM-…` to unsorted mail of the claim's store, adding nothing to the claim", async () => {
    const claim = await claimIn("kinetic");
    const before = await claimState(claim.id);
    const res = await post(rawMail({ from: "stranger@elsewhere.example", to: "support@kinetic.example", subject: `Re: ${claim.number}` }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: "unsorted", claimNumber: null });
    expect(await claimState(claim.id)).toEqual(before);
    expect(await inbound(res.json().inboundId)).toMatchObject({ status: "unsorted", storeId: "kinetic", claimId: null });
  });

  it("opens no claim in another store for a forged From of that store's customer", async () => {
    const atelier = await createIntakeTestOrder(database.db, { store: "atelier", deliveredAt: delivered });
    const res = await post(rawMail({ from: atelier.email, to: "support@kinetic.example", subject: "My lamp is broken" }));
    expect(res.json()).toMatchObject({ status: "unsorted", claimNumber: null });
    expect(await database.db.select({ id: claims.id }).from(claims).innerJoin(orders, eq(orders.id, claims.orderId)).where(eq(orders.id, atelier.id))).toEqual([]);
    expect(await inbound(res.json().inboundId)).toMatchObject({ storeId: "kinetic" });
    // The same customer writing to their own store's address opens a claim there, with no evidence until accepted.
    const own = await post(rawMail({ from: atelier.email, to: "support@atelier.example", subject: "My lamp is broken" }));
    expect(own.json()).toMatchObject({ status: "opened_claim" });
    const [opened] = await database.db.select({ id: claims.id, storeId: claims.storeId }).from(claims).where(eq(claims.number, own.json().claimNumber));
    expect(opened!.storeId).toBe("atelier");
    expect((await claimState(opened!.id)).evidence).toBe(0);
  });

  it("records the provider's verdict, and sends the claim customer's mail the provider failed to unsorted", async () => {
    const claim = await claimIn("kinetic");
    const before = await claimState(claim.id);
    const failed = await post(rawMail({
      from: claim.order.email, to: "support@kinetic.example", subject: `Re: ${claim.number}`,
      headers: ["Authentication-Results: mx.provider.example; spf=fail smtp.mailfrom=elsewhere.example; dkim=none; dmarc=fail header.from=customer.example"],
    }));
    expect(failed.json()).toMatchObject({ status: "unsorted" });
    expect(await inbound(failed.json().inboundId)).toMatchObject({ senderAuth: { verdict: "fail", dmarc: "fail", spf: "fail", dkim: "none" } });
    expect(await claimState(claim.id)).toEqual(before);
    const passed = await post(rawMail({
      from: claim.order.email, to: "support@kinetic.example", subject: `Re: ${claim.number}`,
      headers: ["Authentication-Results: mx.provider.example; spf=pass; dkim=pass; dmarc=pass", "Received-SPF: pass (provider: domain designates sender)"],
    }));
    expect(passed.json()).toMatchObject({ status: "joined", claimNumber: claim.number });
    expect(await inbound(passed.json().inboundId)).toMatchObject({ senderAuth: { verdict: "pass", dmarc: "pass" } });
    expect(await claimState(claim.id)).toEqual({ version: before.version + 1, messages: before.messages + 1, evidence: 0 });
    const plain = await post(rawMail({ from: "someone@elsewhere.example", to: "help@claims.example", subject: "Hello" }));
    expect((await inbound(plain.json().inboundId)).senderAuth).toBeNull();
  });

  it("files a mail with NUL and other control characters in headers and body without them, instead of failing it", async () => {
    const res = await post(rawMail({ from: "Nul\u0000 Person <nul@elsewhere.example>", to: "support@kinetic.example", subject: "Broken\u0000 \u0007item", text: "Text\u0000 with\u0001 NUL" }));
    expect(res.statusCode).toBe(201);
    const row = await inbound(res.json().inboundId);
    expect(row).toMatchObject({ subject: "Broken item", fromName: "Nul Person" });
    expect(row.textBody).toBe("Text with NUL");
  });

  it("lets an agent of the store open a waiting attachment, and nobody else", async () => {
    const res = await post(rawMail({ from: "viewer@elsewhere.example", to: "support@kinetic.example", subject: "Photos" }));
    const id = res.json().inboundId as number;
    const agent = await sessionUserByEmail(database.db, demo.agent);
    const token = await verifiedSessionToken(database.db, agent.id);
    const file = await app.inject({ url: `/api/inbound-mail/${id}/attachments/0?download=1`, cookies: { cd_session: token } });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/png");
    expect(file.headers["content-disposition"]).toContain('filename="photo.png"');
    expect((await app.inject({ url: `/api/inbound-mail/${id}/attachments/0` })).statusCode).toBe(401);
    expect((await app.inject({ url: `/api/inbound-mail/${id}/attachments/9`, cookies: { cd_session: token } })).statusCode).toBe(404);
  });
});
