// Signs in as each demo role and screenshots the main pages in light and dark mode (for looking at the UI).
// Usage: tsx scripts/screenshots.ts [baseUrl] [outDir]
import { chromium } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../e2e/chromium.ts";

const base = process.argv[2] ?? "http://localhost:3000";
const out = process.argv[3] ?? "e2e/screenshots";
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
for (const scheme of ["light", "dark"] as const) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
  await page.goto(`${base}/sign-in`);
  await page.screenshot({ path: `${out}/sign-in-${scheme}.png` });
  await page.getByLabel("E-mail").fill("agent@claimdesk.test");
  await page.getByLabel("Password").fill("agent-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Claims" }).waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/queue-${scheme}.png` });
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/claim-${scheme}.png`, fullPage: true });
  await page.close();
}
await browser.close();
