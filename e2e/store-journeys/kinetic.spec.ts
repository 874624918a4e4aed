import { expect, test } from "@playwright/test";
import { openShopClaim, shot, storageStateFor } from "../fixtures.ts";

// Kinetic (issue 14): a quality defect reported after K2's 30 days is no longer returned or refunded, but the
// motor is still inside K5's warranty year: the policy offers the warranty's replacement and nothing else
// (rev. 2), and the agent proposes and ships it.
test.use({ storageState: storageStateFor("agent"), viewport: { width: 1440, height: 1400 } });

test("a late quality defect gets only the warranty's replacement, which the agent proposes and ships", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const number = await openShopClaim(baseURL!, "kinetic", {
    placedDaysAgo: 70,
    deliveredDaysAgo: 60,
    reason: "quality_defect",
    description: "The stepper skips steps since last week.",
    lines: [
      { sku: "KJ-NEMA17", name: "NEMA 17 stepper motor", unitPriceCents: 4_500, quantity: 1, motor: true },
      { sku: "KJ-PLATE", name: "Gantry plate", unitPriceCents: 1_900, quantity: 1 },
    ],
    claimed: [{ sku: "KJ-NEMA17", quantity: 1 }],
  });

  await page.goto(`/claims/${number}`);
  await expect(page.getByRole("heading", { name: number })).toBeVisible();
  const bar = page.getByRole("region", { name: "Claim workflow" });
  await bar.getByRole("button", { name: "Start review" }).click();
  await expect(page.getByText(`${number} is now in review`)).toBeVisible();

  // The policy panel: 60 days after delivery is past K2's window, so no refund and no return; the warranty's
  // replacement (K5) is the one option, and a person confirms the late defect (needs review).
  const findings = page.getByRole("region", { name: "Findings" });
  await expect(findings.getByRole("listitem").filter({ hasText: "Window expired" })).toContainText("the warranty's replacement (K5) applies");
  const options = page.getByRole("region", { name: "Resolution options" });
  await expect(options.getByRole("listitem")).toHaveCount(1);
  await expect(options.getByRole("listitem")).toContainText("Replacement");
  await expect(options.getByRole("listitem")).toContainText("K5");
  await expect(options).not.toContainText(/refund/i);

  const resolution = page.locator("#resolution");
  const table = resolution.getByRole("table", { name: "Resolution options" });
  // One option row under the (screen-reader) header row.
  await expect(table.getByRole("row").filter({ has: page.getByRole("cell") })).toHaveCount(1);
  await expect(table.getByRole("button", { name: "Propose refund" })).toHaveCount(0);
  await page.getByText("Policy decision").scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot("journey-kinetic-late-defect") });

  await table.getByRole("button", { name: "Propose replacement" }).click();
  await expect(page.getByRole("heading", { name: number }).locator("..")).toContainText("Resolution proposed");
  await expect(resolution.getByText("Chosen resolution: replacement.")).toBeVisible();

  await resolution.getByRole("button", { name: "Ship replacement" }).click();
  const dialog = page.getByRole("dialog", { name: "Ship replacement parts" });
  // The parcel's parts come prefilled from the claimed line: only the motor goes out.
  await expect(dialog.getByLabel("Part 1 SKU")).toHaveValue("KJ-NEMA17");
  await expect(dialog.getByLabel("Part 2 SKU")).toHaveCount(0);
  await dialog.getByLabel("Carrier").fill("UPS");
  await dialog.getByLabel("Tracking number").fill("1Z999AA10123456785");
  await dialog.getByRole("button", { name: "Record shipment" }).click();
  await expect(dialog).toBeHidden();

  const shipments = resolution.getByRole("list", { name: "Shipments" });
  await expect(shipments).toContainText("Replacement");
  await expect(shipments).toContainText("1Z999AA10123456785");
  await expect(shipments).toContainText("1 × NEMA 17 stepper motor (KJ-NEMA17)");
  await expect(page.getByRole("heading", { name: number }).locator("..")).toContainText("Replacement shipped");
  await resolution.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot("journey-kinetic-replacement-shipped") });
});
