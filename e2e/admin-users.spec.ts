import { expect, test, type Page } from "@playwright/test";
import { shot, storageStateFor } from "./fixtures.ts";

test.use({ storageState: storageStateFor("admin") });

/** Light and dark, so both themes get looked at. */
async function shots(page: Page, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: shot(`${name}-${scheme}`) });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("an admin adds an agent who sets a password via the one-time link; deactivation signs them out", async ({ page, browser }) => {
  test.setTimeout(90_000); // a long journey across two browsers
  await page.goto("/admin");
  await page.getByRole("link", { name: /People/ }).click();
  await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
  await expect(page.getByRole("table", { name: "People" })).toContainText("agent@claimdesk.test");

  await page.getByRole("button", { name: "Add person" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Add and get link" }).click();
  await expect(dialog.getByText("Enter the person's name.")).toBeVisible();
  await expect(dialog.getByText("Choose at least one store for an agent or supervisor.")).toBeVisible();
  await dialog.getByLabel("Name").fill("Nina New");
  await dialog.getByLabel("E-mail").fill("nina@claimdesk.test");
  await dialog.getByRole("checkbox", { name: "Kinetic Motion" }).check();
  await dialog.getByRole("button", { name: "Add and get link" }).click();
  await expect(dialog.getByText("Shown once")).toBeVisible();
  const link = await dialog.getByLabel("Set-password link").inputValue();
  expect(link).toMatch(/\/set-password\?token=/);
  await shots(page, "admin-people-created-link");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row", { name: /Nina New/ })).toContainText("No password yet");

  // The new agent, in a browser that has never signed in.
  const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const agent = await fresh.newPage();
  await agent.goto(link);
  await expect(agent.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await agent.getByLabel("New password").fill("qwertyuiop123");
  await agent.getByLabel("Repeat password").fill("qwertyuiop123");
  await agent.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(agent.getByText(/among the most common/)).toBeVisible();
  await shots(agent, "set-password");
  await agent.getByLabel("New password").fill("ninas own long passphrase");
  await agent.getByLabel("Repeat password").fill("ninas own long passphrase");
  await agent.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(agent.getByRole("heading", { name: "Claims" })).toBeVisible();

  // Signing out and in again uses the password just chosen; the link is spent.
  await agent.getByRole("button", { name: /Account: Nina New/ }).click();
  await agent.getByRole("menuitem", { name: "Sign out" }).click();
  await agent.goto(link);
  await agent.getByLabel("New password").fill("another long passphrase");
  await agent.getByLabel("Repeat password").fill("another long passphrase");
  await agent.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(agent.getByText("This link has expired or was already used. Ask an admin for a new one.")).toBeVisible();
  await agent.goto("/sign-in");
  await agent.getByLabel("E-mail").fill("nina@claimdesk.test");
  await agent.getByLabel("Password").fill("ninas own long passphrase");
  await agent.getByRole("button", { name: "Sign in" }).click();
  await expect(agent.getByRole("heading", { name: "Claims" })).toBeVisible();

  // Editing someone warns before a change that signs them out and hands their claims back.
  await page.getByRole("button", { name: "Actions for Alex Agent" }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const sheet = page.getByRole("dialog", { name: "Edit Alex Agent" });
  await sheet.getByRole("checkbox", { name: "Layerworks" }).uncheck();
  await expect(sheet.getByRole("status")).toContainText("returns their open claims in the removed stores");
  await shots(page, "admin-people-edit");
  await sheet.getByRole("button", { name: "Cancel" }).click();
  await expect(sheet).toBeHidden();

  // The admin deactivates her; her next navigation lands on the sign-in page.
  await page.getByRole("button", { name: "Actions for Nina New" }).click();
  await page.getByRole("menuitem", { name: "Deactivate" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("every session of theirs ends");
  await shots(page, "admin-people-deactivate");
  await confirm.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("row", { name: /Nina New/ })).toContainText("Deactivated");
  await shots(page, "admin-people");

  await agent.goto("/queue");
  await expect(agent).toHaveURL(/\/sign-in/);
  await fresh.close();

  await page.goto("/admin/audit");
  const audit = page.getByRole("table", { name: "Admin audit events" });
  await expect(audit).toContainText("User deactivated");
  await expect(audit).toContainText("User created");
  await shots(page, "admin-audit");
});

test("the account page changes nothing without the current password and lists this device", async ({ page }) => {
  await page.goto("/queue");
  await page.getByRole("button", { name: /Account: Ada Admin/ }).click();
  await page.getByRole("menuitem", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Your sessions" })).toContainText("This device");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await page.getByLabel("Repeat new password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password is incorrect.")).toBeVisible();
  await shots(page, "account");
});
