import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { claims, notifications } from "../db/schema/index.ts";
import { createTestClaim, daysBefore } from "../routers/resolution/test-claims.ts";
import { callersFor } from "../test/callers.ts";
import { openTestDatabase, testDbKind } from "../test/database.ts";
import { alertDeadlines, deadlineAlertsHandler, DEADLINE_ALERTS } from "./deadline-alerts.ts";

const now = new Date("2026-03-10T09:00:00Z");
const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000).toISOString();
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;

beforeAll(async () => {
  database = await openTestDatabase();
  c = await callersFor(database.db, now);
});
afterAll(() => database.close());

/** A claim with exactly these deadlines (set directly: the test is about the alert, not the policy). */
async function claimDue(deadlines: { key: string; dueAt: string }[], patch: Partial<typeof claims.$inferInsert> = {}) {
  const claim = await createTestClaim(database.db, {
    store: "atelier", reason: "missing_accessory", lines: [{ sku: "AT-WEAP-SET", unitPriceCents: 4500 }], reportedAt: daysBefore(now, 1),
  });
  const stored = deadlines.map((d) => ({ ...d, clause: "E7" }));
  const dueAt = new Date(stored.map((d) => d.dueAt).sort()[0]!);
  await database.db.update(claims).set({ deadlines: stored, dueAt, assigneeId: c.users.agent.id, ...patch }).where(eq(claims.id, claim.id));
  return claim;
}

const alertsOn = (number: string) =>
  database.db
    .select({ userId: notifications.userId, kind: notifications.kind, title: notifications.title })
    .from(notifications)
    .where(eq(notifications.claimNumber, number));

describe("deadline alerts", () => {
  it("alerts the assignee once per claim and deadline, however often the job runs", async () => {
    const claim = await claimDue([{ key: "review_due", dueAt: inHours(3) }, { key: "customer_ship_due", dueAt: inHours(2) }, { key: "refund_due", dueAt: inHours(30) }]);
    await alertDeadlines(database.db, now);
    await alertDeadlines(database.db, new Date(now.getTime() + 60_000));
    const outcome = await deadlineAlertsHandler({} as never, { db: database.db, now: new Date(now.getTime() + 120_000), log: { info() {}, warn() {}, error() {} } });
    expect(outcome).toMatchObject({ next: { kind: DEADLINE_ALERTS, dedupeKey: DEADLINE_ALERTS } });
    // Only our own deadline inside the 24 h window; the customer's shipping deadline is theirs to miss.
    expect(await alertsOn(claim.number)).toEqual([{ userId: c.users.agent.id, kind: "deadline_soon", title: "Reply to the customer: due in 3 h" }]);

    // Ten hours on, the refund deadline enters the window: one more alert, not a repeat of the first.
    await alertDeadlines(database.db, new Date(now.getTime() + 10 * 3_600_000));
    expect((await alertsOn(claim.number)).map((a) => a.title)).toEqual(["Reply to the customer: due in 3 h", "Refund issued: due in 20 h"]);
  });

  it("stays quiet for unassigned, paused, closed and already late claims", async () => {
    const due = [{ key: "review_due", dueAt: inHours(2) }];
    const quiet = [
      await claimDue(due, { assigneeId: null }),
      await claimDue(due, { pausedAt: now }),
      await claimDue(due, { status: "closed" }),
      await claimDue([{ key: "review_due", dueAt: inHours(-1) }]),
    ];
    await alertDeadlines(database.db, now);
    for (const claim of quiet) expect(await alertsOn(claim.number)).toEqual([]);
  });

  if (testDbKind === "postgres") {
    it("delivers once when two runners alert at the same moment", async () => {
      const claim = await claimDue([{ key: "review_due", dueAt: inHours(5) }]);
      const runs = await Promise.all([alertDeadlines(database.db, now), alertDeadlines(database.db, now), alertDeadlines(database.db, now)]);
      expect(await alertsOn(claim.number)).toHaveLength(1);
      expect(runs.reduce((sum, r) => sum + r.delivered, 0)).toBe(1);
    });
  }
});
