import { expect, test, type APIRequestContext } from "@playwright/test";
import { makePng } from "../server/http/test-files.ts";
import { shot, storageStateFor } from "./fixtures.ts";

test.use({ storageState: storageStateFor("agent") });

const trpcGet = async (request: APIRequestContext, path: string, input: unknown) => {
  const res = await request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(res.ok()).toBe(true);
  return (await res.json()).result.data.json;
};

/** A kinetic quality-defect claim under review whose policy still wants the connection video (K2). */
async function claimMissingEvidence(request: APIRequestContext): Promise<string> {
  const page = await trpcGet(request, "claims.listClaims", {
    filters: { store: ["kinetic"], reason: ["quality_defect"], status: ["in_review", "triage"] },
    sortBy: "number",
    sortOrder: "desc",
    pageSize: 100,
  });
  for (const row of page.rows as { number: string }[]) {
    const { decision } = await trpcGet(request, "claims.evaluateClaim", { number: row.number });
    if ((decision.evidence as { kind: string; required: number; provided: number }[]).some((e) => e.kind === "connection_video" && e.provided < e.required)) {
      return row.number;
    }
  }
  throw new Error("demo data: no kinetic claim under review is missing its connection video");
}

test("an agent requests missing evidence, uploads a photo and opens it; a renamed text file is refused", async ({ page }) => {
  const number = await claimMissingEvidence(page.request);
  await page.goto(`/claims/${number}`);
  const evidence = page.locator("#evidence");
  await expect(evidence).toContainText("Still missing: 1 × connection video.");

  // The request shows what is missing and the message before anything is sent.
  await evidence.getByRole("button", { name: "Request evidence" }).click();
  const dialog = page.getByRole("dialog", { name: "Request evidence" });
  await expect(dialog.getByRole("region", { name: "Missing evidence" })).toContainText(/1 × Connection video\s*· K2/);
  await dialog.getByLabel("Note to the customer").fill("A short phone clip of the wiring is enough.");
  await expect(dialog.getByRole("region", { name: "Message preview" })).toContainText("A short phone clip of the wiring is enough.");
  await page.screenshot({ path: shot("evidence-request-preview") });
  await dialog.getByRole("button", { name: "Send request" }).click();
  await expect(dialog).toBeHidden();

  // The claim waits for the customer, and the message is in the conversation, listing the missing kind.
  await expect(page.getByRole("heading", { name: number }).locator("..")).toContainText("Awaiting evidence");
  await expect(evidence).toContainText("Awaiting evidence since");
  const conversation = page.locator("#conversation");
  await expect(conversation.getByRole("listitem")).toHaveCount(1);
  await expect(conversation).toContainText(`Your claim ${number}: we need a little more from you`);
  await expect(conversation).toContainText("In outbox");
  await expect(conversation).toContainText("a video showing how the product is connected and the software settings (policy clause K2)");

  // Upload a real PNG as a photo.
  const png = makePng(48, 32);
  const upload = evidence.getByRole("form", { name: "Upload evidence" });
  await upload.getByLabel("Kind").click();
  await page.getByRole("option", { name: "Photo", exact: true }).click();
  await upload.getByLabel("Note").fill("Front of the motor as received");
  await upload.getByLabel("File", { exact: true }).setInputFiles({ name: "motor-front.png", mimeType: "image/png", buffer: png });
  await upload.getByRole("button", { name: "Upload" }).click();
  const item = evidence.getByRole("listitem").filter({ hasText: "motor-front.png" });
  await expect(item).toContainText("PNG");
  await expect(item).toContainText("Alex Agent");
  await expect(item.locator("img")).toHaveJSProperty("naturalWidth", 48); // the thumbnail loaded from the download URL
  // The customer's answer is in: the agent is offered "Evidence received", the claim does not move by itself.
  await expect(evidence.getByRole("button", { name: "Evidence received" })).toBeVisible();

  // Open the file: the browser gets the same bytes, typed by their content.
  const [popup] = await Promise.all([page.waitForEvent("popup"), item.getByRole("link", { name: "Open motor-front.png" }).click()]);
  await popup.waitForLoadState();
  expect(popup.url()).toMatch(/\/api\/evidence\/\d+\/file$/);
  const file = await page.request.get(popup.url());
  expect(file.headers()["content-type"]).toBe("image/png");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await file.body()).equals(png)).toBe(true);
  await popup.close();

  // A text file renamed .png passes the browser's name check but not the server's look at its content.
  await upload.getByLabel("File", { exact: true }).setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("Dear shop, the motor is broken.\n") });
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.getByText(`"notes.png" is not a file type we can recognise, whatever its name says.`)).toBeVisible();
  await expect(evidence.getByRole("listitem").filter({ hasText: "notes.png" })).toHaveCount(0);
  await evidence.screenshot({ path: shot("evidence-section") });
});
