import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { generate } from "otplib";
import { makePng } from "../server/http/test-files.ts";
import { demoLogins, shot, storageStateFor } from "./fixtures.ts";

// Admin changes need a second-factor-checked session: the admin turns TOTP on for this session (through the
// same procedures the Account page uses) and off again at the end, so later specs find the account as before.
async function trpcCall(page: Page, path: string, input?: unknown) {
  const res = await page.request.post(`/trpc/${path}`, { data: input === undefined ? {} : { json: input } });
  const body = await res.json();
  if (!res.ok()) throw new Error(`${path}: ${JSON.stringify(body)}`);
  return body.result?.data?.json;
}

async function withSecondFactor(page: Page): Promise<() => Promise<void>> {
  await page.goto("/admin");
  const status = (await (await page.request.get("/trpc/auth.getTwoFactorStatus")).json()).result.data.json;
  if (status.enabled) return async () => {};
  const { secret } = await trpcCall(page, "auth.startTotpEnrolment");
  await trpcCall(page, "auth.confirmTotpEnrolment", { code: await generate({ secret }) });
  // The replay guard refuses the step just used; the next step's code is inside the accepted window.
  return async () => {
    await trpcCall(page, "auth.disableTotp", { password: demoLogins.admin.password, code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }) });
  };
}

async function themed(page: Page, name: string) {
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((t) => {
      localStorage.setItem("claimdesk-theme", t);
      document.documentElement.classList.toggle("dark", t === "dark");
    }, theme);
    await page.screenshot({ path: shot(`${name}-${theme}`), fullPage: true });
  }
  await page.evaluate(() => {
    localStorage.setItem("claimdesk-theme", "light");
    document.documentElement.classList.remove("dark");
  });
}

test.describe("store API", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("an admin creates a key; the shop upserts an order and opens a claim with it; the claim is in the queue", async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    const restore = await withSecondFactor(page);
    let api: APIRequestContext | undefined;
    try {
      await page.getByRole("link", { name: /Store API keys/ }).click();
      await expect(page.getByRole("heading", { name: "Store API keys" })).toBeVisible();
      await page.getByRole("button", { name: "Create key" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("combobox", { name: "Store" }).click();
      await page.getByRole("option", { name: "Kinetic Motion" }).click();
      await dialog.getByLabel(/^Name/).fill("E2E shop sync");
      await dialog.getByRole("button", { name: "Create key" }).click();
      const keyField = dialog.getByLabel("API key");
      await expect(keyField).toHaveValue(/^cdk_live_/);
      const key = await keyField.inputValue();
      await themed(page, "store-api-key-created");
      await dialog.getByRole("button", { name: "Done" }).click();
      const row = page.getByRole("row", { name: /E2E shop sync/ });
      await expect(row.getByText("Active")).toBeVisible();

      api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
      const number = `E2E-${Date.now()}`;
      const order = await api.put(`/api/v1/orders/${number}`, {
        headers: { "idempotency-key": `${number}-order` },
        data: {
          placedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
          deliveredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
          customer: { email: "e2e.shopper@example.test", name: "E2E Shopper" },
          lines: [{ sku: "E2E-KB", name: "E2E keyboard", unitPriceCents: 8999, quantity: 1, electronic: true }],
        },
      });
      expect(order.status()).toBe(201);
      const claimRes = await api.post("/api/v1/claims", {
        headers: { "idempotency-key": `${number}-claim` },
        multipart: {
          claim: JSON.stringify({ orderNumber: number, reason: "quality_defect", lines: [{ sku: "E2E-KB", quantity: 1 }], description: "Keys stick." }),
          photo: { name: "keys.png", mimeType: "image/png", buffer: makePng() },
        },
      });
      expect(claimRes.status()).toBe(201);
      const claim = await claimRes.json();
      expect(claim).toMatchObject({ source: "api", evidence: [{ kind: "photo", fileName: "keys.png" }] });

      await page.goto("/queue");
      await page.getByRole("searchbox", { name: "Search claims" }).or(page.getByLabel("Search claims")).first().fill(claim.number);
      await expect(page.getByRole("row", { name: new RegExp(claim.number) })).toBeVisible();

      // Revoking the key shuts the shop out at once.
      await page.goto("/admin/api-keys");
      await page.getByRole("row", { name: /E2E shop sync/ }).getByRole("button", { name: /Revoke/ }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
      await expect(page.getByRole("row", { name: /E2E shop sync/ }).getByText(/Revoked/)).toBeVisible();
      await themed(page, "store-api-keys");
      expect((await api.get(`/api/v1/orders/${number}`)).status()).toBe(401);
    } finally {
      await api?.dispose();
      await restore();
    }
  });
});

test.describe("CSV order import", () => {
  test.use({ storageState: storageStateFor("supervisor") });

  test("a file with one bad row shows the row's error; importing waits for 'skip invalid rows'", async ({ page }) => {
    await page.goto("/orders/import");
    await expect(page.getByRole("heading", { name: "Import orders" })).toBeVisible();
    await page.getByRole("combobox", { name: "Store" }).click();
    await page.getByRole("option", { name: "Kinetic Motion" }).click();
    const csv = [
      "order_number,placed_at,customer_email,customer_name,sku,name,unit_price,quantity",
      "CSV-E2E-1,2026-11-02,amy@example.test,Amy,KB-1,Keyboard,129.99,1",
      "CSV-E2E-2,2026-11-03,ben@example.test,Ben,MS-1,Mouse,19.999,1",
      "CSV-E2E-3,2026-11-04,cat@example.test,Cat,PD-1,Pad,5.00,2",
    ].join("\n");
    await page.getByLabel("CSV file").setInputFiles({ name: "orders.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const preview = page.getByRole("table", { name: "Import preview" });
    await expect(preview.getByText(/Row 3, unit_price: .*more than 2 decimals/)).toBeVisible();
    const importButton = page.getByRole("button", { name: /^Import \d+ rows?$/ });
    await expect(importButton).toBeDisabled();
    await themed(page, "order-import-preview");
    await page.getByLabel(/Skip invalid rows/).check();
    await expect(importButton).toBeEnabled();
    await importButton.click();
    await expect(page.getByText(/2 new and 0 updated orders from 2 rows; 1 row skipped/)).toBeVisible();
    await themed(page, "order-import-done");
  });
});
