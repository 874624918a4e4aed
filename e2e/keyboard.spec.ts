import { expect, test, type Locator, type Page } from "@playwright/test";
import { storageStateFor } from "./fixtures.ts";

// The app without a mouse: every step is a key press, and whatever has focus shows a visible ring.

// Many steps on a shared 2-core machine.
test.describe.configure({ timeout: 90_000 });

/**
 * Fails unless the focused element draws a visible outline or a box-shadow ring (spread of 1px or more, not
 * transparent): a plain drop shadow such as inputs' shadow-xs does not count. Polled: rings fade in with a transition.
 */
async function expectVisibleFocus(page: Page, step: string) {
  const read = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { what: "nothing (body)", ring: false, styled: true, detail: "" };
      const s = getComputedStyle(el);
      const transparent = (c: string) => c === "transparent" || /(,\s*0\)|\/\s*0\))$/.test(c.trim());
      const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor);
      const shadows = [...s.boxShadow.matchAll(/([a-z]+\([^)]*\)|#[0-9a-f]+)\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+(-?[\d.]+)px/gi)];
      const ring = shadows.some((m) => parseFloat(m[5]!) >= 1 && !transparent(m[1]!));
      const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40);
      // :focus styles apply only while the page itself has focus; the element can be active without them.
      const styled = el.matches(":focus");
      const detail = `:focus ${styled}, :focus-visible ${el.matches(":focus-visible")}, document.hasFocus() ${document.hasFocus()}, box-shadow ${s.boxShadow}, outline ${s.outlineStyle} ${s.outlineWidth}`;
      return { what: `<${el.tagName.toLowerCase()}> "${name}"`, ring: outline || ring, styled, detail };
    });
  let last = await read();
  await expect
    .poll(
      async () => {
        last = await read();
        // A page that has lost the browser's focus draws no focus styles at all (:focus does not match): that is
        // the test's window, not the app, so give the page focus back and look again. The error says which it was.
        if (!last.ring && !last.styled) await page.bringToFront();
        return last.ring;
      },
      { timeout: 5_000, message: `${step}: the focused element shows a focus ring` },
    )
    .toBe(true)
    .catch((error: Error) => {
      throw new Error(`${step}: focused ${last.what} has no visible focus ring (${last.detail})\n${error.message}`);
    });
}

/** Presses Tab until `target` has focus (checking the ring at every stop), at most `max` times. */
async function tabTo(page: Page, target: Locator, step: string, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    await expectVisibleFocus(page, `${step}, Tab ${i + 1}`);
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`${step}: ${max} Tabs never reached the target`);
}

const rowNumber = async (row: Locator) => (await row.locator("td:nth-child(2)").textContent())!.trim();

test.describe("agent", () => {
  test.use({ storageState: storageStateFor("agent"), viewport: { width: 1440, height: 900 } });

  test("queue: / searches, filters open and apply from the keyboard, arrows walk rows, Enter opens, j/k move on", async ({ page }) => {
    await page.goto("/queue");
    const rows = page.locator("tbody tr[data-row-id]");
    await expect(rows.nth(2)).toBeVisible();

    await page.keyboard.press("/");
    await expect(page.getByLabel("Search claims")).toBeFocused();
    await expectVisibleFocus(page, "/ on the queue");

    // Status filter: open it with Enter, find "In review" by typing, toggle it with Enter, close with Escape.
    const status = page.getByRole("toolbar").getByRole("button", { name: "Status" });
    await tabTo(page, status, "to the Status filter", 5);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("option").first()).toBeVisible();
    await page.keyboard.type("In review");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/status=in_review/);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("option")).toHaveCount(0);
    await expect(status).toBeFocused();
    await expectVisibleFocus(page, "back on the Status filter");
    await expect(page.locator("tbody td:nth-child(6)").filter({ hasNotText: "In review" })).toHaveCount(0);
    await expect(rows.nth(2)).toBeVisible();

    // Into the table: one Tab stop for the rows, arrows move between them.
    await tabTo(page, rows.first(), "to the first row");
    await page.keyboard.press("ArrowDown");
    await expect(rows.nth(1)).toBeFocused();
    await expectVisibleFocus(page, "ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await expect(rows.nth(1)).toBeFocused();
    await expectVisibleFocus(page, "ArrowUp");
    const [second, third] = [await rowNumber(rows.nth(1)), await rowNumber(rows.nth(2))];

    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: second, level: 1 })).toBeVisible();
    await page.keyboard.press("j");
    await expect(page.getByRole("heading", { name: third, level: 1 })).toBeVisible();
    await page.keyboard.press("k");
    await expect(page.getByRole("heading", { name: second, level: 1 })).toBeVisible();
  });

  test("claim page: Tab walks the sections with a visible ring and assigns the claim and sets its priority", async ({ page }) => {
    await page.goto("/queue?view=unassigned");
    const row = page.locator("tbody tr[data-row-id]").first();
    await expect(row).toBeVisible();
    const number = await rowNumber(row);
    await page.goto(`/claims/${number}`);
    await expect(page.getByRole("heading", { name: number, level: 1 })).toBeVisible();

    const bar = page.getByRole("region", { name: "Claim workflow" });
    const assign = bar.getByRole("button", { name: "Assign to me" });
    await expect(assign).toBeVisible();
    await tabTo(page, assign, "to Assign to me");
    await page.keyboard.press("Enter");
    await expect(bar.getByText("Alex Agent")).toBeVisible();

    const priority = bar.getByRole("combobox", { name: "Priority" });
    await tabTo(page, priority, "to Priority", 10);
    const before = (await priority.textContent())!.trim();
    const next = before === "Urgent" ? "High" : "Urgent";
    await page.keyboard.press("Enter");
    await expect(page.getByRole("listbox")).toBeVisible();
    await page.keyboard.type(next);
    await page.keyboard.press("Enter");
    await expect(page.getByText(`${number}: priority set to ${next.toLowerCase()}`)).toBeVisible();
    await expect(priority).toHaveText(next);
    await expect(priority).toBeFocused();
    await expectVisibleFocus(page, "Priority after choosing");

    // On through every section of the page: each stop shows where focus is. The walk ends where Tab leaves the
    // page for the browser's own controls. Older Chromium then focuses <body>; 156.0.8078.129 may leave an
    // element active in a document without focus. So the walk must also have reached the customer's e-mail
    // link, the last stop before the timeline, which has no controls.
    let reachedCustomer = false;
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const at = await page.evaluate(() => ({
        left: document.activeElement === document.body || !document.hasFocus(),
        mail: document.activeElement?.getAttribute("href")?.startsWith("mailto:") ?? false,
      }));
      if (at.left) break;
      reachedCustomer ||= at.mail;
      await expectVisibleFocus(page, `claim page, Tab ${i + 1} after Priority`);
    }
    expect(reachedCustomer, "Tab reached the customer's e-mail link").toBe(true);
  });
});

test.describe("supervisor", () => {
  test.use({ storageState: storageStateFor("supervisor"), viewport: { width: 1440, height: 1000 } });

  test("approvals: pick a pending refund and approve it from the keyboard", async ({ page }) => {
    await page.goto("/approvals");
    await expect(page.getByRole("heading", { name: "Approvals", level: 1 })).toBeVisible();
    const rows = page.locator("tbody tr[data-row-id]");
    await expect(rows.first()).toBeVisible();

    await tabTo(page, rows.first(), "to the first proposal");
    // A proposal the supervisor did not make (X3 forbids approving one's own): Enter opens it, ArrowDown moves on.
    const approve = page.getByRole("button", { name: "Approve" });
    let reference = "";
    for (let i = 0; i < 10 && !reference; i++) {
      if (i > 0) await page.keyboard.press("ArrowDown");
      await expectVisibleFocus(page, `proposal row ${i + 1}`);
      await page.keyboard.press("Enter");
      await expect(approve).toBeVisible();
      if (await approve.isEnabled()) reference = (await page.locator("tbody tr[data-row-id]:focus").textContent())!.match(/RF-\d{4}-\d{6}/)![0];
    }
    expect(reference, "a proposal someone else made among the first ten").not.toBe("");

    const comment = page.getByLabel(/^Comment/);
    await tabTo(page, comment, "to the comment");
    await page.keyboard.type("Checked against the photos.");
    await tabTo(page, approve, "to Approve", 5);
    await page.keyboard.press("Enter");
    await expect(page.getByText(`${reference} approved`)).toBeVisible();
  });
});
