import type { Database } from "../../db/client.ts";
import { createApiKey } from "../../services/api-keys.ts";
import { sessionUserByEmail } from "../../test/callers.ts";

type App = { inject: (opts: object) => Promise<{ statusCode: number; headers: Record<string, unknown>; json: () => any; body: string }> };

/** A fresh key of a store, made through the same service the admin page uses. */
export async function newApiKey(database: Database, storeId: string, rateLimitPerMinute = 1000) {
  const admin = await sessionUserByEmail(database.db, "admin@claimdesk.test");
  return createApiKey(database.db, admin, { storeId, name: `test ${storeId}`, rateLimitPerMinute }, new Date());
}

let seq = 0;
export const uniqueKey = (label = "req") => `${label}-${process.pid}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

export function apiClient(app: App, key: string) {
  const auth = { authorization: `Bearer ${key}` };
  return {
    auth,
    put: (url: string, payload: unknown, idem: string | null = uniqueKey()) =>
      app.inject({ method: "PUT", url: `/api/v1${url}`, headers: { ...auth, ...(idem ? { "idempotency-key": idem } : {}) }, payload }),
    post: (url: string, payload: unknown, idem: string | null = uniqueKey()) =>
      app.inject({ method: "POST", url: `/api/v1${url}`, headers: { ...auth, ...(idem ? { "idempotency-key": idem } : {}) }, payload }),
    get: (url: string) => app.inject({ method: "GET", url: `/api/v1${url}`, headers: auth }),
  };
}

export const sampleOrder = (overrides: Record<string, unknown> = {}) => ({
  placedAt: "2026-11-02T10:00:00Z",
  shippedAt: "2026-11-03T10:00:00Z",
  deliveredAt: "2026-11-05T10:00:00Z",
  customer: { email: "Ada.Lovelace@example.test", name: "Ada Lovelace" },
  lines: [
    { sku: "KB-100", name: "Mechanical keyboard", unitPriceCents: 12999, quantity: 1, electronic: true },
    { sku: "CB-2", name: "USB-C cable", unitPriceCents: 999, quantity: 2 },
  ],
  ...overrides,
});
