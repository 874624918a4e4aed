import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { buildApp } from "../../app.ts";
import { createSession } from "../../auth/sessions.ts";
import type { Database } from "../../db/client.ts";
import { sessions, users } from "../../db/schema/index.ts";
import { demo } from "../callers.ts";
import { openTestDatabase } from "../database.ts";

// The whole HTTP app on a private database, for tests that must see what goes over the wire.

export type HttpHarness = Awaited<ReturnType<typeof openHttpHarness>>;

export async function openHttpHarness(opts: { staticDir?: string } = {}) {
  const database: Database = await openTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "claimdesk-sec-"));
  const app = await buildApp({ database, sessionTtlHours: 12, cookieSecure: false, staticDir: opts.staticDir, dataDir });
  const { db } = database;

  /** A session cookie for a demo user; `secondFactor` marks it as having passed two-factor (admins' changes need it). */
  async function sessionFor(who: keyof typeof demo, o: { secondFactor?: boolean } = {}): Promise<string> {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, demo[who]));
    const now = new Date();
    const { token } = await createSession(db, { userId: u!.id, ttlHours: 12, now });
    if (o.secondFactor) {
      await db.update(users).set({ totpEnabledAt: new Date(now.getTime() - 3_600_000) }).where(eq(users.id, u!.id));
      await db.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.userId, u!.id));
    }
    return token;
  }

  return {
    app,
    database,
    db,
    dataDir,
    sessionFor,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A tRPC call over HTTP the way the browser client makes it (superjson envelope, GET for queries). */
export function trpcRequest(procedure: string, type: "query" | "mutation", input: unknown, token?: string) {
  const cookies = token ? { cd_session: token } : undefined;
  const envelope = input === undefined ? undefined : JSON.stringify({ json: input });
  if (type === "query") {
    const url = `/trpc/${procedure}${envelope ? `?input=${encodeURIComponent(envelope)}` : ""}`;
    return { method: "GET" as const, url, cookies };
  }
  return { method: "POST" as const, url: `/trpc/${procedure}`, cookies, headers: { "content-type": "application/json" }, payload: envelope ?? "{}" };
}

/** What must never reach a client: stack frames, driver or SQL error text. */
export const leakPatterns = [
  /\n\s+at \S+/,
  /"stack"\s*:/,
  /\.ts:\d+:\d+/,
  /syntax error at or near/i,
  /violates (foreign key|unique|check|not-null) constraint/i,
  /duplicate key value/i,
  /invalid input syntax for/i,
  /relation "[^"]+" does not exist/i,
  /column "[^"]+" (does not exist|of relation)/i,
  /\bselect\b[^"]{0,200}\bfrom\s+"?[a-z_]+"?/i,
];

/** Row counts and last changes of the tables a refused request must not touch. */
export async function dataFingerprint(database: Database): Promise<string> {
  const res = await database.db.execute(sql`select
    (select count(*) || ':' || coalesce(max(updated_at)::text, '') || ':' || coalesce(sum(version), 0) from claims) as claims,
    (select count(*) from claim_events)::text as events,
    (select count(*) || ':' || coalesce(max(updated_at)::text, '') from refunds) as refunds,
    (select count(*) from evidence_items)::text as evidence,
    (select count(*) || ':' || coalesce(max(updated_at)::text, '') from users) as users,
    (select count(*) from policy_versions)::text as policies,
    (select count(*) from user_stores)::text as memberships`);
  return JSON.stringify(res.rows[0]);
}
