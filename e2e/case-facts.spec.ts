import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { shot, storageStateFor } from "./fixtures.ts";

// Issue 14: facts of the case recorded on the claim page, each re-judged by the policy at once.
test.use({ storageState: storageStateFor("agent") });

const trpcGet = async (request: APIRequestContext, path: string, input: unknown) => {
  const res = await request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(res.ok()).toBe(true);
  return (await res.json()).result.data.json;
};

/** The newest demo claim of a store and reason that an agent can still change (under review or triage). */
async function openClaim(request: APIRequestContext, store: string, reason: string): Promise<string> {
  const page = await trpcGet(request, "claims.listClaims", {
    filters: { store: [store], reason: [reason], status: ["in_review", "triage", "new"] },
    sortBy: "number",
    sortOrder: "desc",
    pageSize: 100,
  });
  const row = (page.rows as { number: string }[])[0];
  if (!row) throw new Error(`demo data: no open ${store} ${reason} claim`);
  return row.number;
}

const facts = (page: Page) => page.locator("#case-facts");

test("an agent records a repair pause with both tracking numbers and changes a claim's reason", async ({ page }) => {
  test.setTimeout(90_000);
  // Layerworks (L9): a pause counts only once both legs' tracking numbers are on record.
  const warranty = await openClaim(page.request, "layerworks", "warranty");
  await page.goto(`/claims/${warranty}`);
  const pauses = facts(page).getByRole("group", { name: "Repair pauses" });
  await pauses.getByRole("button", { name: "Add repair pause" }).click();
  let dialog = page.getByRole("dialog", { name: "Record a repair pause" });
  await dialog.getByLabel("Left the customer").fill("2026-11-02");
  await dialog.getByLabel("Back with the customer").fill("2026-10-30");
  await dialog.getByLabel("Tracking, to repair").fill("1Z999AA10000000001");
  await dialog.getByRole("button", { name: "Save pause" }).click();
  // The shared schema refuses a return before the departure beside the field, before anything is sent.
  await expect(dialog.getByText("The product cannot come back before it left.")).toBeVisible();
  await dialog.getByLabel("Back with the customer").fill("2026-11-23");
  await dialog.getByRole("button", { name: "Save pause" }).click();
  await expect(dialog).toBeHidden();
  await expect(pauses).toContainText("2 Nov 2026 → 23 Nov 2026");
  await expect(pauses).toContainText("Extends nothing: tracking missing");

  // The return leg's number arrives: the pause is corrected and now extends the warranty.
  await pauses.getByRole("button", { name: "Correct pause from 2 Nov 2026" }).click();
  dialog = page.getByRole("dialog", { name: "Correct the repair pause" });
  await dialog.getByLabel("Tracking, back").fill("1Z999AA10000000002");
  await dialog.getByLabel("Tracking, back").press("Enter");
  await expect(dialog).toBeHidden();
  await expect(pauses).toContainText("Extends the warranty");
  await expect(pauses).toContainText("with 21 days of repair pauses");
  await expect(page.getByText("Repair pause recorded").first()).toBeVisible();
  await facts(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot("case-facts-repair-pause") });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: shot("case-facts-repair-pause-dark") });
  await page.emulateMedia({ colorScheme: "light" });

  // Kinetic (K5): a quality defect becomes a warranty claim, with the reason why on the timeline.
  const defect = await openClaim(page.request, "kinetic", "quality_defect");
  await page.goto(`/claims/${defect}`);
  await facts(page).getByRole("button", { name: "Change reason" }).click();
  dialog = page.getByRole("dialog", { name: "Change the claim's reason" });
  await dialog.getByLabel("New reason").click();
  await page.getByRole("option", { name: "Warranty", exact: true }).click();
  await dialog.getByLabel("Why").fill("Reported after 30 days, inside the warranty year");
  await dialog.getByRole("button", { name: "Change reason" }).click();
  await expect(dialog).toBeHidden();
  await expect(facts(page).getByRole("group", { name: "Reason" })).toContainText("Warranty");
  await expect(page.getByText("Reason: Quality defect → Warranty")).toBeVisible();
  await expect(page.getByText("“Reported after 30 days, inside the warranty year”")).toBeVisible();
  await page.screenshot({ path: shot("case-facts-reason-changed") });
});
