import { expect, test } from "@playwright/test";
import { shot, storageStateFor } from "./fixtures.ts";

test.describe("as an agent", () => {
  test.use({ storageState: storageStateFor("agent") });

  test("the navigation offers only what an agent may use, and Admin is forbidden", async ({ page }) => {
    await page.goto("/queue");
    const nav = page.getByRole("navigation", { name: "Main" }).first();
    await expect(nav.getByRole("link")).toHaveText(["Queue", "My claims", "Unsorted mail", "Policies"]);
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await page.screenshot({ path: shot("forbidden-agent") });
  });

  test("a claim of another store is not found", async ({ page }) => {
    await page.goto("/claims/CLM-999999");
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("sees every section", async ({ page }) => {
    await page.goto("/queue");
    const nav = page.getByRole("navigation", { name: "Main" }).first();
    await expect(nav.getByRole("link")).toHaveText(["Queue", "My claims", "Unsorted mail", "Policies", "Approvals", "Reports", "Import orders", "Admin"]);
  });
});
