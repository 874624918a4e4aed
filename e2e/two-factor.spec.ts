import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { shot, storageStateFor } from "./fixtures.ts";

// A new supervisor is told on the approvals page to set up two-factor, sets it up from Account (reading the key
// off the screen, as someone without a camera would), signs out and back in with password and code, and approves.

test.use({ storageState: storageStateFor("admin") });

async function shots(page: Page, name: string, target?: ReturnType<Page["locator"]>) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), scheme === "dark");
    await (target ?? page).screenshot({ path: shot(`${name}-${scheme}`), animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
}

/** The server refuses a step it already accepted, so each use takes the next unused step (it allows one ahead). */
let lastStep = 0;
async function code(secret: string) {
  const step = Math.max(Math.floor(Date.now() / 30_000), lastStep + 1);
  lastStep = step;
  return generate({ secret, epoch: step * 30 });
}

test("a supervisor sets up TOTP, signs in with password and code, and approves a refund", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = `sam.two-${Date.now()}@claimdesk.test`;
  const password = "a long supervisor passphrase";

  // The admin (second-factor checked in auth.setup) adds the supervisor.
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Add person" }).click();
  const add = page.getByRole("dialog");
  await add.getByLabel("Name").fill("Sasha Second");
  await add.getByLabel("E-mail").fill(email);
  await add.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: "Supervisor" }).click();
  await add.getByRole("checkbox", { name: "Kinetic Motion" }).check();
  await add.getByRole("button", { name: "Add and get link" }).click();
  const link = await add.getByLabel("Set-password link").inputValue();

  const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: { width: 1280, height: 900 } });
  const sup = await fresh.newPage();
  await sup.goto(link);
  await sup.getByLabel("New password").fill(password);
  await sup.getByLabel("Repeat password").fill(password);
  await sup.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(sup.getByRole("heading", { name: "Claims" })).toBeVisible();

  // Approvals tell them what is missing and where to go.
  await sup.goto("/approvals");
  const banner = sup.getByRole("alert").filter({ hasText: "Two-factor authentication needed" });
  await expect(banner).toContainText("Set up two-factor authentication in Account to approve");
  await shots(sup, "two-factor-approvals-banner");
  await banner.getByRole("link", { name: "Set up two-factor" }).click();
  await expect(sup).toHaveURL(/\/account#two-factor$/);

  await sup.locator("#two-factor").getByRole("button", { name: "Set up two-factor" }).click();
  const dialog = sup.getByRole("dialog", { name: "Set up two-factor authentication" });
  await expect(dialog.getByRole("img", { name: /QR code/ })).toBeVisible();
  const key = dialog.getByTestId("totp-secret");
  await expect(key).toHaveText(/^[A-Z2-7 ]{16,}$/);
  await shots(sup, "two-factor-enrol-dialog", dialog);
  const secret = (await key.innerText()).replace(/\s/g, "");
  await dialog.getByLabel("Code from the app").fill("000000");
  await dialog.getByRole("button", { name: "Turn on" }).click();
  await expect(dialog.getByText(/not valid/)).toBeVisible();
  await dialog.getByLabel("Code from the app").fill(await code(secret));
  await dialog.getByRole("button", { name: "Turn on" }).click();
  const saved = sup.getByRole("dialog", { name: "Save your recovery codes" });
  await expect(saved.getByRole("listitem")).toHaveCount(10);
  await shots(sup, "two-factor-recovery-codes", saved);
  await saved.getByRole("button", { name: "I've saved them" }).click();
  await expect(sup.locator("#two-factor")).toContainText("10 of 10 recovery codes left");

  // Out and back in: the password alone is not enough any more.
  await sup.getByRole("button", { name: /Account: Sasha Second/ }).click();
  await sup.getByRole("menuitem", { name: "Sign out" }).click();
  await sup.goto("/approvals");
  await expect(sup).toHaveURL(/\/sign-in/);
  await sup.getByLabel("E-mail").fill(email);
  await sup.getByLabel("Password").fill(password);
  await sup.getByRole("button", { name: "Sign in" }).click();
  await expect(sup.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  const field = sup.getByLabel("Authentication code");
  await expect(field).toHaveAttribute("autocomplete", "one-time-code");
  await expect(sup.getByRole("button", { name: "Use a recovery code" })).toBeVisible();
  await shots(sup, "two-factor-sign-in-code");
  // While the code is pending, the app itself stays shut.
  await sup.goto("/approvals");
  await expect(sup).toHaveURL(/\/sign-in/);
  await sup.getByLabel("Authentication code").fill(await code(secret));
  await sup.getByRole("button", { name: "Verify" }).click();
  await expect(sup).toHaveURL(/\/approvals/);

  // And now the approval goes through.
  await expect(sup.getByRole("heading", { name: "Approvals" })).toBeVisible();
  await expect(sup.getByRole("alert").filter({ hasText: "Two-factor authentication needed" })).toHaveCount(0);
  const first = sup.locator("tbody tr[data-row-id]").first();
  const reference = (await first.getByText(/^RF-/).first().textContent())!.trim();
  await first.getByText(reference).click();
  await sup.getByRole("button", { name: "Approve" }).click();
  await expect(sup.getByText(`${reference} approved`)).toBeVisible();
  await fresh.close();
});
