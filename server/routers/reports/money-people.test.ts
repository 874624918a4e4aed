import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { callerFor, callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";
import { insertRefund } from "./fixtures.ts";
import { insertScenario, now, range } from "./scenario.ts";

let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;
let s: Awaited<ReturnType<typeof insertScenario>>;

beforeAll(async () => {
  database = await openTestDatabase();
  c = await callersFor(database.db, now);
  s = await insertScenario(database.db, { agent: c.users.agent.id, supervisor: c.users.supervisor.id, admin: c.users.admin.id });
});
afterAll(() => database.close());

const sums = (approvedCount: number, approvedCents: number, executedCount: number, executedCents: number) => ({ approvedCount, approvedCents, executedCount, executedCents });

describe("reports.getMoneyReport", () => {
  it("adds up refunds approved and paid in the range, exceptions apart", async () => {
    const m = await c.supervisor.reports.getMoneyReport(range);
    expect(m.totals).toEqual({ ...sums(3, 14000, 3, 13499), exceptionCount: 1, exceptionCents: 1500 });
    expect(m.exceptions).toEqual([{ storeId: "kinetic", ...sums(1, 1500, 0, 0) }]);
  });

  it("splits by store, reason, kind, compensation and grade", async () => {
    const m = await c.supervisor.reports.getMoneyReport(range);
    expect(m.byStore).toEqual([{ storeId: "everyday", ...sums(1, 10000, 1, 10000) }, { storeId: "kinetic", ...sums(2, 4000, 2, 3499) }]);
    expect(m.byReason).toEqual([
      { reason: "change_of_mind", ...sums(1, 10000, 1, 10000) },
      { reason: "quality_defect", ...sums(1, 2500, 2, 3499) },
      { reason: "carrier_damage", ...sums(1, 1500, 0, 0) },
    ]);
    expect(m.byKind).toEqual([
      { kind: "full_refund", ...sums(1, 10000, 2, 10999) },
      { kind: "partial_refund", ...sums(1, 2500, 1, 2500) },
      { kind: "keep_with_compensation", ...sums(1, 1500, 0, 0) },
    ]);
    expect(m.byCategory).toEqual([{ category: "full", ...sums(1, 10000, 2, 10999) }, { category: "compensation", ...sums(2, 4000, 1, 2500) }]);
    expect(m.byGrade).toEqual([
      { grade: "low", ...sums(1, 6000, 1, 6000) },
      { grade: "medium", ...sums(1, 4000, 1, 4000) },
      { grade: "high", ...sums(1, 2500, 2, 3499) },
      { grade: "ungraded", ...sums(1, 1500, 0, 0) },
    ]);
  });

  it("lists the largest refunds first, never proposed or rejected ones", async () => {
    const m = await c.supervisor.reports.getMoneyReport(range);
    expect(m.largest.map((r) => [r.reference, r.amountCents, r.isException])).toEqual([
      [s.refs.r2, 10000, false], [s.refs.r1, 2500, false], [s.refs.r3, 1500, true], [s.refs.r6, 999, false],
    ]);
    expect(m.largest[0]).toMatchObject({ claimNumber: s.c5.number, storeId: "everyday", status: "executed", at: "2026-11-08T00:00:00.000Z" });
  });

  it("counts a return for refund and a cancellation as full refunds, a replacement's money as other", async () => {
    const lineId = (await database.db.execute<{ id: number }>(sql`select order_line_id as id from claim_lines where claim_id = ${s.c4.id}`)).rows[0]!.id;
    for (const [kind, cents] of [["return_for_refund", 800], ["cancel_order", 300], ["replacement", 50]] as const) {
      await insertRefund(database.db, { claimId: s.c4.id, kind, status: "executed", createdAt: "10-09T12:00", decidedAt: "10-10T08:00", executedAt: "10-10T09:00", lines: [[lineId, cents]] });
    }
    const m = await c.supervisor.reports.getMoneyReport({ from: "2026-10-10", to: "2026-10-10" });
    expect(m.byCategory).toEqual([{ category: "full", ...sums(2, 1100, 2, 1100) }, { category: "other", ...sums(1, 50, 1, 50) }]);
    expect(m.byStore).toEqual([{ storeId: "layerworks", ...sums(3, 1150, 3, 1150) }]);
  });

  it("keeps another store's money out of a supervisor's report", async () => {
    const kineticOnly = callerFor(database.db, { ...c.users.supervisor, storeIds: ["kinetic"] }, now);
    const m = await kineticOnly.reports.getMoneyReport(range);
    expect(m.totals).toMatchObject(sums(2, 4000, 2, 3499));
    expect(m.byStore.map((x) => x.storeId)).toEqual(["kinetic"]);
    expect(m.largest.map((r) => r.reference)).toEqual([s.refs.r1, s.refs.r3, s.refs.r6]);
  });
});

describe("reports.getPeopleReport", () => {
  it("counts open claims now and claims closed in the range per assignee", async () => {
    const p = await c.supervisor.reports.getPeopleReport(range);
    const byName = Object.fromEntries(p.agents.map((a) => [a.userId, { open: a.open, closed: a.closed }]));
    expect(byName).toEqual({
      [c.users.agent.id]: { open: 1, closed: 1 },
      [c.users.supervisor.id]: { open: 1, closed: 0 },
      [c.users.admin.id]: { open: 0, closed: 1 },
    });
    expect(p.agents[0]!.userId).toBe(c.users.agent.id);
  });

  it("shows approvals waiting and the median decision time (12, 24, 24, 48 h)", async () => {
    const p = await c.supervisor.reports.getPeopleReport(range);
    expect(p.approvalsWaiting).toBe(1);
    expect(p.medianHoursApprovalTurnaround).toBe(24);
    const kinetic = await c.supervisor.reports.getPeopleReport({ ...range, storeIds: ["kinetic"] });
    expect(kinetic.approvalsWaiting).toBe(0);
    expect(kinetic.medianHoursApprovalTurnaround).toBe(36);
    expect(kinetic.agents).toEqual([{ userId: c.users.agent.id, name: "Alex Agent", open: 1, closed: 1 }]);
  });

  it("is not for agents", async () => {
    await expect(c.agent.reports.getPeopleReport(range)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
