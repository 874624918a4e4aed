import { expect, test, type Locator, type Page } from "@playwright/test";
import { openShopClaim, shot, storageStateFor } from "../fixtures.ts";

// Atelier (issue 14): graded compensation per part (A3–A5) and per line (X9): a head sculpt graded Medium gets
// half its $25 maximum, a seamless figure graded High its whole $40, and a detached arm is worth at most $5
// whatever the part (A5, rev. 2); the supervisor sees and pays the amount line by line. Box damage is covered
// only when severe (A1): the partial refund appears once the agent records the severity.
test.use({ viewport: { width: 1440, height: 1500 } });

async function grade(page: Page, form: Locator, issue: RegExp, part: RegExp, grade: RegExp) {
  for (const [label, option] of [["Issue", issue], ["Part", part], ["Grade", grade]] as const) {
    await form.getByRole("combobox", { name: label }).click();
    await page.getByRole("option", { name: option }).click();
  }
}

async function startReview(page: Page, number: string) {
  await page.goto(`/claims/${number}`);
  // The first claim page of a run loads the policy engine's chunks: give a busy machine time.
  await expect(page.getByRole("heading", { name: number })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("region", { name: "Claim workflow" }).getByRole("button", { name: "Start review" }).click();
  await expect(page.getByText(`${number} is now in review`)).toBeVisible();
}

test("grades are paid per line with the detachment maximum, and severe box damage opens the partial refund", async ({ browser, baseURL }) => {
  test.setTimeout(360_000);
  const agent = await browser.newPage({ storageState: storageStateFor("agent") });
  const number = await openShopClaim(baseURL!, "atelier", {
    placedDaysAgo: 10,
    deliveredDaysAgo: 5,
    reason: "quality_defect",
    description: "The head's LED eyes are dark, the silicone body is torn, an arm came off.",
    lines: [
      { sku: "AT-HEAD", name: "Ronin head sculpt", unitPriceCents: 6_000, quantity: 1 },
      { sku: "AT-BODY", name: "Seamless body", unitPriceCents: 15_000, quantity: 1 },
      { sku: "AT-ARM", name: "Jointed arm", unitPriceCents: 4_500, quantity: 1 },
    ],
    evidence: ["photo"],
  });
  await startReview(agent, number);

  const grading = agent.locator("#grading");
  const lines = [
    { name: "Ronin head sculpt", issue: /^Electronic failure/, part: /^Head sculpt\s*\$25\.00/, grade: /^Medium/, cents: "$12.50" },
    { name: "Seamless body", issue: /^Structural breakage/, part: /^Seamless figure/, grade: /^High/, cents: "$40.00" },
    // A jointed figure part is worth $20, but a detachment (nothing broken) is priced at $5 at most (A5).
    { name: "Jointed arm", issue: /^Detachment/, part: /^Jointed figure/, grade: /^High/, cents: "$5.00" },
  ];
  for (const l of lines) {
    const form = grading.getByRole("form", { name: l.name });
    await grade(agent, form, l.issue, l.part, l.grade);
    await expect(form.getByTestId("line-refund-preview")).toHaveText(l.cents);
    await form.getByRole("button", { name: "Save grading" }).click();
    await expect(form.getByText("not graded yet")).toHaveCount(0);
  }

  // The policy panel splits the partial refund by each line's own amount (X9), never pro rata by price.
  const partial = agent.getByRole("region", { name: "Resolution options" }).getByRole("listitem").filter({ hasText: "Partial refund" });
  await expect(partial).toContainText("AT-HEAD $12.50 · AT-BODY $40.00 · AT-ARM $5.00");
  await expect(partial).toContainText("$57.50");
  await agent.getByText("Policy decision").scrollIntoViewIfNeeded();
  await agent.screenshot({ path: shot("journey-atelier-graded-lines") });

  const resolution = agent.locator("#resolution");
  await resolution.getByRole("row", { name: /Partial refund/ }).getByRole("button", { name: "Propose refund" }).click();
  const proposal = agent.getByRole("dialog", { name: "Propose a refund" });
  await expect(proposal).toContainText("Amount set by the policy (A2): $57.50");
  await proposal.getByLabel(/Note for the supervisor/).fill("The supplier has no spare head, body or arm.");
  await proposal.getByRole("button", { name: "Propose refund" }).click();
  await expect(proposal).toBeHidden();
  const reference = (await resolution.getByRole("table", { name: "Refunds" }).getByText(/^RF-\d{4}-\d{6}$/).first().textContent())!.trim();

  // The supervisor checks each line's share before approving and paying.
  const supervisor = await browser.newPage({ storageState: storageStateFor("supervisor"), viewport: { width: 1440, height: 1500 } });
  await supervisor.goto("/approvals?order=desc");
  await supervisor.getByRole("row", { name: new RegExp(reference) }).getByText(reference).click();
  const breakdown = supervisor.getByRole("region", { name: "Amount, line by line" });
  await expect(breakdown.getByRole("row", { name: /Ronin head sculpt/ })).toContainText(/Medium 50 %.*\$12\.50/);
  await expect(breakdown.getByRole("row", { name: /Seamless body/ })).toContainText(/High 100 %.*\$40\.00/);
  await expect(breakdown.getByRole("row", { name: /Jointed arm/ })).toContainText(/High 100 % × detachment.*\$5\.00/i);
  await breakdown.scrollIntoViewIfNeeded();
  await supervisor.screenshot({ path: shot("journey-atelier-approval-lines") });
  await supervisor.getByRole("button", { name: "Approve" }).click();
  await expect(supervisor.getByText(`${reference} approved`)).toBeVisible();
  await supervisor.goto(`/claims/${number}`);
  const refunds = supervisor.locator("#resolution").getByRole("table", { name: "Refunds" });
  await refunds.getByRole("button", { name: "Record payout" }).click();
  await expect(refunds.getByRole("row", { name: new RegExp(reference) })).toContainText("Paid");
  await expect(refunds.getByRole("row", { name: new RegExp(reference) })).toContainText("$57.50");
  await supervisor.close();

  // A1: a crushed outer box. Until the severity is recorded the policy waits; severe opens the partial refund.
  const box = await openShopClaim(baseURL!, "atelier", {
    placedDaysAgo: 10,
    deliveredDaysAgo: 3,
    reason: "packaging_damage",
    description: "The outer box arrived crushed on one corner.",
    lines: [{ sku: "AT-FIG", name: "Samurai collector figure", unitPriceCents: 24_000, quantity: 1 }],
    evidence: ["photo"],
  });
  await startReview(agent, box);
  const facts = agent.locator("#case-facts");
  const severity = facts.getByRole("group", { name: "Packaging damage" });
  await expect(severity).toContainText("Severity not recorded: the policy waits for it");
  const options = agent.getByRole("region", { name: "Resolution options" });
  await expect(options).not.toContainText("Partial refund");
  await severity.getByRole("button", { name: "Record packaging damage severity" }).click();
  const dialog = agent.getByRole("dialog", { name: "Packaging damage" });
  await dialog.getByRole("combobox", { name: "Severity" }).click();
  await agent.getByRole("option", { name: "Severe outer-packaging damage" }).click();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(severity).toContainText("Severe outer-packaging damage");
  const boxRefund = options.getByRole("listitem").filter({ hasText: "Partial refund" });
  await expect(boxRefund).toContainText("A1");
  await agent.getByText("Policy decision").scrollIntoViewIfNeeded();
  await agent.screenshot({ path: shot("journey-atelier-severe-box") });
  await agent.close();
});
