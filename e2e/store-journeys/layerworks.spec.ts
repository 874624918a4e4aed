import { expect, test, type Page } from "@playwright/test";
import { dayAgo, openShopClaim, shot, storageStateFor } from "../fixtures.ts";

// Layerworks (issue 14): a kit's parts are judged one by one (L1). A tracked repair pause moves the warranty's
// end (L9) and brings an expired claim back under warranty; then a void cause found on the motor (L5) voids that
// line only, and the heated bed keeps its replacement.
test.use({ storageState: storageStateFor("agent"), viewport: { width: 1440, height: 1600 } });

const dayMs = 86_400_000;
/** The warranty's end as the policy panel's deadlines give it (a machine-readable instant). */
const warrantyEnd = (page: Page) => page.getByRole("region", { name: "Deadlines" }).getByRole("listitem").filter({ hasText: "Warranty ends" }).locator("time");
/** A day as the case facts panel writes it, formatted by the browser itself. */
const dayText = (page: Page, iso: string) =>
  page.evaluate((i) => new Date(i).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }), iso);

test("a tracked repair pause moves the warranty's end; a void cause on the motor voids that line only", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  // Delivered a year and ten days ago: without the pause the 12 months (L2) ended before the report.
  const number = await openShopClaim(baseURL!, "layerworks", {
    placedDaysAgo: 380,
    deliveredDaysAgo: 375,
    reason: "warranty",
    description: "Z axis stalls and the heated bed no longer heats.",
    lines: [
      { sku: "LW-ZMOTOR", name: "Z-axis stepper motor", unitPriceCents: 2_900, quantity: 1, motor: true },
      { sku: "LW-BED", name: "Heated bed", unitPriceCents: 5_900, quantity: 1 },
    ],
  });
  await page.goto(`/claims/${number}`);
  await expect(page.getByRole("heading", { name: number })).toBeVisible();
  await page.getByRole("region", { name: "Claim workflow" }).getByRole("button", { name: "Start review" }).click();
  await expect(page.getByText(`${number} is now in review`)).toBeVisible();

  const findings = page.getByRole("region", { name: "Findings" });
  const options = page.getByRole("region", { name: "Resolution options" });
  await expect(findings).toContainText("Warranty expired");
  await expect(options).toContainText("The policy offers no resolution for this case.");
  const endBefore = (await warrantyEnd(page).getAttribute("dateTime"))!;
  expect(Date.parse(endBefore)).toBeLessThan(Date.now());

  // The printer was away for repair 30 days, both legs tracked: the end moves by exactly those 30 days.
  const facts = page.locator("#case-facts");
  const pauses = facts.getByRole("group", { name: "Repair pauses" });
  await expect(pauses).toContainText(`Warranty ends ${await dayText(page, endBefore)}`);
  await pauses.getByRole("button", { name: "Add repair pause" }).click();
  const pauseDialog = page.getByRole("dialog", { name: "Record a repair pause" });
  await pauseDialog.getByLabel("Left the customer").fill(dayAgo(200));
  await pauseDialog.getByLabel("Back with the customer").fill(dayAgo(170));
  await pauseDialog.getByLabel("Tracking, to repair").fill("1Z999AA10000000101");
  await pauseDialog.getByLabel("Tracking, back").fill("1Z999AA10000000102");
  await pauseDialog.getByRole("button", { name: "Save pause" }).click();
  await expect(pauseDialog).toBeHidden();
  await expect(pauses).toContainText("Extends the warranty");
  const endAfter = new Date(Date.parse(endBefore) + 30 * dayMs).toISOString();
  await expect(warrantyEnd(page)).toHaveAttribute("dateTime", endAfter);
  await expect(pauses).toContainText(`Warranty ends ${await dayText(page, endAfter)} (with 30 days of repair pauses)`);
  await expect(findings).not.toContainText("Warranty expired");
  await expect(options.getByRole("listitem").filter({ hasText: "Replacement" })).toContainText("L1");
  await facts.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot("journey-layerworks-pause-moves-warranty") });

  // The motor was run at a higher current than rated (L5): only the motor's warranty is void.
  const voids = facts.getByRole("group", { name: "Void causes" });
  await voids.getByRole("button", { name: "Edit void causes of Z-axis stepper motor" }).click();
  const voidDialog = page.getByRole("dialog", { name: "Void causes: Z-axis stepper motor" });
  await voidDialog.getByLabel("Wrong rated current").check();
  await voidDialog.getByLabel("What you saw").fill("Driver set to 2.5 A on a 1.5 A motor.");
  await voidDialog.getByRole("button", { name: "Save causes" }).click();
  await expect(voidDialog).toBeHidden();
  await expect(voids.getByRole("listitem").filter({ hasText: "Z-axis stepper motor" })).toContainText("Wrong rated current");
  await expect(voids.getByRole("listitem").filter({ hasText: "Heated bed" })).toContainText("None found");

  await expect(findings.getByRole("listitem").filter({ hasText: "Warranty void" })).toContainText("LW-ZMOTOR");
  await expect(findings.getByRole("listitem").filter({ hasText: "Warranty void" })).toContainText("L5");
  const replacement = options.getByRole("listitem").filter({ hasText: "Replacement" });
  await expect(replacement).toContainText("for LW-BED");
  await expect(options.getByRole("listitem").filter({ hasText: "Repair" })).toContainText("for LW-BED");
  // The claim as a whole stays open to review: one voided line does not sink the kit.
  await expect(page.getByText("Eligibility", { exact: true }).locator("..")).toContainText("Needs review");
  await page.getByText("Policy decision").scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot("journey-layerworks-void-one-line") });

  // The replacement covers the bed alone: the parcel the agent records holds the bed, not the voided motor.
  const resolution = page.locator("#resolution");
  await resolution.getByRole("button", { name: "Propose replacement" }).click();
  await expect(resolution.getByText("Chosen resolution: replacement.")).toBeVisible();
  await resolution.getByRole("button", { name: "Ship replacement" }).click();
  const ship = page.getByRole("dialog", { name: "Ship replacement parts" });
  await expect(ship.getByLabel("Part 1 SKU")).toHaveValue("LW-BED");
  await expect(ship.getByLabel("Part 2 SKU")).toHaveCount(0);
  await ship.getByLabel("Carrier").fill("UPS");
  await ship.getByLabel("Tracking number").fill("1Z999AA10000000103");
  await ship.getByRole("button", { name: "Record shipment" }).click();
  await expect(ship).toBeHidden();
  await expect(resolution.getByRole("list", { name: "Shipments" })).toContainText("1 × Heated bed (LW-BED)");
});
