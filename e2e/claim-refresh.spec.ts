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
});
