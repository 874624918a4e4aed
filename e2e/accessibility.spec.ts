import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations, firstClaimIn, settled } from "./a11y.ts";
import { storageStateFor, type demoLogins } from "./fixtures.ts";

// Every page, as the role that sees it, and the main dialogs, popovers and menus: no serious or critical WCAG 2.1 AA
// violation in light and in dark (system dark, and the app's own theme switch).

// Two axe passes per page on a shared 2-core machine: well past the default 30 s when others run too.
test.describe.configure({ timeout: 120_000 });

type Who = keyof typeof demoLogins | "guest";
type A11yCase = {
  label: string;
  as: Who;
  /** Goes to the page and waits until it shows what a person would check. */
  go: (page: Page) => Promise<void>;
  /** Opens a dialog, popover or menu; returns the selector axe checks (the whole page when omitted). */
  open?: (page: Page) => Promise<string | void>;
};

const visit = (path: string, heading?: string | RegExp) => async (page: Page) => {
  await page.goto(path);
  await settled(page, heading);
};
const claim = (search: string) => async (page: Page) => {
  const number = await firstClaimIn(page, search);
  await page.goto(`/claims/${number}`);
  await settled(page, number);
};
// Radix's modal menus, selects and dialogs hide the rest of the page (aria-hidden, focus trapped) while open, which axe
// reports as aria-hidden-focus; the page behind is checked on its own, so a modal case checks only the modal.
const modal = { menu: '[role="menu"]', listbox: '[role="listbox"]', dialog: '[role="dialog"], [role="alertdialog"]' };
const filterButton = (page: Page, name: string) => page.getByRole("toolbar").getByRole("button", { name });

// Add new pages here: a label, the role that sees the page, how to get there and (optionally) what to open.
const pages: A11yCase[] = [
  { label: "sign-in", as: "guest", go: visit("/sign-in", "Sign in to Claimdesk") },
  {
    label: "set-password with an invalid token",
    as: "guest",
    go: visit("/set-password?token=not-a-real-token", "Choose your password"),
    open: async (page) => {
      await page.getByLabel("New password").fill("a-long-enough-password-2026");
      await page.getByLabel("Repeat password").fill("a-long-enough-password-2026");
      await page.getByRole("button", { name: /password/i }).click();
      await expect(page.getByRole("alert").first()).toBeVisible();
    },
  },
  { label: "set-password without a token", as: "guest", go: visit("/set-password", "Choose your password") },
  ...["all", "unassigned", "mine", "due_today", "overdue"].map(
    (view): A11yCase => ({ label: `queue, view ${view}`, as: "agent", go: visit(`/queue?view=${view}`, "Claims") }),
  ),
  { label: "queue, closed claims", as: "agent", go: visit("/queue?closed=1&status=closed", "Claims") },
  { label: "claim, new", as: "agent", go: claim("status=new") },
  { label: "claim, awaiting evidence", as: "agent", go: claim("status=awaiting_evidence") },
  { label: "claim, in review", as: "agent", go: claim("status=in_review") },
  { label: "claim, refund proposed", as: "supervisor", go: claim("status=awaiting_approval") },
  { label: "claim, closed", as: "agent", go: claim("closed=1&status=closed") },
  { label: "approvals", as: "supervisor", go: visit("/approvals", "Approvals") },
  { label: "approvals, decided", as: "supervisor", go: visit("/approvals?status=approved", "Approvals") },
  { label: "reports", as: "supervisor", go: visit("/reports", "Reports") },
  { label: "export history", as: "supervisor", go: visit("/reports/exports") },
  { label: "policies", as: "agent", go: visit("/policies") },
  { label: "policy page", as: "agent", go: visit("/policies/kinetic") },
  { label: "admin", as: "admin", go: visit("/admin") },
  { label: "admin users", as: "admin", go: visit("/admin/users") },
  { label: "admin audit", as: "admin", go: visit("/admin/audit") },
  { label: "admin policy editor", as: "admin", go: visit("/admin/policies/kinetic") },
  { label: "account", as: "agent", go: visit("/account") },
  { label: "account with two-factor on", as: "supervisor", go: visit("/account") },
  { label: "new claim form", as: "agent", go: visit("/claims/new", "New claim") },
  { label: "unsorted mail", as: "agent", go: visit("/mail/unsorted", "Unsorted mail") },
  { label: "import orders", as: "supervisor", go: visit("/orders/import", "Import orders") },
  { label: "admin store API keys", as: "admin", go: visit("/admin/api-keys", "Store API keys") },
  { label: "admin message templates", as: "admin", go: visit("/admin/templates", "Message templates") },
  { label: "not found", as: "agent", go: visit("/no-such-page", "Page not found") },
  { label: "forbidden page for the role", as: "agent", go: visit("/reports") },

  // Dialogs, popovers and menus.
  {
    label: "queue status filter",
    as: "agent",
    go: visit("/queue", "Claims"),
    open: async (page) => {
      await filterButton(page, "Status").click();
      await expect(page.getByRole("option").first()).toBeVisible();
    },
  },
  {
    label: "queue column picker",
    as: "agent",
    go: visit("/queue", "Claims"),
    open: async (page) => {
      await page.getByRole("button", { name: /^View/ }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      return modal.menu;
    },
  },
  {
    label: "export menu",
    as: "supervisor",
    go: visit("/queue", "Claims"),
    open: async (page) => {
      await page.getByRole("button", { name: "Export" }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      return modal.menu;
    },
  },
  {
    label: "export column picker",
    as: "agent",
    go: visit("/queue", "Claims"),
    open: async (page) => {
      await page.getByRole("button", { name: "Export" }).click();
      await page.getByRole("menuitem", { name: /Columns/ }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      return modal.dialog;
    },
  },
  {
    label: "command palette",
    as: "agent",
    go: visit("/queue", "Claims"),
    open: async (page) => {
      await page.keyboard.press("Control+k");
      await expect(page.getByRole("dialog", { name: "Command palette" })).toBeVisible();
      await page.keyboard.type("queue");
      return modal.dialog;
    },
  },
  {
    label: "keyboard shortcuts",
    as: "agent",
    go: visit("/queue", "Claims"),
    open: async (page) => {
      await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      return modal.dialog;
    },
  },
  {
    label: "account menu",
    as: "agent",
    go: visit("/queue", "Claims"),
    open: async (page) => {
      await page.getByRole("button", { name: /^Account:/ }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      return modal.menu;
    },
  },
  {
    label: "theme menu",
    as: "agent",
    go: visit("/queue", "Claims"),
    open: async (page) => {
      await page.getByRole("button", { name: "Change theme" }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      return modal.menu;
    },
  },
  {
    label: "grading select",
    as: "agent",
    go: claim("status=in_review"),
    open: async (page) => {
      await page.locator("#grading").getByRole("combobox").first().click();
      await expect(page.getByRole("listbox")).toBeVisible();
      return modal.listbox;
    },
  },
  {
    label: "priority picker",
    as: "agent",
    go: claim("status=in_review"),
    open: async (page) => {
      await page.getByRole("region", { name: "Claim workflow" }).getByRole("combobox", { name: "Priority" }).click();
      await expect(page.getByRole("listbox")).toBeVisible();
      return modal.listbox;
    },
  },
  {
    label: "resolution dialog",
    as: "agent",
    // Not every claim in review offers a refund yet (some wait for grading): the first of the queue page that does.
    go: async (page) => {
      await firstClaimIn(page, "status=in_review");
      const numbers = await page.locator("tbody tr[data-row-id] td:nth-child(2)").allTextContents();
      for (const number of numbers.slice(0, 15)) {
        await page.goto(`/claims/${number.trim()}`);
        await settled(page, number.trim());
        if (await page.locator("#resolution").getByRole("button", { name: "Propose refund" }).count()) return;
      }
      throw new Error("none of the first fifteen claims in review offers a refund");
    },
    open: async (page) => {
      await page.locator("#resolution").getByRole("button", { name: "Propose refund" }).first().click();
      await expect(page.getByRole("dialog").or(page.getByRole("alertdialog"))).toBeVisible();
      return modal.dialog;
    },
  },
  {
    label: "approve a refund",
    as: "supervisor",
    go: visit("/approvals", "Approvals"),
    open: async (page) => {
      const row = page.locator("tbody tr[data-row-id]").first();
      await row.focus();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("button", { name: "Approve" })).toBeVisible();
      await settled(page);
    },
  },
];

async function check(page: Page, c: A11yCase) {
  await c.go(page);
  const scope = (await c.open?.(page)) ?? undefined;
  await expectNoA11yViolations(page, c.label, { soft: true, include: scope });
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expectNoA11yViolations(page, c.label, { soft: true, include: scope });
}

for (const c of pages) {
  test(`${c.label} (${c.as}): no serious accessibility violation, light and dark`, async ({ browser }) => {
    const context = await browser.newContext({
      storageState: c.as === "guest" ? undefined : storageStateFor(c.as),
      colorScheme: "light",
      viewport: { width: 1440, height: 900 },
    });
    await check(await context.newPage(), c);
    await context.close();
  });
}

test("the app's own dark theme, chosen in the theme menu, passes on the busiest pages", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("supervisor"), colorScheme: "light", viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await visit("/queue", "Claims")(page);
  await page.getByRole("button", { name: "Change theme" }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  for (const c of [pages.find((p) => p.label === "queue, view all")!, { label: "claim", as: "supervisor", go: claim("status=awaiting_approval") } as A11yCase, pages.find((p) => p.label === "reports")!, pages.find((p) => p.label === "approve a refund")!]) {
    await c.go(page);
    await c.open?.(page);
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await expectNoA11yViolations(page, `${c.label} with the Dark theme chosen`, { soft: true });
  }
  await context.close();
});
