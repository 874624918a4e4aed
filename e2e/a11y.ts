import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.1 A and AA: what the issue asks the app to meet. */
export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Impact = "minor" | "moderate" | "serious" | "critical";
const failing: Impact[] = ["serious", "critical"];

type Options = {
  /** Check only inside this selector (e.g. an open dialog), else the whole page. */
  include?: string;
  /** Record failures without stopping the test, so one run lists every page's problems. */
  soft?: boolean;
};

/**
 * Runs axe on what the page shows now and fails on serious or critical WCAG 2.1 AA violations, printing each
 * as rule, impact, the elements (selectors and a short HTML excerpt), what axe says to fix and its help URL.
 */
export async function expectNoA11yViolations(page: Page, label: string, options: Options = {}) {
  // Animations mid-flight (dialogs fading in) make colour contrast read half-transparent colours.
  await page.waitForTimeout(0);
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity) // spinners and skeleton pulses never finish
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  let builder = new AxeBuilder({ page }).withTags(wcagTags);
  if (options.include) builder = builder.include(options.include);
  const results = await builder.analyze();
  const violations = results.violations.filter((v) => failing.includes(v.impact as Impact));
  const theme = await page.evaluate(() => (document.documentElement.classList.contains("dark") ? "dark" : "light"));
  const report = violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 6)
        .map((n) => `    - ${n.target.join(" ")}\n      ${n.html.slice(0, 160)}\n      ${n.failureSummary?.split("\n").slice(1).join("; ").slice(0, 240) ?? ""}`)
        .join("\n");
      const more = v.nodes.length > 6 ? `\n    … and ${v.nodes.length - 6} more` : "";
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join("\n");
  const message = `${label} (${theme}): ${violations.length} serious/critical accessibility violation(s)\n${report}`;
  if (violations.length > 0) console.log(message);
  const check = options.soft ? expect.soft : expect;
  check(violations.map((v) => v.id), message).toEqual([]);
}

/** Waits until the page has settled: its main heading shows, no request is in flight and no skeleton is left. */
export async function settled(page: Page, heading?: string | RegExp) {
  if (heading) await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[data-slot="skeleton"]')).toHaveCount(0, { timeout: 30_000 });
}

/** The first claim number the queue lists for these URL filters (the demo data is deterministic, not its numbers). */
export async function firstClaimIn(page: Page, search: string): Promise<string> {
  await page.goto(`/queue?${search}`);
  await expect(page.getByText(/^[\d,]+\+? claims?/)).toBeVisible({ timeout: 30_000 });
  const row = page.locator("tbody tr[data-row-id]").first();
  await expect(row, `a claim for /queue?${search}`).toBeVisible();
  return (await row.locator("td:nth-child(2)").textContent())!.trim();
}
