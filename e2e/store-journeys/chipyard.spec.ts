import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { newAgentContext, openShopClaim, shot, storageStateFor } from "../fixtures.ts";

// Chipyard (issue 14): returns travel only with an RMA (C1), issued only for goods in returnable condition or
// on a supervisor's exception (C4, rev. 2), and only with FedEx or DHL, recognised by name whatever the
// service (C2, rev. 2); a wrong item kept with C6's compensation still gets the right item,
// reshipped like a replacement once the compensation is paid (C6, rev. 2).
test.use({ viewport: { width: 1440, height: 1500 } });

const wrongItem = (sku: string) => ({
  placedDaysAgo: 4,
  deliveredDaysAgo: 1,
  reason: "wrong_item",
  description: "Ordered ESP32 boards, received ESP8266 boards.",
  lines: [{ sku, name: "ESP32 dev board", unitPriceCents: 1_800, quantity: 5, electronic: true }],
  evidence: ["comparison_screenshot", "photo"],
});

async function startReview(page: Page, number: string) {
  await page.goto(`/claims/${number}`);
  // The first claim page of a run loads the policy engine's chunks: give a busy machine time.
  await expect(page.getByRole("heading", { name: number })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("region", { name: "Claim workflow" }).getByRole("button", { name: "Start review" }).click();
  await expect(page.getByText(`${number} is now in review`)).toBeVisible();
}

/** A toast: the same words can also be a return step's label or a timeline entry. */
const toast = (page: Page, text: string | RegExp) => page.getByRole("region", { name: /Notifications/ }).getByText(text);

let agentContext: BrowserContext;
test.beforeEach(async ({ browser, baseURL }) => {
  // The demo agent does not work chipyard; a colleague who does proposes, the supervisor approves (X3).
  agentContext = await newAgentContext(browser, baseURL!, ["chipyard"]);
});
test.afterEach(async () => agentContext.close());

test("an RMA return ships with DHL under its service name; a kept wrong item's right item is reshipped after the compensation", async ({ browser, baseURL }) => {
  test.setTimeout(360_000);
  const agent = await agentContext.newPage();

  // 1. The customer sends the wrong boards back: the return is authorised with an RMA number (C1).
  const returned = await openShopClaim(baseURL!, "chipyard", wrongItem("CY-ESP32-R"));
  await startReview(agent, returned);
  const returnPart = agent.locator("#resolution").getByRole("region", { name: "Return" });
  await returnPart.getByRole("button", { name: "Authorise return and issue RMA" }).click();
  await expect(toast(agent, "Return authorised")).toBeVisible();
  await expect(returnPart.getByRole("listitem").filter({ hasText: "Return authorised" })).toContainText(/RMA\d{9}/);

  // C2: a postal service is refused with its clause; DHL under its full service name is DHL.
  await returnPart.getByRole("button", { name: "Record shipment" }).click();
  const dialog = agent.getByRole("dialog", { name: "Record the return shipment" });
  await expect(dialog).toContainText("Returns must ship with");
  await dialog.getByLabel("Carrier").fill("USPS Priority Mail");
  await dialog.getByLabel("Tracking number").fill("9400111899223100000000");
  await dialog.getByRole("button", { name: "Save shipment" }).click();
  await expect(toast(agent, /C2: USPS Priority Mail is refused; returns must ship with/)).toBeVisible();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Carrier").fill("DHL Express Worldwide");
  await dialog.getByLabel("Tracking number").fill("JD014600006281234567");
  await dialog.getByRole("button", { name: "Save shipment" }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(agent, "Return shipment recorded")).toBeVisible();
  await expect(returnPart.getByRole("listitem").filter({ hasText: "Shipped by the customer" })).toContainText("DHL Express Worldwide JD014600006281234567");
  await returnPart.scrollIntoViewIfNeeded();
  await agent.screenshot({ path: shot("journey-chipyard-return-dhl") });

  // 2. Another customer keeps the wrong boards: 50 % of the price difference (C6), then the right boards ship.
  const kept = await openShopClaim(baseURL!, "chipyard", wrongItem("CY-ESP32-K"));
  await startReview(agent, kept);
  const resolution = agent.locator("#resolution");
  await resolution.getByRole("button", { name: "Amounts" }).click();
  const amounts = agent.getByRole("dialog", { name: "Amounts for the refund" });
  await amounts.getByLabel(/Value of the item received/).fill("6.00");
  await amounts.getByRole("button", { name: "Save amounts" }).click();
  await expect(amounts).toBeHidden();
  // Paid 5 × $18.00 = $90.00, received $6.00: half the difference is $42.00.
  const keep = resolution.getByRole("row", { name: /Keep with compensation/ });
  await expect(keep).toContainText("$42.00");
  await keep.getByRole("button", { name: "Propose refund" }).click();
  const proposal = agent.getByRole("dialog", { name: "Propose a refund" });
  await expect(proposal).toContainText("Amount set by the policy (C6): $42.00");
  await proposal.getByRole("button", { name: "Propose refund" }).click();
  await expect(proposal).toBeHidden();
  const proposed = resolution.getByRole("table", { name: "Refunds" }).getByRole("row", { name: /Keep with compensation/ });
  await expect(proposed).toContainText("Awaiting approval");
  const reference = (await proposed.getByText(/^RF-\d{4}-\d{6}$/).textContent())!.trim();

  const supervisor = await browser.newPage({ storageState: storageStateFor("supervisor") });
  await supervisor.goto("/approvals?order=desc");
  await supervisor.getByRole("row", { name: new RegExp(reference) }).getByText(reference).click();
  await supervisor.getByRole("button", { name: "Approve" }).click();
  await expect(supervisor.getByText(`${reference} approved`)).toBeVisible();
  await supervisor.goto(`/claims/${kept}`);
  const supResolution = supervisor.locator("#resolution");
  await supResolution.getByRole("table", { name: "Refunds" }).getByRole("button", { name: "Record payout" }).click();
  await expect(toast(supervisor, "Payout recorded")).toBeVisible();
  await expect(supervisor.getByRole("heading", { name: kept }).locator("..")).toContainText("Refunded");
  await supervisor.close();

  // The compensation is paid; the right boards still owe: the agent records their parcel like a replacement.
  await agent.reload();
  await expect(resolution.getByText("The compensation is paid; the right item still ships to the customer (C6).")).toBeVisible();
  await resolution.getByRole("button", { name: "Ship replacement" }).click();
  const ship = agent.getByRole("dialog", { name: "Ship the right item" });
  await expect(ship.getByLabel("Part 1 SKU")).toHaveValue("CY-ESP32-K");
  await ship.getByLabel("Carrier").fill("DHL");
  await ship.getByLabel("Tracking number").fill("JD014600006281239999");
  await ship.getByRole("button", { name: "Record shipment" }).click();
  await expect(ship).toBeHidden();
  await expect(resolution.getByRole("list", { name: "Shipments" })).toContainText("5 × ESP32 dev board (CY-ESP32-K)");
  await expect(agent.getByRole("heading", { name: kept }).locator("..")).toContainText("Replacement shipped");
  await resolution.scrollIntoViewIfNeeded();
  await agent.screenshot({ path: shot("journey-chipyard-reshipment") });
});

test("no RMA while the goods are not in returnable condition, until a supervisor records an exception (C4)", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const agent = await agentContext.newPage();
  const number = await openShopClaim(baseURL!, "chipyard", wrongItem("CY-ESP32-C"));
  await startReview(agent, number);

  // The customer's photo shows the boards flashed: the agent records it before anything is authorised.
  const facts = agent.locator("#case-facts");
  await expect(facts.getByRole("group", { name: "Goods' condition" })).toContainText("Not recorded: needed before the RMA (C4)");
  await facts.getByRole("button", { name: "Record goods' condition" }).click();
  const dialog = agent.getByRole("dialog", { name: "Goods' condition" });
  await dialog.getByLabel("Programmed").check();
  await dialog.getByLabel("What you saw").fill("Photo shows our test firmware's LED pattern");
  await dialog.getByRole("button", { name: "Save condition" }).click();
  await expect(dialog).toBeHidden();
  await expect(facts.getByRole("group", { name: "Goods' condition" })).toContainText("Programmed");

  const returnPart = agent.locator("#resolution").getByRole("region", { name: "Return" });
  await returnPart.getByRole("button", { name: "Authorise return and issue RMA" }).click();
  await expect(toast(agent, /C4: the goods are not in returnable condition \(programmed\)/)).toBeVisible();
  await facts.scrollIntoViewIfNeeded();
  await agent.screenshot({ path: shot("journey-chipyard-condition-breach") });

  // A supervisor accepts the flashed boards back; the RMA is then issued.
  const supervisor = await browser.newPage({ storageState: storageStateFor("supervisor") });
  await supervisor.goto(`/claims/${number}`);
  await supervisor.locator("#resolution").getByRole("button", { name: "Record exception" }).click();
  const exception = supervisor.getByRole("dialog", { name: "Record an exception" });
  await exception.getByLabel("Reason").fill("Flashing is our own test step; the boards are resellable.");
  await exception.getByRole("button", { name: "Record exception" }).click();
  await expect(exception).toBeHidden();
  await supervisor.close();

  await agent.reload();
  await returnPart.getByRole("button", { name: "Authorise return and issue RMA" }).click();
  await expect(toast(agent, "Return authorised")).toBeVisible();
  await expect(returnPart.getByRole("listitem").filter({ hasText: "Return authorised" })).toContainText(/RMA\d{9}/);
});
