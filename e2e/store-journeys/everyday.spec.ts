import { expect, test, type Page } from "@playwright/test";
import { newAgentContext, openShopClaim, shot, storageStateFor } from "../fixtures.ts";

// Everyday (issue 14): lines are judged separately (X9). A kettle that failed inside E5's 3 months keeps its
// full refund beside mugs graded Medium (E6's partial refund), and the freight the customer advanced although
// the store pays it (E4) is recorded, proposed as a reimbursement of its own and approved by a supervisor.
test.use({ viewport: { width: 1440, height: 1500 } });

async function pick(page: Page, scope: ReturnType<Page["locator"]>, label: string, option: RegExp) {
  await scope.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).click();
}

test("a mixed claim keeps the electronic line's full refund beside a graded line; advanced freight is reimbursed", async ({ browser, baseURL }) => {
  test.setTimeout(360_000);
  const number = await openShopClaim(baseURL!, "everyday", {
    placedDaysAgo: 15,
    deliveredDaysAgo: 12,
    reason: "quality_defect",
    description: "The kettle stopped heating; two mugs came with chipped glaze.",
    lines: [
      { sku: "EV-KETTLE", name: "Electric kettle", unitPriceCents: 6_400, quantity: 1, electronic: true },
      { sku: "EV-MUG", name: "Stoneware mug", unitPriceCents: 2_400, quantity: 2 },
    ],
    evidence: ["photo", "packaging_photo"],
  });

  // The demo agent does not work everyday: a colleague who does takes the claim (and cannot approve it, X3).
  const agentContext = await newAgentContext(browser, baseURL!, ["everyday"]);
  const agent = await agentContext.newPage();
  await agent.goto(`/claims/${number}`);
  await expect(agent.getByRole("heading", { name: number })).toBeVisible();
  await agent.getByRole("region", { name: "Claim workflow" }).getByRole("button", { name: "Start review" }).click();
  await expect(agent.getByText(`${number} is now in review`)).toBeVisible();

  // The mugs' chips do not stop their use: graded Medium, half of what they paid (E6).
  const mugs = agent.locator("#grading").getByRole("form", { name: "Stoneware mug" });
  await pick(agent, mugs, "Grade", /^Medium/);
  await mugs.getByRole("button", { name: "Save grading" }).click();
  await expect(mugs.getByText("not graded yet")).toHaveCount(0);

  const options = agent.getByRole("region", { name: "Resolution options" });
  const full = options.getByRole("listitem").filter({ hasText: "Full refund" });
  await expect(full).toContainText("for EV-KETTLE");
  await expect(full).toContainText("$64.00");
  await expect(full).toContainText("E5");
  const partial = options.getByRole("listitem").filter({ hasText: "Partial refund" });
  await expect(partial).toContainText("for EV-MUG");
  await expect(partial).toContainText("$24.00");
  await expect(partial).toContainText("E6");

  // The customer paid the return freight the store owes (a quality defect: E4) and sent the invoice.
  const facts = agent.locator("#case-facts");
  await facts.getByRole("button", { name: "Record freight the customer advanced" }).click();
  const freight = agent.getByRole("dialog", { name: "Freight the customer advanced" });
  await freight.getByLabel("Amount").fill("12.50");
  await freight.getByLabel("Invoice reference").fill("DHL-INV-4711");
  await freight.getByRole("button", { name: "Save" }).click();
  await expect(freight).toBeHidden();
  await expect(facts.getByRole("group", { name: "Advanced freight" })).toContainText("$12.50 invoice DHL-INV-4711");
  await expect(options).toContainText("Freight reimbursement to the customer's PayPal: $12.50");
  await agent.getByText("Policy decision").scrollIntoViewIfNeeded();
  await agent.screenshot({ path: shot("journey-everyday-mixed-lines") });

  const resolution = agent.locator("#resolution");
  await resolution.getByRole("row", { name: /Freight reimbursement/ }).getByRole("button", { name: "Propose reimbursement" }).click();
  await expect(agent.getByText("Freight reimbursement proposed: it waits for a supervisor")).toBeVisible();
  const refunds = resolution.getByRole("table", { name: "Refunds" });
  const proposed = refunds.getByRole("row", { name: /Freight reimbursement/ });
  await expect(proposed).toContainText("PayPal (E4, outside the refund caps)");
  await expect(proposed).toContainText("$12.50");
  await expect(proposed).toContainText("Awaiting approval");
  const reference = (await proposed.getByText(/^RF-\d{4}-\d{6}$/).textContent())!.trim();
  await agentContext.close();

  const supervisor = await browser.newPage({ storageState: storageStateFor("supervisor") });
  await supervisor.goto("/approvals?order=desc");
  await expect(supervisor.getByRole("heading", { name: "Approvals" })).toBeVisible();
  const row = supervisor.getByRole("row", { name: new RegExp(reference) });
  await expect(row).toContainText("$12.50");
  await row.getByText(reference).click();
  await expect(supervisor.getByText("E4: advanced freight on record $12.50, outside the refund caps (X2)")).toBeVisible();
  await supervisor.screenshot({ path: shot("journey-everyday-freight-approval") });
  await supervisor.getByLabel(/^Comment/).fill("Invoice matches the return parcel.");
  await supervisor.getByRole("button", { name: "Approve" }).click();
  await expect(supervisor.getByText(`${reference} approved`)).toBeVisible();

  await supervisor.goto(`/claims/${number}`);
  const approved = supervisor.locator("#resolution").getByRole("table", { name: "Refunds" }).getByRole("row", { name: new RegExp(reference) });
  await expect(approved).toContainText("Approved by Sam Supervisor");
  await expect(supervisor.getByText("Freight reimbursement proposed").first()).toBeVisible();
  await supervisor.close();
});
