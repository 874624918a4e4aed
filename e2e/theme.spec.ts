import { expect, test, type Page } from "@playwright/test";
import { firstClaimIn, settled } from "./a11y.ts";
import { shot, storageStateFor } from "./fixtures.ts";

// Dark mode follows the system until the person picks a theme; the pick wins over the system and survives a reload.

// Many steps on a shared 2-core machine.
test.describe.configure({ timeout: 90_000 });

const html = (page: Page) => page.locator("html");

async function chooseTheme(page: Page, theme: "Light" | "Dark" | "System") {
  await page.getByRole("button", { name: "Change theme" }).click();
  await page.getByRole("menuitemradio", { name: theme }).click();
}

test.describe("with a saved session", () => {
  test.use({ storageState: storageStateFor("supervisor"), viewport: { width: 1440, height: 900 } });

  test("system dark gives dark; Light overrides it and is remembered after reload; System follows again", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/queue");
    await expect(page.getByRole("heading", { name: "Claims", level: 1 })).toBeVisible();
    await expect(html(page)).toHaveClass(/\bdark\b/);
    await expect(html(page)).toHaveCSS("color-scheme", "dark");

    await chooseTheme(page, "Light");
    await expect(html(page)).not.toHaveClass(/\bdark\b/);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Claims", level: 1 })).toBeVisible();
    await expect(html(page)).not.toHaveClass(/\bdark\b/);
    // The menu says which theme is in force.
    await page.getByRole("button", { name: "Change theme" }).click();
    await expect(page.getByRole("menuitemradio", { name: "Light" })).toHaveAttribute("aria-checked", "true");
    await page.keyboard.press("Escape");

    await chooseTheme(page, "System");
    await expect(html(page)).toHaveClass(/\bdark\b/);
    // On System, a change of the operating system's scheme applies at once.
    await page.emulateMedia({ colorScheme: "light" });
    await expect(html(page)).not.toHaveClass(/\bdark\b/);

    await chooseTheme(page, "Dark");
    await page.reload();
    await expect(page.getByRole("heading", { name: "Claims", level: 1 })).toBeVisible();
    await expect(html(page)).toHaveClass(/\bdark\b/);
  });

  test("queue, claim page and reports in both themes, for review", async ({ page }) => {
    // The app scrolls inside <main>, so a full-page shot would stop at the window: a tall window shows the pages whole.
    await page.setViewportSize({ width: 1440, height: 1800 });
    const number = await firstClaimIn(page, "status=awaiting_approval");
    const views: [string, string, string | RegExp][] = [
      ["queue", "/queue", "Claims"],
      ["claim", `/claims/${number}`, number],
      ["reports", "/reports", "Reports"],
    ];
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, path, heading] of views) {
        await page.goto(path);
        await settled(page, heading);
        await expect(html(page)).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
        await page.screenshot({ path: shot(`theme-${name}-${scheme}`) });
      }
    }
  });
});
