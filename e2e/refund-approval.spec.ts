import { expect, test, type Page } from "@playwright/test";
import { shot, storageStateFor } from "./fixtures.ts";

// An agent grades an atelier accessory issue and proposes the graded partial refund; a supervisor approves it
// in the Approvals queue; the refund then shows on the claim with its reference, and in the timeline.

async function pick(page: Page, scope: ReturnType<Page["locator"]>, label: string, option: RegExp) {
  await scope.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).click();
}

/** An atelier missing-accessory claim the agent can grade: one in review, else one started from triage. */
async function openAccessoryClaim(page: Page): Promise<string> {
  for (const status of ["in_review", "triage", "new"]) {
    await page.goto(`/queue?store=atelier&reason=missing_accessory&status=${status}`);
    // The header's count appears once the page has loaded (skeleton rows are not claims).
    await expect(page.getByText(/^[\d,]+\+? claims?/)).toBeVisible();
    const rows = page.locator("tbody tr[data-row-id]");
    if ((await rows.count()) === 0) continue;
    const number = (await rows.first().locator("td:nth-child(2)").textContent())!.trim();
    await page.goto(`/claims/${number}`);
    await expect(page.getByRole("heading", { name: number })).toBeVisible();
    if (status !== "in_review") {
      await page.getByRole("button", { name: "Start review" }).click();
      await expect(page.getByText("In review").first()).toBeVisible();
    }
    return number;
  }
  throw new Error("the demo data has no atelier missing-accessory claim an agent can work on");
}

test("agent grades and proposes a partial refund, supervisor approves it, the claim shows it", async ({ browser }) => {
  const agent = await browser.newPage({ storageState: storageStateFor("agent"), viewport: { width: 1440, height: 1000 } });
  const number = await openAccessoryClaim(agent);

  const grading = agent.locator("#grading");
  await expect(grading.getByRole("heading", { name: "Grading" }).or(grading.getByText("Grading").first())).toBeVisible();
  const forms = grading.locator("form");
  await expect(forms.first()).toBeVisible();
  const lineCount = await forms.count();
  for (let i = 0; i < lineCount; i++) {
    const form = forms.nth(i);
    await pick(agent, form, "Issue", /^Missing or wrong accessory/);
    await pick(agent, form, "Part", /^Weapon large/);
    await pick(agent, form, "Grade", /^High/);
    // A4 × A5: High is 100 % of the part's 15 USD per unit, capped at what the line paid.
    await expect(form.getByTestId("line-refund-preview")).toHaveText(/^\$\d+\.\d{2}$/);
    if (i === 0) await grading.screenshot({ path: shot("grading-light") });
    await form.getByRole("button", { name: "Save grading" }).click();
    await expect(form.getByText("not graded yet")).toHaveCount(0);
  }

  const resolution = agent.locator("#resolution");
  const partial = resolution.getByRole("row", { name: /Partial refund/ });
  await expect(partial).toContainText(/\$\d+\.\d{2}/);
  await resolution.screenshot({ path: shot("resolution-light") });
  await partial.getByRole("button", { name: "Propose refund" }).click();
  const dialog = agent.getByRole("dialog", { name: "Propose a refund" });
  const amount = (await dialog.getByText(/Amount set by the policy/).locator("span").textContent())!.trim();
  await dialog.getByLabel(/Note for the supervisor/).fill("Supplier has no spare accessory set.");
  await dialog.getByRole("button", { name: "Propose refund" }).click();
  await expect(dialog).toBeHidden();
  const refunds = resolution.getByRole("table", { name: "Refunds" });
  await expect(refunds).toContainText("Awaiting approval");
  await expect(refunds).toContainText(amount);
  const reference = (await refunds.getByText(/^RF-\d{4}-\d{6}$/).first().textContent())!.trim();
  await agent.close();

  const supervisor = await browser.newPage({ storageState: storageStateFor("supervisor"), viewport: { width: 1440, height: 1300 } });
  // Newest first: the demo history already has proposals waiting, older than this one.
  await supervisor.goto("/approvals?order=desc");
  await expect(supervisor.getByRole("heading", { name: "Approvals" })).toBeVisible();
  const row = supervisor.getByRole("row", { name: new RegExp(reference) });
  await expect(row).toContainText(amount);
  await row.getByText(reference).click();
  await expect(supervisor.getByRole("region", { name: "Grading" })).toContainText("Grade high");
  await expect(supervisor.getByRole("region", { name: "Policy" })).toBeVisible();
  await expect(supervisor.getByRole("region", { name: "Evidence" })).toBeVisible();
  // Issue 14: the amount's inputs per line, so the supervisor checks it without opening the claim (X9, A4, A5).
  const breakdown = supervisor.getByRole("region", { name: "Amount, line by line" });
  await expect(breakdown).toContainText(/High 100 % × weapon large max \$15\.00/);
  await expect(breakdown).toContainText("Part maximum");
  await expect(breakdown).toContainText(/claimed/);
  await breakdown.screenshot({ path: shot("approval-amount-light") });
  await supervisor.screenshot({ path: shot("approvals-light"), });
  await supervisor.getByLabel(/^Comment/).fill("Matches the photos.");
  await supervisor.getByRole("button", { name: "Approve" }).click();
  await expect(supervisor.getByText(`${reference} approved`)).toBeVisible();

  await supervisor.goto(`/claims/${number}`);
  const claimRefunds = supervisor.locator("#resolution").getByRole("table", { name: "Refunds" });
  await expect(claimRefunds).toContainText(reference);
  await expect(claimRefunds).toContainText("Approved, to pay");
  await expect(supervisor.getByText("Refund approved").first()).toBeVisible();
  await expect(supervisor.getByText("Refund proposed").first()).toBeVisible();

  // The same pages in dark mode, for review.
  await supervisor.emulateMedia({ colorScheme: "dark" });
  await supervisor.evaluate(() => document.documentElement.classList.add("dark"));
  await supervisor.locator("#resolution").screenshot({ path: shot("resolution-dark") });
  await supervisor.locator("#grading").screenshot({ path: shot("grading-dark") });
  await supervisor.goto(`/approvals?status=approved`);
  await supervisor.evaluate(() => document.documentElement.classList.add("dark"));
  await supervisor.getByRole("row", { name: new RegExp(reference) }).getByText(reference).click();
  await expect(supervisor.getByRole("button", { name: "Record payout" })).toBeVisible();
  await supervisor.screenshot({ path: shot("approvals-dark"), });
  await supervisor.close();
});
