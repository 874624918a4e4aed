import { expect, test as setup } from "@playwright/test";
import { demoLogins, storageStateFor } from "./fixtures.ts";

for (const [role, login] of Object.entries(demoLogins)) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(login.email);
    await page.getByLabel("Password").fill(login.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Claims" })).toBeVisible();
    await page.context().storageState({ path: storageStateFor(role as keyof typeof demoLogins) });
  });
}
