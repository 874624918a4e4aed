import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import type { Database } from "../../db/client.ts";
import { claimEvents, claims, refundLines, refunds } from "../../db/schema/index.ts";
import { callerFor, callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";

// Shared set-up of the resolution and approval router tests: one private database per file, callers per
// role at a fixed instant, and readers for what a test checks afterwards (claim, events, refunds).

export const now = new Date("2026-03-10T12:00:00Z"); // a Tuesday

export function useResolutionDb() {
  const ctx = {} as { database: Database; c: Awaited<ReturnType<typeof callersFor>> };
  beforeAll(async () => {
    ctx.database = await openTestDatabase();
    ctx.c = await callersFor(ctx.database.db, now);
  });
  afterAll(() => ctx.database.close());
  return {
    get db() {
      return ctx.database.db;
    },
    get c() {
      return ctx.c;
    },
    /** The claim's current version, as the claim page would hold it. */
    ref: async (number: string) => {
      const [row] = await ctx.database.db.select({ version: claims.version }).from(claims).where(eq(claims.number, number));
      return { number, version: row!.version };
    },
    claim: async (number: string) => {
      const [row] = await ctx.database.db.select().from(claims).where(eq(claims.number, number));
      return row!;
    },
    events: async (claimId: number, type?: string) => {
      const rows = await ctx.database.db.select().from(claimEvents).where(eq(claimEvents.claimId, claimId)).orderBy(asc(claimEvents.seq));
      return type ? rows.filter((r) => r.type === type) : rows;
    },
    refunds: async (claimId: number) => ctx.database.db.select().from(refunds).where(eq(refunds.claimId, claimId)).orderBy(asc(refunds.id)),
    refundLines: async (refundId: number) => ctx.database.db.select().from(refundLines).where(eq(refundLines.refundId, refundId)),
    /** A caller acting at another instant (later steps of a journey). */
    at: (role: "agent" | "supervisor" | "admin", when: Date) => callerFor(ctx.database.db, ctx.c.users[role], when),
  };
}

export const key = () => randomUUID();
