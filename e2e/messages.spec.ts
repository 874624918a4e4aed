import { expect, test, type APIRequestContext } from "@playwright/test";
import { makePng } from "../server/http/test-files.ts";
import { shot, storageStateFor } from "./fixtures.ts";

// The e2e server runs with INBOUND_EMAIL_SECRET=e2e-inbound-secret and without SMTP: messages stay in the outbox.
test.describe.configure({ timeout: 90_000 });

const trpcGet = async (request: APIRequestContext, path: string, input: unknown) => {
  const res = await request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(res.ok()).toBe(true);
  return (await res.json()).result.data.json;
};

/** A demo customer of kinetic (one of the agent's stores): their mail opens a claim on their latest order. */
async function kineticCustomer(request: APIRequestContext): Promise<{ email: string; name: string }> {
  const page = await trpcGet(request, "claims.listClaims", { filters: { store: ["kinetic"] }, sortBy: "number", sortOrder: "asc", pageSize: 25 });
  const claim = await trpcGet(request, "claims.getClaim", { number: page.rows[0].number });
  return claim.customer;
}

function rawMail(from: { email: string; name: string }, png: Buffer) {
  const b64 = png.toString("base64").replace(/.{76}/g, "$&\r\n");
  return [
    `From: ${from.name} <${from.email}>`,
    "To: support@kinetic.example",
    "Subject: Stepper motor stopped working",
    `Message-ID: <e2e-${Date.now()}-${Math.random().toString(36).slice(2)}@customer.example>`,
    `Date: ${new Date().toUTCString()}`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="e2e-boundary"',
    "",
    "--e2e-boundary",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Hello, the stepper motor I bought makes a grinding noise and stopped moving. A photo is attached.",
    "--e2e-boundary",
    'Content-Type: image/png; name="motor.png"',
    'Content-Disposition: attachment; filename="motor.png"',
    "Content-Transfer-Encoding: base64",
    "",
    b64,
    "--e2e-boundary--",
    "",
  ].join("\r\n");
}

test.describe("agent", () => {
  test.use({ storageState: storageStateFor("agent"), viewport: { width: 1440, height: 1000 } });

  test("an inbound e-mail becomes a claim that the agent answers with a template", async ({ page }) => {
    const customer = await kineticCustomer(page.request);
    const res = await page.request.post("/inbound/email", {
      headers: { "content-type": "message/rfc822", "x-inbound-secret": "e2e-inbound-secret" },
      data: Buffer.from(rawMail(customer, makePng(40, 30))),
    });
    expect(res.status()).toBe(201);
    const filed = await res.json();
    expect(filed.claimNumber).toMatch(/^CLM-\d+$/);

    await page.goto(`/claims/${filed.claimNumber}`);
    const conversation = page.locator("#conversation");
    const messages = conversation.getByRole("list", { name: "Conversation" }).locator(":scope > li");
    await expect(messages).toHaveCount(1);
    await expect(messages.first()).toContainText("Stepper motor stopped working");
    await expect(messages.first()).toContainText("Received");
    // Anyone can mail support: the attachment opens from the mail and counts as evidence only once the agent accepts it.
    const motor = messages.first().getByRole("link", { name: /motor\.png/ });
    await expect(motor).toHaveAttribute("href", /\/api\/inbound-mail\/\d+\/attachments\/0$/);
    await messages.first().getByRole("button", { name: "Accept as evidence" }).click();
    await expect(page.getByText("1 attachment added as evidence.")).toBeVisible();
    await expect(motor).toHaveAttribute("href", /\/api\/evidence\/\d+\/file$/);
    await expect(messages.first().getByRole("button", { name: "Accept as evidence" })).toHaveCount(0);
    await expect(conversation.getByRole("note")).toContainText("Mail delivery is not configured");

    // Answer with the return-address template, filled for this claim, edited before sending.
    const composer = conversation.getByRole("form", { name: "Write to the customer" });
    await composer.getByLabel("Start from").click();
    await page.getByRole("option", { name: "Return address" }).click();
    await expect(composer.getByLabel("Subject")).toHaveValue(`Return address for claim ${filed.claimNumber}`);
    const body = composer.getByLabel("Message");
    await expect(body).toHaveValue(/Kinetic Motion Returns/);
    await expect(body).toHaveValue(/return shipping is at your own cost/); // K4
    await body.fill(`${await body.inputValue()}\n\nPS: please keep the original box.`);
    await conversation.screenshot({ path: shot("messages-composer") });
    await composer.getByRole("button", { name: "Send" }).click();

    await expect(page.getByText("Message queued: it is in the outbox.")).toBeVisible();
    await expect(messages).toHaveCount(2);
    const answer = messages.nth(1);
    await expect(answer).toContainText(`Return address for claim ${filed.claimNumber}`);
    await expect(answer).toContainText("In outbox");
    await expect(answer).toContainText("PS: please keep the original box.");
    await expect(answer).toContainText(`→ ${customer.email}`);
    await expect(composer.getByLabel("Message")).toHaveValue("");
    await conversation.screenshot({ path: shot("messages-conversation") });

    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload();
    await expect(messages).toHaveCount(2);
    await conversation.screenshot({ path: shot("messages-conversation-dark") });
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageStateFor("admin"), viewport: { width: 1440, height: 1000 } });

  test("the template editor names an unknown placeholder, inserts known ones and previews with sample values", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: /Message templates/ }).click();
    await expect(page.getByRole("heading", { name: "Message templates" })).toBeVisible();
    await page.getByRole("combobox", { name: "Store" }).click();
    await page.getByRole("option", { name: "Kinetic Motion" }).click();
    await page.getByRole("navigation", { name: "Situations" }).getByRole("button", { name: "Refund issued" }).click();
    await expect(page).toHaveURL(/store=kinetic&key=refund_issued/);

    const form = page.getByRole("form", { name: "Refund issued template for Kinetic Motion" });
    const subject = form.getByLabel("Subject");
    await expect(subject).toHaveValue("Refund issued for claim {{claimNumber}}");
    await subject.fill("Refund {{refundRef}} for {{claimNumber}}");
    await expect(form.getByText(/Unknown placeholder \{\{refundRef\}\}/)).toBeVisible();
    await expect(subject).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByRole("button", { name: "Save" })).toBeDisabled();

    await subject.fill("Refund ");
    await form.getByRole("button", { name: "Insert refundReference" }).click();
    await expect(subject).toHaveValue("Refund {{refundReference}}");
    await expect(form.getByText(/Unknown placeholder/)).toHaveCount(0);
    await expect(form.getByRole("button", { name: "Save" })).toBeEnabled();
    const preview = page.getByRole("region", { name: "Preview with sample values" });
    await expect(preview).toContainText("Refund RF-2026-000812");
    await expect(preview).toContainText("We have issued a refund of $49.90");
    await page.screenshot({ path: shot("admin-templates"), fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: shot("admin-templates-dark"), fullPage: true });
  });
});
