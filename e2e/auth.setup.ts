import { writeFileSync } from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { demoLogins, freshTotpCode, storageStateFor, totpSecretFile } from "./fixtures.ts";

for (const [role, login] of Object.entries(demoLogins) as [keyof typeof demoLogins, (typeof demoLogins)[keyof typeof demoLogins]][]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(login.email);
    await page.getByLabel("Password").fill(login.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Claims" })).toBeVisible();
    if (role !== "agent") {
      // Supervisors and admins approve, export and administer only with TOTP: enrol through Account, as a person would.
      await page.goto("/account");
      await page.getByRole("button", { name: "Set up two-factor" }).click();
      const dialog = page.getByRole("dialog", { name: "Set up two-factor authentication" });
      const key = dialog.getByTestId("totp-secret");
      await expect(key).toHaveText(/^[A-Z2-7 ]{16,}$/);
      const secret = (await key.innerText()).replace(/\s/g, "");
      writeFileSync(totpSecretFile(role), secret);
      await dialog.getByLabel("Code from the app").fill(await freshTotpCode(role, secret));
      await dialog.getByRole("button", { name: "Turn on" }).click();
      await expect(page.getByRole("dialog", { name: "Save your recovery codes" }).getByRole("listitem")).toHaveCount(10);
      await page.getByRole("button", { name: "I've saved them" }).click();
      await expect(page.locator("#two-factor").getByText("On", { exact: true })).toBeVisible();
    }
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
