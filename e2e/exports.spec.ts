import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { shot, storageStateFor } from "./fixtures.ts";

test.use({ storageState: storageStateFor("supervisor"), viewport: { width: 1440, height: 1000 } });

test("a supervisor filters the queue and exports exactly those claims as CSV", async ({ page }) => {
  await page.goto("/queue");
  await page.getByRole("toolbar").getByRole("button", { name: "Store" }).click();
  await page.getByRole("option", { name: /Layerworks/ }).click();
  await page.keyboard.press("Escape");
  await page.getByRole("toolbar").getByRole("button", { name: "Status" }).click();
  await page.getByRole("option", { name: /In review/ }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/store=layerworks/);
  await expect(page).toHaveURL(/status=in_review/);
  await expect(page.locator("tbody td:nth-child(6)").first()).toHaveText("In review");
  await expect(page.locator("tbody td:nth-child(6)").filter({ hasNotText: "In review" })).toHaveCount(0);
  const shown = (await page.locator("tbody td:nth-child(2)").allTextContents()).map((s) => s.trim());
  expect(shown.length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Export" }).click();
  await expect(page.getByRole("menuitem", { name: "CSV" })).toBeVisible();
  await page.screenshot({ path: shot("exports-menu") });
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^claimdesk-claims-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toMatch(/^Claim,Store,Status,Reason,Priority,/);
  const numbers = lines.slice(1).map((l) => l.split(",")[0]);
  for (const n of shown) expect(numbers).toContain(n);
  for (const l of lines.slice(1)) expect(l).toContain(",layerworks,in_review,");
  await expect(page.getByText(/Exported \d+ rows/)).toBeVisible();
});
