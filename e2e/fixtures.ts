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

// --- Claims with chosen facts (issue 14's store journeys): the demo data rarely has the exact case a journey needs,
// so the journey opens it as the shop would, through the store API, with an API key per store created once.
import { request as playwrightRequest, type Browser, type BrowserContext } from "@playwright/test";
import { makePng } from "../server/http/test-files.ts";

const dayMs = 86_400_000;
/** An instant `n` days before now (a fraction for hours): journeys use dates relative to the run, never fixed ones. */
export const daysAgo = (n: number) => new Date(Date.now() - n * dayMs).toISOString();
/** `YYYY-MM-DD` of the day `n` days before now (UTC), as a date input takes it. */
export const dayAgo = (n: number) => daysAgo(n).slice(0, 10);

type ApiLine = { sku: string; name: string; unitPriceCents: number; quantity: number; electronic?: boolean; motor?: boolean; consumable?: boolean; partType?: string };
export type ShopClaim = {
  /** When the order was placed and delivered (days ago); shipped a day after placing. */
  placedDaysAgo: number;
  deliveredDaysAgo: number;
  lines: ApiLine[];
  reason: string;
  /** The claimed lines (default: every order line, whole quantity). */
  claimed?: { sku: string; quantity: number }[];
  reportedDaysAgo?: number;
  description?: string;
  /** Evidence files the customer attaches, by kind (each a small PNG). */
  evidence?: string[];
  customerFacts?: unknown;
};

const keys = new Map<string, string>();
let serial = 0;

/** The store's API key, created once per worker by the admin (whose saved session passed the second factor). */
async function storeKey(baseURL: string, store: string): Promise<string> {
  const known = keys.get(store);
  if (known) return known;
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("admin") });
  try {
    const res = await admin.post("/trpc/apiKeys.createApiKey", { data: { json: { storeId: store, name: `E2E journeys ${store}` } } });
    const body = await res.json();
    if (!res.ok()) throw new Error(`creating the ${store} API key: ${JSON.stringify(body)}`);
    keys.set(store, body.result.data.json.key);
    return body.result.data.json.key;
  } finally {
    await admin.dispose();
  }
}

/** Opens a claim in `store` as its shop would (order upsert, then the claim with its evidence); returns the claim number. */
export async function openShopClaim(baseURL: string, store: string, c: ShopClaim): Promise<string> {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${await storeKey(baseURL, store)}` } });
  try {
    const order = `E2E-${store.toUpperCase()}-${Date.now()}-${++serial}`;
    const placed = await api.put(`/api/v1/orders/${order}`, {
      headers: { "idempotency-key": `${order}-order` },
      data: {
        placedAt: daysAgo(c.placedDaysAgo),
        shippedAt: daysAgo(Math.max(c.placedDaysAgo - 1, c.deliveredDaysAgo)),
        deliveredAt: daysAgo(c.deliveredDaysAgo),
        carrier: "UPS",
        customer: { email: `journey.${store}@example.test`, name: `Journey ${store[0]!.toUpperCase()}${store.slice(1)}` },
        shippingAddress: { line1: "1 Test Street", city: "Springfield", postalCode: "12345", country: "US" },
        lines: c.lines,
      },
    });
    if (placed.status() !== 201) throw new Error(`order ${order}: ${placed.status()} ${await placed.text()}`);
    const claim = {
      orderNumber: order,
      reason: c.reason,
      lines: c.claimed ?? c.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
      description: c.description ?? "Opened by an end-to-end journey.",
      reportedAt: daysAgo(c.reportedDaysAgo ?? 0),
      ...(c.customerFacts ? { customerFacts: c.customerFacts } : {}),
    };
    const files = Object.fromEntries((c.evidence ?? []).map((kind) => [kind, { name: `${kind}.png`, mimeType: "image/png", buffer: makePng() }]));
    const res = await api.post("/api/v1/claims", { headers: { "idempotency-key": `${order}-claim` }, multipart: { claim: JSON.stringify(claim), ...files } });
    if (res.status() !== 201) throw new Error(`claim on ${order}: ${res.status()} ${await res.text()}`);
    return (await res.json()).number;
  } finally {
    await api.dispose();
  }
}

/**
 * A browser context signed in as a new agent of `stores`, added by the admin with a one-time link: the demo agent
 * works kinetic, layerworks and atelier only, and four eyes (X3) need a proposer who is not the approving supervisor.
 */
export async function newAgentContext(browser: Browser, baseURL: string, stores: string[]): Promise<BrowserContext> {
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("admin") });
  const tag = `${Date.now()}${++serial}`;
  let path: string;
  try {
    const res = await admin.post("/trpc/users.createUser", {
      data: { json: { email: `journey.agent.${tag}@claimdesk.test`, name: `Jo Journey ${tag.slice(-4)}`, role: "agent", storeIds: stores } },
    });
    const body = await res.json();
    if (!res.ok()) throw new Error(`adding an agent: ${JSON.stringify(body)}`);
    path = body.result.data.json.setPasswordPath;
  } finally {
    await admin.dispose();
  }
  const context = await browser.newContext({ baseURL });
  const token = decodeURIComponent(path.split("token=")[1]!);
  const set = await context.request.post("/trpc/auth.setPassword", { data: { json: { token, password: `journey passphrase ${tag}` } } });
  if (!set.ok()) throw new Error(`setting the agent's password: ${await set.text()}`);
  return context;
}
