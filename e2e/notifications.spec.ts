import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations } from "./a11y.ts";
import { shot, storageStateFor } from "./fixtures.ts";

// A supervisor assigns a claim to the demo agent; the agent's bell counts it, the popover lists it, a click
// opens the claim and the count drops.

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications(, \d+ unread)?$/ });

async function unreadOf(page: Page): Promise<number> {
  const label = (await bell(page).getAttribute("aria-label")) ?? "";
  return Number(/(\d+) unread/.exec(label)?.[1] ?? 0);
}

/** An unassigned open kinetic claim, assigned to Alex Agent through the claim page's assignee picker. */
async function assignToAgent(page: Page): Promise<string> {
  await page.goto("/queue?view=unassigned&store=kinetic");
  await expect(page.getByText(/^[\d,]+\+? claims?/)).toBeVisible();
  const number = (await page.locator("tbody tr[data-row-id]").first().locator("td:nth-child(2)").textContent())!.trim();
  await page.goto(`/claims/${number}`);
  await expect(page.getByRole("heading", { name: number })).toBeVisible();
  await page.getByRole("button", { name: "Assignee: Unassigned. Change" }).click();
  await page.getByRole("combobox", { name: "Find a colleague" }).fill("Alex");
  await page.getByRole("option", { name: /Alex Agent/ }).click();
  await expect(page.getByRole("button", { name: "Assignee: Alex Agent. Change" })).toBeVisible();
  return number;
}

test("a claim assigned by the supervisor rings the agent's bell; opening it goes to the claim and the count drops", async ({ browser }) => {
  const supervisorContext = await browser.newContext({ storageState: storageStateFor("supervisor"), viewport: { width: 1440, height: 900 } });
  const supervisor = await supervisorContext.newPage();
  const number = await assignToAgent(supervisor);

  // A context of its own (not browser.newPage), which axe needs to scan the page.
  const agentContext = await browser.newContext({ storageState: storageStateFor("agent"), viewport: { width: 1440, height: 900 }, colorScheme: "light" });
  const agent = await agentContext.newPage();
  await agent.goto("/queue");
  await expect(bell(agent)).toHaveAttribute("aria-label", /^Notifications, \d+ unread$/);
  const before = await unreadOf(agent);
  expect(before).toBeGreaterThan(0);

  await bell(agent).click();
  const popover = agent.getByRole("dialog", { name: "Notifications" });
  const item = popover.getByRole("button", { name: new RegExp(`Unread: Assigned to you by Sam Supervisor.*${number}`) });
  await expect(item).toBeVisible();
  await agent.screenshot({ path: shot("notifications-popover-light") });
  await expectNoA11yViolations(agent, "notifications popover", { include: "[data-slot=popover-content]" });

  // Keyboard: the first row takes focus with the arrow keys, Enter opens it.
  await item.focus();
  await agent.keyboard.press("Enter");
  await expect(agent).toHaveURL(new RegExp(`/claims/${number}$`));
  await expect(agent.getByRole("heading", { name: number })).toBeVisible();
  await expect.poll(() => unreadOf(agent)).toBe(before - 1);

  // The same popover in the dark theme, the row now read.
  await agent.getByRole("button", { name: "Change theme" }).click();
  await agent.getByRole("menuitemradio", { name: "Dark" }).click();
  await agent.keyboard.press("Escape");
  await bell(agent).click();
  await expect(popover.getByRole("button", { name: new RegExp(`^Assigned to you by Sam Supervisor.*${number}`) })).toBeVisible();
  await agent.screenshot({ path: shot("notifications-popover-dark") });
  await expectNoA11yViolations(agent, "notifications popover", { include: "[data-slot=popover-content]" });

  if (before - 1 > 0) {
    await popover.getByRole("button", { name: "Mark all read" }).click();
    await expect(bell(agent)).toHaveAttribute("aria-label", "Notifications");
  }
  await supervisorContext.close();
  await agentContext.close();
});
