import { expect, test, type Page } from "@playwright/test";
import { shot, storageStateFor } from "./fixtures.ts";

test.use({ storageState: storageStateFor("agent") });

const actionBar = (page: Page) => page.getByRole("region", { name: "Claim workflow" });
const claimNumber = async (page: Page) => (await page.getByRole("heading", { level: 1 }).textContent())!.trim();

/** Presses Take next on the queue and waits for the claim page it opens. */
async function takeNext(page: Page): Promise<string> {
  await page.goto("/queue");
  await page.getByRole("button", { name: /Take next/ }).click();
  await expect(page).toHaveURL(/\/claims\/CLM-\d+/);
  await expect(actionBar(page).getByText("Alex Agent")).toBeVisible();
  return claimNumber(page);
}

async function screenshotBoth(page: Page, name: string) {
  await page.screenshot({ path: shot(`${name}-light`) });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: shot(`${name}-dark`) });
  await page.emulateMedia({ colorScheme: "light" });
}

test("an agent takes the next claim, starts its review, and the timeline shows it", async ({ page }) => {
  // The most urgent unassigned claim can be at any stage; an agent keeps taking until one is new or in triage.
  let number = "";
  for (let attempt = 0; attempt < 8 && !number; attempt++) {
    const taken = await takeNext(page);
    await expect(actionBar(page).getByRole("group", { name: "Status changes" }).or(actionBar(page).getByText("No status change"))).toBeVisible();
    if (await actionBar(page).getByRole("button", { name: "Start review" }).isVisible()) number = taken;
  }
  expect(number, "a new or triaged claim among the first eight taken").not.toBe("");
  await expect(page.getByText(/Taken with Take next by Alex Agent/)).toBeVisible();
  await screenshotBoth(page, "workflow-action-bar");

  await actionBar(page).getByRole("button", { name: "Start review" }).click();
  await expect(page.getByText(`${number} is now in review`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 }).locator("..").getByText("In review")).toBeVisible();
  await expect(page.getByText(/Status: (New|Triage) → In review/)).toBeVisible();
  // The bar now offers what follows a review, never the step just taken.
  await expect(actionBar(page).getByRole("button", { name: "Start review" })).toHaveCount(0);
});

test("a change made elsewhere meanwhile opens the conflict dialog instead of being overwritten", async ({ page, browser }) => {
  const number = await takeNext(page);
  const url = page.url();
  const supervisor = await browser.newContext({ storageState: storageStateFor("supervisor") });
  const other = await supervisor.newPage();
  await other.goto(url);
  const theirs = actionBar(other).getByRole("combobox", { name: "Priority" });
  const current = (await theirs.textContent())!.trim();
  const next = current === "Low" ? "High" : "Low";
  await theirs.click();
  await other.getByRole("option", { name: next }).click();
  await expect(other.getByText(`${number}: priority set to ${next.toLowerCase()}`)).toBeVisible();
  await supervisor.close();

  // This page still shows the old version: acting on it must not overwrite the supervisor's change.
  await actionBar(page).getByRole("combobox", { name: "Priority" }).click();
  await page.getByRole("option", { name: "Urgent" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("This claim changed while you had it open");
  await expect(dialog).toContainText(`${number} changed since you opened it (priority changed by Sam Supervisor)`);
  await screenshotBoth(page, "workflow-conflict-dialog");
  await dialog.getByRole("button", { name: "Reload claim" }).click();
  await expect(dialog).toBeHidden();
  await expect(actionBar(page).getByRole("combobox", { name: "Priority" })).toHaveText(next);
  await expect(page.getByText(`Priority: ${current} → ${next}`)).toBeVisible();
});

test("two selected queue rows are assigned in one go, with the outcome in a toast", async ({ page }) => {
  await page.goto("/queue?view=unassigned");
  const rows = page.locator("tbody tr[data-row-id]");
  await expect(rows.nth(1)).toBeVisible();
  const numbers = [(await rows.nth(0).locator("td").nth(1).textContent())!.trim(), (await rows.nth(1).locator("td").nth(1).textContent())!.trim()];
  for (const n of numbers) await page.getByRole("checkbox", { name: `Select ${n}` }).click();
  const bar = page.getByRole("toolbar", { name: "Bulk actions" });
  await expect(bar).toContainText("2 selected");
  await screenshotBoth(page, "workflow-bulk-bar");

  await bar.getByRole("button", { name: "Assign to me" }).click();
  await expect(page.getByText("2 assigned", { exact: true })).toBeVisible();
  await expect(bar).toBeHidden();
  for (const n of numbers) await expect(page.getByRole("cell", { name: n, exact: true })).toHaveCount(0);

  await page.goto("/queue?view=mine");
  await page.getByLabel("Search claims").fill(numbers[0]!);
  await expect(page.getByRole("row").nth(1)).toContainText("Alex Agent");
});

test("the command palette jumps to a claim by number, and ? lists the shortcuts", async ({ page }) => {
  await page.goto("/queue");
  const first = (await page.locator("tbody tr[data-row-id]").first().locator("td").nth(1).textContent())!.trim();
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole("option", { name: "Queue: Unassigned" })).toBeVisible();
  // Agents never see supervisor pages, in the palette either.
  await expect(palette.getByRole("option", { name: "Approvals" })).toHaveCount(0);
  await page.keyboard.type(String(Number(first.replace("CLM-", ""))));
  await expect(palette.getByRole("option", { name: `Open ${first}` })).toBeVisible();
  await screenshotBoth(page, "workflow-command-palette");
  await palette.getByRole("option", { name: `Open ${first}` }).click();
  await expect(page).toHaveURL(new RegExp(`/claims/${first}$`));
  await expect(palette).toBeHidden();
  await expect(page.getByRole("heading", { name: first })).toBeVisible();

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
});

test("j and k walk the queue page from a claim, g goes to grading, and no key fires while typing", async ({ page }) => {
  await page.goto("/queue?view=all");
  const rows = page.locator("tbody tr[data-row-id]");
  await expect(rows.nth(2)).toBeVisible();
  const [first, second] = [(await rows.nth(0).locator("td").nth(1).textContent())!.trim(), (await rows.nth(1).locator("td").nth(1).textContent())!.trim()];

  // Typing in the search box types; it never takes a claim or moves.
  await page.getByLabel("Search claims").fill("");
  await page.getByLabel("Search claims").press("n");
  await expect(page).toHaveURL(/\/queue\?q=n/);
  await page.goto("/queue?view=all");
  await expect(rows.nth(2)).toBeVisible();

  await rows.nth(0).getByRole("link", { name: first }).click({ force: true });
  await expect(page.getByRole("heading", { name: first })).toBeVisible();
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`/claims/${second}$`));
  await expect(page.getByRole("heading", { name: second })).toBeVisible();
  await page.keyboard.press("k");
  await expect(page.getByRole("heading", { name: first })).toBeVisible();
  await page.keyboard.press("k");
  await expect(page.getByText("That was the first claim on the queue page you came from.")).toBeVisible();

  await page.keyboard.press("g");
  await expect(page.locator("#grading")).toBeFocused();
});
