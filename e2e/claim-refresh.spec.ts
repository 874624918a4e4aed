import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { shot, storageStateFor } from "./fixtures.ts";

// Issue 14, seen in the browser: (1) after propose replacement or ship replacement the claim page's action
// bar kept the buttons of the old status (Cancel, which then failed with 412) and hid Close until a reload;
// (2) after a wait on the customer the queue's Due column and the policy panel showed different due times.

test.use({ storageState: storageStateFor("agent"), viewport: { width: 1440, height: 1400 } });

const actionBar = (page: Page) => page.getByRole("region", { name: "Claim workflow" });
const resolution = (page: Page) => page.locator("#resolution");

const trpcGet = async (request: APIRequestContext, path: string, input: unknown) => {
  const res = await request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(res.ok()).toBe(true);
  return (await res.json()).result.data.json;
};
const trpcPost = async (request: APIRequestContext, path: string, input: unknown) => {
  const res = await request.post(`/trpc/${path}`, { data: { json: input } });
  expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
  return (await res.json()).result.data.json;
};
const refOf = async (request: APIRequestContext, number: string) => ({ number, version: (await trpcGet(request, "claims.getClaim", { number })).version as number });
type Row = { number: string; dueAt: string | null };
type Evaluation = { decision: { eligibility: string; options: { kind: string }[]; evidence: { provided: number; required: number }[] } };

/** The first claim of a queue page whose policy decision passes `test`. */
async function findClaim(request: APIRequestContext, filters: unknown, test: (e: Evaluation) => boolean, sortBy = "number"): Promise<string> {
  const page = await trpcGet(request, "claims.listClaims", { filters, sortBy, sortOrder: sortBy === "number" ? "desc" : "asc", pageSize: 100 });
  for (const row of page.rows as Row[]) {
    if (sortBy === "dueAt" && !row.dueAt) break;
    if (test(await trpcGet(request, "claims.evaluateClaim", { number: row.number }))) return row.number;
  }
  throw new Error(`demo data: no claim for ${JSON.stringify(filters)}`);
}

test("proposing and shipping a replacement refresh the action bar without a reload", async ({ page }) => {
  test.setTimeout(90_000);
  const number = await findClaim(page.request, { store: ["kinetic"], reason: ["quality_defect"], status: ["in_review"] }, (e) =>
    e.decision.eligibility !== "ineligible" && e.decision.options.some((o) => o.kind === "replacement"),
  );
  await page.goto(`/claims/${number}`);
  const bar = actionBar(page);
  await expect(bar.getByRole("button", { name: "Cancel claim…" })).toBeVisible();
  await expect(bar.getByRole("button", { name: "Close" })).toHaveCount(0);

  await resolution(page).getByRole("button", { name: "Propose replacement" }).click();
  // resolution_proposed: Close is open now, without a reload.
  await expect(bar.getByRole("button", { name: "Close" })).toBeVisible();
  await expect(page.getByRole("heading", { name: number }).locator("..")).toContainText("Resolution proposed");

  await resolution(page).getByRole("button", { name: "Ship replacement" }).click();
  const dialog = page.getByRole("dialog", { name: "Ship replacement parts" });
  await dialog.getByLabel("Carrier").fill("UPS");
  await dialog.getByLabel("Tracking number").fill("1Z999AA10123456784");
  await dialog.getByRole("button", { name: "Record shipment" }).click();
  await expect(dialog).toBeHidden();
  // replacement_shipped: nothing to cancel any more, Close is the way forward, the clock has stopped.
  await expect(bar.getByRole("button", { name: "Cancel claim…" })).toHaveCount(0);
  await expect(bar.getByRole("button", { name: "Close" })).toBeVisible();
  await expect(page.getByText("The claim is finished: its deadlines no longer run.")).toBeVisible();
  await expect(resolution(page).getByText("1Z999AA10123456784")).toBeVisible();
  await page.getByRole("heading", { name: number }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot("claim-refresh-after-ship") });

  // Close works from the refreshed bar (it used to take a reload first).
  await bar.getByRole("button", { name: "Close" }).click();
  await expect(page.getByText(`${number} is now closed`)).toBeVisible();
  await expect(bar.getByRole("button", { name: "Close" })).toHaveCount(0);
});

test.describe("as a supervisor (our review deadlines are everyday's and chipyard's)", () => {
  test.use({ storageState: storageStateFor("supervisor") });

  test("after a wait on the customer the queue and the policy panel show the same shifted due time", async ({ page }) => {
    test.setTimeout(90_000);
    const number = await findClaim(
      page.request,
      { status: ["in_review"] },
      (e) => e.decision.evidence.some((x) => x.provided < x.required),
      "dueAt",
    );
    await page.goto(`/claims/${number}`);
    const evidence = page.locator("#evidence");
    await evidence.getByRole("button", { name: "Request evidence" }).click();
    const dialog = page.getByRole("dialog", { name: "Request evidence" });
    await dialog.getByRole("button", { name: "Send request" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Our deadlines are paused while we wait on the customer; they resume shifted by the wait.")).toBeVisible();
    // The wait lasted as long as this page took between the two clicks: the deadlines move by that much.
    await page.getByRole("button", { name: "Evidence received" }).click();
    const next = page.getByRole("listitem").filter({ hasText: "next due" }).locator("time");
    await expect(next).toBeVisible();
    const panelDue = await next.getAttribute("datetime");

    await page.goto(`/queue?q=${number}`);
    const row = page.locator("tbody tr[data-row-id]").filter({ hasText: number });
    await expect(row.locator("time")).toHaveAttribute("datetime", panelDue!);
    await page.screenshot({ path: shot("claim-refresh-queue-due") });
  });

  test("a C6 compensation paid as a refund still ships the right item from the claim page", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const sup = page.request;
    const number = await findClaim(sup, { store: ["chipyard"], reason: ["wrong_item"], status: ["in_review"] }, (e) =>
      e.decision.eligibility !== "ineligible" && e.decision.options.some((o) => o.kind === "keep_with_compensation"),
    );
    // Set up through the API: the received item's value (C6), the compensation proposed by the supervisor,
    // approved and paid by the admin (X3). The claim is then refunded.
    const claim = await trpcGet(sup, "claims.getClaim", { number });
    const paid = (claim.lines as { unitPriceCents: number; quantity: number }[]).reduce((s, l) => s + l.unitPriceCents * l.quantity, 0);
    await trpcPost(sup, "resolution.recordResolutionAmounts", { ...(await refOf(sup, number)), receivedItemValueCents: Math.floor(paid / 4) });
    await trpcPost(sup, "resolution.proposeRefund", { ...(await refOf(sup, number)), option: "keep_with_compensation", method: "store_coupon", idempotencyKey: randomUUID() });
    const state = await trpcGet(sup, "resolution.getResolutionState", { number });
    const refund = (state.refunds as { id: number; status: string; idempotencyKey: string }[]).find((r) => r.status === "proposed")!;
    const admin = await browser.newContext({ storageState: storageStateFor("admin") });
    await trpcPost(admin.request, "approvals.approveRefund", { refundId: refund.id, idempotencyKey: refund.idempotencyKey, comment: "C6 compensation" });
    await trpcPost(admin.request, "approvals.executeRefund", { refundId: refund.id });
    await admin.close();

    await page.goto(`/claims/${number}`);
    await expect(page.getByRole("heading", { name: number }).locator("..")).toContainText("Refunded");
    await expect(resolution(page).getByText("The compensation is paid; the right item still ships to the customer (C6).")).toBeVisible();
    await resolution(page).getByRole("button", { name: "Ship replacement" }).click();
    const dialog = page.getByRole("dialog", { name: "Ship the right item" });
    await dialog.getByLabel("Carrier").fill("DHL");
    await dialog.getByLabel("Tracking number").fill("JD0146000777");
    await dialog.getByRole("button", { name: "Record shipment" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("heading", { name: number }).locator("..")).toContainText("Replacement shipped");
    await expect(resolution(page).getByRole("region", { name: "Shipments" })).toContainText("JD0146000777");
    await expect(actionBar(page).getByRole("button", { name: "Close" })).toBeVisible();
    await page.getByRole("heading", { name: number }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot("claim-c6-reshipment") });
  });
});
