import { expect, test } from "@playwright/test";
import { shot, storageStateFor } from "./fixtures.ts";

test.describe("as an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("[K2] raises kinetic's quality-defect window from 30 to 45 days as version 2", async ({ page }) => {
    await page.goto("/admin");
    await expect(page.getByRole("table", { name: "Store policies" }).getByRole("row")).toHaveCount(6);
    await page.getByRole("link", { name: "Edit Kinetic Motion policy" }).click();
    await expect(page.getByRole("heading", { name: "Edit policy: Kinetic Motion" })).toBeVisible();

    const window = page.getByRole("textbox", { name: "Reporting window", exact: true });
    await expect(window).toHaveValue("30");
    await window.fill("45");
    await page.getByRole("button", { name: "Review changes" }).click();

    const changes = page.getByRole("list", { name: "Changes" });
    await expect(changes.getByRole("listitem")).toHaveCount(1);
    await expect(changes).toContainText("Reporting window");
    await expect(changes).toContainText("K2");
    await expect(changes).toContainText("30 days");
    await expect(changes).toContainText("45 days");

    // The note is required: the message shows beside the field.
    await page.getByRole("button", { name: "Save as version 2" }).click();
    await expect(page.getByText("Say in a few words why the policy changes")).toBeVisible();
    await page.getByLabel("Why does the policy change?").fill("Defects may now be reported for 45 days");
    await page.screenshot({ path: shot("policy-editor-review") });
    await page.getByRole("button", { name: "Save as version 2" }).click();

    await expect(page.getByText("Saved version 2 of the Kinetic Motion policy")).toBeVisible();
    await expect(page).toHaveURL(/\/policies\/kinetic$/);
    await expect(page.getByText("Version 2 · current")).toBeVisible();
    const k2 = page.getByRole("listitem", { name: "Clause K2" });
    await expect(k2).toContainText("45 days");
    await expect(k2).toContainText("within 45 days of delivery");
    await expect(page.getByRole("list", { name: "Version history" })).toContainText("Defects may now be reported for 45 days");

    // Version 1 stays readable: claims judged under it keep citing it.
    await page.getByRole("link", { name: /v1/ }).click();
    await expect(page.getByText("This is version 1.")).toBeVisible();
    await expect(page.getByRole("listitem", { name: "Clause K2" })).toContainText("30 days");
    await page.screenshot({ path: shot("policy-version-1") });
  });
});

test.describe("as an agent", () => {
  test.use({ storageState: storageStateFor("agent") });

  test("reads the policies of their stores but cannot open the editor", async ({ page }) => {
    await page.goto("/policies");
    const stores = page.getByRole("table", { name: "Store policies" });
    await expect(stores.getByRole("row")).toHaveCount(4);
    await expect(stores).not.toContainText("Chipyard");
    await stores.getByRole("link", { name: "View Kinetic Motion policy" }).click();
    await expect(page.getByRole("heading", { name: "Kinetic Motion policy" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit policy" })).toHaveCount(0);

    await page.goto("/admin/policies/kinetic");
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  });
});
