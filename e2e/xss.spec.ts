import { expect, request, test, type APIRequestContext, type Page } from "@playwright/test";
import { shot, storageStateFor } from "./fixtures.ts";

// Stored XSS: markup in a customer name (order import), a claim description and evidence notes, written through
// the API the way any user or store could, then shown on the queue and the claim page. Nothing may run:
// no dialog, no marker set on window, no injected element; the payload must read as plain text.

const tag = `${Date.now().toString(36)}`;
const payloads = {
  name: `<img src=x onerror=window.__xss=1>Eve ${tag}`,
  description: `<script>window.__xss=2</script><b>bold ${tag}</b>`,
  note: `<svg onload=window.__xss=3></svg><a href="javascript:window.__xss=4">click ${tag}</a>`,
};

async function trpc(api: APIRequestContext, procedure: string, input: unknown, type: "query" | "mutation" = "mutation") {
  const envelope = JSON.stringify({ json: input });
  const res =
    type === "query"
      ? await api.get(`/trpc/${procedure}?input=${encodeURIComponent(envelope)}`)
      : await api.post(`/trpc/${procedure}`, { data: envelope, headers: { "content-type": "application/json" } });
  expect(res.ok(), `${procedure}: ${await res.text()}`).toBe(true);
  return (await res.json()).result.data.json;
}

/** Fails the test on any sign that markup ran. */
function watch(page: Page) {
  const ran: string[] = [];
  page.on("dialog", (d) => {
    ran.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return async () => {
    const marker = await page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
    if (marker !== undefined) ran.push(`window.__xss = ${marker}`);
    const injected = await page.locator("img[src='x'], svg[onload], script:not([src]), a[href^='javascript:']").count();
    if (injected) ran.push(`${injected} injected element(s) in the DOM`);
    return ran;
  };
}

test.describe("stored XSS", () => {
  test.use({ storageState: storageStateFor("agent") });
  let number = "";

  test.beforeAll(async ({ baseURL }) => {
    const supervisor = await request.newContext({ baseURL, storageState: storageStateFor("supervisor") });
    const agent = await request.newContext({ baseURL, storageState: storageStateFor("agent") });
    const order = `XSS-${tag}`;
    const csv = [
      "order_number,placed_at,customer_email,customer_name,sku,name,unit_price,quantity,shipped_at,delivered_at,carrier",
      `${order},2026-11-02T10:15:00Z,xss-${tag}@example.com,${payloads.name},KM-XSS-1,Stepper motor,19.90,1,2026-11-03,2026-11-05,UPS`,
    ].join("\n");
    await trpc(supervisor, "orderImport.commitOrderImport", { storeId: "kinetic", csv });
    const [found] = await trpc(agent, "intake.findOrders", { query: order }, "query");
    const claim = await trpc(agent, "intake.openClaim", {
      orderId: found.id, reason: "quality_defect", lines: [{ orderLineId: found.lines[0].id, quantity: 1 }], description: payloads.description,
      evidence: [{ kind: "fault_statement", note: payloads.note }],
    });
    number = claim.number;
    await supervisor.dispose();
    await agent.dispose();
  });

  test("the queue shows a hostile customer name as text", async ({ page }) => {
    const check = watch(page);
    await page.goto(`/queue?q=${number}`);
    await expect(page.getByRole("link", { name: number })).toBeVisible();
    await expect(page.getByText(`Eve ${tag}`, { exact: false }).first()).toBeVisible();
    await page.screenshot({ path: shot("xss-queue") });
    expect(await check()).toEqual([]);
  });

  test("the claim page shows hostile names and notes as text", async ({ page }) => {
    const check = watch(page);
    await page.goto(`/claims/${number}`);
    await expect(page.getByRole("heading", { name: new RegExp(number) }).first()).toBeVisible();
    await expect(page.getByText(payloads.name).first()).toBeVisible();
    // The description is not shown on the claim page; the evidence note is, as its literal text.
    await expect(page.getByText(payloads.note).first()).toBeVisible();
    // Evidence notes and messages load in their own sections; give them a moment before judging.
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: shot("xss-claim"), fullPage: true });
    expect(await check()).toEqual([]);
  });
});
