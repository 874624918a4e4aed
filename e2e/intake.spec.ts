import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { shot, storageStateFor } from "./fixtures.ts";

test.use({ storageState: storageStateFor("agent") });

type FoundOrder = { id: number; number: string; storeId: string; customerEmail: string; lines: { name: string; claimable: number }[] };

const findOrders = async (request: APIRequestContext, query: string): Promise<FoundOrder[]> => {
  const res = await request.get(`/trpc/intake.findOrders?input=${encodeURIComponent(JSON.stringify({ json: { query } }))}`);
  expect(res.ok()).toBe(true);
  return (await res.json()).result.data.json;
};

/** A kinetic order (the demo seed's "KI-" numbers) with exactly one line still claimable. */
async function orderWithOneClaimableLine(request: APIRequestContext) {
  const order = (await findOrders(request, "ki-")).find((o) => o.lines.filter((l) => l.claimable > 0).length === 1);
  if (!order) throw new Error("demo data: no recent kinetic order with one claimable line");
  return order;
}

async function both(page: Page, name: string) {
  // The app shell scrolls inside its main area: a tall window shows the whole page in one picture.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await page.screenshot({ path: shot(`${name}-light`), fullPage: true, animations: "disabled" });
  // The system theme, as people switch it (the theme transition is frozen so the picture is not mid-fade).
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.screenshot({ path: shot(`${name}-dark`), fullPage: true, animations: "disabled" });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("an agent opens a claim by order number, with the policy's preview shown before saving", async ({ page }) => {
  const order = await orderWithOneClaimableLine(page.request);
  await page.goto("/queue");
  await page.getByRole("link", { name: "New claim" }).click();
  await expect(page.getByRole("heading", { name: "New claim" })).toBeVisible();

  await page.getByLabel("Order number or customer e-mail").fill(order.number);
  await page.getByRole("list", { name: "Matching orders" }).getByRole("button", { name: new RegExp(order.number) }).click();
  const line = order.lines.find((l) => l.claimable > 0)!;
  await expect(page.getByRole("checkbox", { name: `Claim ${line.name}` })).toBeChecked();

  // No reason yet: the submit names the field instead of guessing.
  await page.getByRole("button", { name: "Open claim" }).click();
  await expect(page.getByText("Pick a reason.")).toBeVisible();

  await page.getByLabel("Reason").click();
  await page.getByRole("option", { name: "Quality defect" }).click();
  const preview = page.getByRole("region", { name: "Policy preview" });
  await expect(preview.getByText("Policy decision")).toBeVisible();
  await expect(preview.getByRole("region", { name: "Evidence" })).toBeVisible();
  await expect(preview.getByRole("region", { name: "Deadlines" })).toBeVisible();
  await page.getByLabel("Description").fill("Left earcup crackles at any volume.");
  await both(page, "intake-new-claim");

  await page.getByRole("button", { name: "Open claim" }).click();
  await expect(page).toHaveURL(/\/claims\/CLM-\d{6,}$/);
  await expect(page.getByText("Claim opened by agent")).toBeVisible();
  await expect(page.getByText(order.number).first()).toBeVisible();
});

test("a known customer's e-mail posted to /inbound/email becomes a new claim in the queue", async ({ page }) => {
  const order = await orderWithOneClaimableLine(page.request);
  // The mail opens a claim on the customer's latest order: make sure that is one with something left to claim.
  const [latest] = await findOrders(page.request, order.customerEmail);
  expect(latest!.lines.some((l) => l.claimable > 0)).toBe(true);
  const raw = [
    `From: Demo Customer <${order.customerEmail}>`,
    "To: support@kinetic.example",
    "Subject: My order stopped working",
    `Message-ID: <e2e-${randomBytes(6).toString("hex")}@mail.example.net>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Hello, the item from my last order stopped working after a few days.",
    "",
  ].join("\r\n");
  const res = await page.request.post("/inbound/email", { headers: { "content-type": "message/rfc822", "x-inbound-secret": "e2e-inbound-secret" }, data: raw });
  expect(res.status()).toBe(201);
  const filed = await res.json();
  expect(filed).toMatchObject({ status: "opened_claim", duplicate: false });

  await page.goto(`/queue?q=${filed.claimNumber}`);
  const row = page.getByRole("row", { name: new RegExp(filed.claimNumber) });
  await expect(row).toBeVisible();
  await expect(row).toContainText("New");
  await row.getByRole("link", { name: filed.claimNumber }).click();
  await expect(page.getByText("the item from my last order stopped working").first()).toBeVisible();

  // A mail nobody can match waits in Unsorted mail.
  const stranger = raw.replace(order.customerEmail, `stranger-${randomBytes(3).toString("hex")}@elsewhere.example`).replace(/Message-ID: <[^>]+>/, `Message-ID: <e2e-${randomBytes(6).toString("hex")}@mail.example.net>`);
  const unsorted = await page.request.post("/inbound/email", { headers: { "content-type": "message/rfc822", "x-inbound-secret": "e2e-inbound-secret" }, data: stranger });
  expect((await unsorted.json()).status).toBe("unsorted");
  await page.getByRole("link", { name: "Unsorted mail" }).click();
  await expect(page.getByRole("heading", { name: "Unsorted mail" })).toBeVisible();
  await expect(page.getByRole("article", { name: "Mail" })).toBeVisible();
  await both(page, "intake-unsorted-mail");
});
