import { expect, test } from "@playwright/test";
import { demoLogins, passSecondFactor, shot } from "./fixtures.ts";

test("a signed-out visitor is sent to sign-in and back to the page they asked for", async ({ page }) => {
  await page.goto("/queue?status=in_review");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fqueue%3Fstatus%3Din_review/);
  await page.getByLabel("E-mail").fill(demoLogins.supervisor.email);
  await page.getByLabel("Password").fill(demoLogins.supervisor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await passSecondFactor(page, "supervisor");
  await expect(page).toHaveURL(/\/queue\?status=in_review$/);
  await expect(page.getByRole("heading", { name: "Claims" })).toBeVisible();
});

test("a wrong password shows one clear message and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(demoLogins.agent.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("E-mail or password is incorrect.");
  await page.screenshot({ path: shot("sign-in-error") });
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("field errors from the schema show beside the field", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid e-mail address.")).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
});
