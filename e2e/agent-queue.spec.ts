import { expect, test } from "@playwright/test";
import { demoLogins, shot, storageStateFor } from "./fixtures.ts";

// Signs in itself: signing out ends the session, which must not be the one other tests share.
test("an agent signs in, filters the queue, opens a claim and signs out", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(demoLogins.agent.email);
  await page.getByLabel("Password").fill(demoLogins.agent.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Claims" })).toBeVisible();
  const rows = page.getByRole("row");
  await expect(rows.nth(1)).toBeVisible();

  // Only the agent's stores are offered and listed.
  await page.getByRole("toolbar").getByRole("button", { name: "Store" }).click();
  const storeOptions = page.getByRole("option");
  await expect(storeOptions).toHaveText([/Atelier Figures/, /Kinetic Motion/, /Layerworks/]);
  await page.getByRole("option", { name: /Layerworks/ }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/store=layerworks/);
  await expect(page.getByRole("cell", { name: "Layerworks" }).first()).toBeVisible();
  await expect(page.locator("tbody td:nth-child(3)").filter({ hasNotText: "Layerworks" })).toHaveCount(0);

  // Status facet, then the URL survives a reload.
  await page.getByRole("toolbar").getByRole("button", { name: "Status" }).click();
  await page.getByRole("option", { name: /In review/ }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/status=in_review/);
  await page.reload();
  await expect(page.getByRole("toolbar").getByRole("button", { name: /Status/ })).toContainText("In review");
  await expect(page.locator("tbody td:nth-child(6)").first()).toHaveText("In review");
  await expect(page.locator("tbody td:nth-child(6)").filter({ hasNotText: "In review" })).toHaveCount(0);
  await page.screenshot({ path: shot("queue-filtered") });

  // Open the first claim from the keyboard.
  const first = page.getByRole("row").nth(1);
  const number = (await first.locator("td:nth-child(2)").textContent())!.trim();
  await first.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: number })).toBeVisible();
  await expect(page.getByText("Customer and order")).toBeVisible();
  await expect(page.getByText("Timeline")).toBeVisible();
  await page.screenshot({ path: shot("claim-page"), fullPage: true });

  await page.getByRole("button", { name: /Account:/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/sign-in/);
});

test.describe("with a saved session", () => {
  test.use({ storageState: storageStateFor("agent") });

  test("search finds a claim by its number", async ({ page }) => {
  await page.goto("/queue?closed=1");
  const number = (await page.getByRole("row").nth(3).locator("td:nth-child(2)").textContent())!.trim();
  await page.getByLabel("Search claims").fill(number);
  await expect(page).toHaveURL(new RegExp(`q=${number}`));
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("row").nth(1)).toContainText(number);
});
});
