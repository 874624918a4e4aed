import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { format, subDays } from "date-fns";
import { shot, storageStateFor } from "./fixtures.ts";

test.describe("as a supervisor", () => {
  test.use({ storageState: storageStateFor("supervisor") });

  test("reads the dashboard, changes the range, reads a chart as a table and follows a slice into the queue", async ({ page }) => {
    await page.goto("/reports");
    await expect(page.getByRole("heading", { name: "Reports" })).toBeVisible();

    const from = format(subDays(new Date(), 90), "yyyy-MM-dd");
    await page.getByLabel("From", { exact: true }).fill(from);
    await expect(page).toHaveURL(new RegExp(`from=${from}`));

    const kpis = page.getByRole("list", { name: "Key figures" });
    await expect(kpis.getByText("Open claims")).toBeVisible();
    await expect(kpis.getByRole("link", { name: /Open claims\s*\d+/ })).toBeVisible();
    await expect(kpis.getByText("Median to resolution")).toBeVisible();
    await expect(page.locator("[data-slot=chart] svg").first()).toBeVisible();

    // A reversed range is refused beside the inputs, and the figures stay on the last good range.
    await page.getByLabel("To", { exact: true }).fill(format(subDays(new Date(), 100), "yyyy-MM-dd"));
    await expect(page.getByRole("alert").filter({ hasText: "on or after the start date" })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`from=${from}`));
    await page.getByLabel("To", { exact: true }).fill(format(new Date(), "yyyy-MM-dd"));
    await page.screenshot({ path: shot("reports-supervisor"), fullPage: true });

    await page.getByRole("button", { name: "Table view of Backlog by status" }).click();
    const table = page.getByRole("table", { name: "Open claims by status" });
    await expect(table).toBeVisible();
    const slice = table.getByRole("link").first();
    const status = (await slice.textContent())!.trim();
    const count = Number((await table.getByRole("row").nth(1).getByRole("cell").nth(1).textContent())!.trim());
    await slice.click();

    await expect(page).toHaveURL(/\/queue\?status=[a-z_]+/);
    await expect(page.getByRole("heading", { name: "Claims" })).toBeVisible();
    const rows = page.getByRole("table").first().getByRole("row");
    await expect(rows.nth(1)).toContainText(status);
    await expect(page.getByText(new RegExp(`^${count.toLocaleString("en-US")} claims?$`))).toBeVisible();
  });
});

test.describe("report slices and export history", () => {
  test.use({ storageState: storageStateFor("supervisor") });

  test("a backlog age slice opens the queue narrowed to that age, and an export of it shows in the history", async ({ page }) => {
    await page.goto("/reports");
    await page.getByRole("button", { name: "Table view of Backlog by age" }).click();
    const table = page.getByRole("table", { name: "Open claims by age" });
    const row = table.getByRole("row").filter({ hasText: "3–7 days" });
    const count = Number((await row.getByRole("cell").nth(1).textContent())!.trim().replace(/,/g, ""));
    expect(count).toBeGreaterThan(0);
    await row.getByRole("link").click();

    await expect(page).toHaveURL(/\/queue\?.*age=3-7/);
    await expect(page.getByText("Open 3–7 days")).toBeVisible();
    await expect(page.getByText(new RegExp(`^${count.toLocaleString("en-US")} claims?$`))).toBeVisible();

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export" }).click();
    await page.getByRole("menuitem", { name: "CSV" }).click();
    const file = await (await downloading).path();
    expect((await readFile(file, "utf8")).trim().split("\r\n")).toHaveLength(count + 1);

    // Removing the chip widens the queue again.
    await page.getByRole("button", { name: "Remove filter: Open 3–7 days" }).click();
    await expect(page).not.toHaveURL(/age=/);

    await page.goto("/reports/exports");
    await expect(page.getByRole("heading", { name: "Export history" })).toBeVisible();
    const first = page.getByRole("table", { name: "Export history" }).getByRole("row").nth(1);
    await expect(first).toContainText("Claims");
    await expect(first).toContainText("age: 3-7");
    await expect(first).toContainText(count.toLocaleString("en-US"));
    await expect(first).toContainText("Done");
    await page.screenshot({ path: shot("export-history") });
  });
});

test.describe("as an agent", () => {
  test.use({ storageState: storageStateFor("agent") });

  test("gets the no-access page", async ({ page }) => {
    await page.goto("/reports");
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  });
});
