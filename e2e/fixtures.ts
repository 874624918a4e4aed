import path from "node:path";

export const demoLogins = {
  agent: { email: "agent@claimdesk.test", password: "agent-demo-2026" },
  supervisor: { email: "supervisor@claimdesk.test", password: "supervisor-demo-2026" },
  admin: { email: "admin@claimdesk.test", password: "admin-demo-2026" },
} as const;

export const storageStateFor = (role: keyof typeof demoLogins) => path.join(import.meta.dirname, ".auth", `${role}.json`);
export const shot = (name: string) => path.join(import.meta.dirname, "screenshots", `${name}.png`);

// --- Two-factor (TOTP): auth.setup enrols the supervisor and admin and keeps each secret here (gitignored).
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { generate } from "otplib";
import type { Page } from "@playwright/test";

export const totpSecretFile = (role: keyof typeof demoLogins) => path.join(import.meta.dirname, ".auth", `${role}-totp.txt`);
const lastStepFile = (role: keyof typeof demoLogins) => path.join(import.meta.dirname, ".auth", `${role}-totp-step.txt`);

/**
 * A code the server has not seen yet: it refuses a step it already accepted (replay guard) but takes one
 * step ahead, so back-to-back sign-ins use the next step's code instead of waiting 30 s.
 */
export async function freshTotpCode(role: keyof typeof demoLogins, secret = readFileSync(totpSecretFile(role), "utf8").trim()): Promise<string> {
  const now = Math.floor(Date.now() / 1000 / 30);
  const last = existsSync(lastStepFile(role)) ? Number(readFileSync(lastStepFile(role), "utf8")) : 0;
  let step = Math.max(now, last + 1);
  if (step > now + 1) {
    await new Promise((r) => setTimeout(r, (step - 1) * 30_000 - Date.now() + 200));
    step = Math.max(Math.floor(Date.now() / 1000 / 30), last + 1);
  }
  writeFileSync(lastStepFile(role), String(step));
  return generate({ secret, epoch: step * 30 });
}

/** The sign-in page's second step for a role auth.setup enrolled. */
export async function passSecondFactor(page: Page, role: keyof typeof demoLogins) {
  const field = page.getByLabel("Authentication code");
  await field.waitFor();
  await field.fill(await freshTotpCode(role));
  await page.getByRole("button", { name: "Verify" }).click();
}
