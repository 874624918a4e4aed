import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { callerFor, callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";
import { insertScenario, now, range } from "./scenario.ts";

let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;

beforeAll(async () => {
  database = await openTestDatabase();
  c = await callersFor(database.db, now);
  await insertScenario(database.db, { agent: c.users.agent.id, supervisor: c.users.supervisor.id, admin: c.users.admin.id });
});
afterAll(() => database.close());

describe("reports.getVolumeReport", () => {
  it("counts claims opened and closed per day, every day of the range present", async () => {
    const v = await c.supervisor.reports.getVolumeReport(range);
    expect(v.perDay).toHaveLength(20);
    const busy = v.perDay.filter((d) => d.opened || d.closed);
    expect(busy).toEqual([
      { day: "2026-11-02", opened: 1, closed: 0 },
      { day: "2026-11-05", opened: 1, closed: 1 },
      { day: "2026-11-10", opened: 1, closed: 0 },
      { day: "2026-11-15", opened: 0, closed: 1 },
      { day: "2026-11-18", opened: 1, closed: 0 },
      { day: "2026-11-19", opened: 1, closed: 0 },
    ]);
  });

  it("shows the backlog by status and by age, open and overdue now", async () => {
    const v = await c.supervisor.reports.getVolumeReport(range);
    expect(Object.fromEntries(v.backlogByStatus.map((s) => [s.status, s.count]))).toEqual({ in_review: 1, new: 1, awaiting_return: 1, triage: 1 });
    expect(v.backlogByAge).toEqual([
      { bucket: "0-2", count: 2 }, { bucket: "3-7", count: 0 }, { bucket: "8-14", count: 1 }, { bucket: "15-30", count: 0 }, { bucket: "30+", count: 1 },
    ]);
    expect(v.open).toBe(4);
    expect(v.overdue).toBe(2);
  });

  it("mixes reasons per store for claims reported in the range", async () => {
    const v = await c.admin.reports.getVolumeReport(range);
    expect(v.reasonsByStore).toEqual([
      { storeId: "everyday", reason: "change_of_mind", count: 1 },
      { storeId: "kinetic", reason: "quality_defect", count: 2 },
      { storeId: "kinetic", reason: "carrier_damage", count: 1 },
      { storeId: "layerworks", reason: "quality_defect", count: 1 },
    ]);
  });

  it("narrows to the chosen stores", async () => {
    const v = await c.supervisor.reports.getVolumeReport({ ...range, storeIds: ["layerworks"] });
    expect(v.open).toBe(2);
    expect(v.overdue).toBe(1);
    expect(v.reasonsByStore).toEqual([{ storeId: "layerworks", reason: "quality_defect", count: 1 }]);
  });
});

describe("reports.getSlaReport", () => {
  it("judges each deadline by the status change that ended what was owed", async () => {
    const s = await c.supervisor.reports.getSlaReport(range);
    expect(s.deadlines).toEqual([
      { key: "review_due", met: 2, missed: 2, pending: 1, share: 0.5 },
      { key: "refund_due", met: 1, missed: 0, pending: 0, share: 1 },
      { key: "customer_ship_due", met: 0, missed: 1, pending: 0, share: 0 },
    ]);
  });

  it("takes medians of hours to first review (6, 12, 24) and to resolution (72, 240)", async () => {
    const s = await c.supervisor.reports.getSlaReport(range);
    expect(s.medianHoursToFirstReview).toBe(12);
    expect(s.medianHoursToResolution).toBe(156);
  });

  it("has no share and no median when the range holds nothing", async () => {
    const s = await c.supervisor.reports.getSlaReport({ from: "2025-01-01", to: "2025-01-31" });
    expect(s.deadlines.every((d) => d.share === null && d.met + d.missed + d.pending === 0)).toBe(true);
    expect(s.medianHoursToFirstReview).toBeNull();
    expect(s.medianHoursToResolution).toBeNull();
  });
});

describe("reports access and input", () => {
  it("refuses agents and anonymous callers", async () => {
    await expect(c.agent.reports.getVolumeReport(range)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(c.agent.reports.getMoneyReport(range)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(c.anonymous.reports.getSlaReport(range)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("shows a supervisor only their stores' numbers, whatever the filter asks", async () => {
    const kineticOnly = callerFor(database.db, { ...c.users.supervisor, storeIds: ["kinetic"] }, now);
    const v = await kineticOnly.reports.getVolumeReport(range);
    expect(v.open).toBe(2);
    expect(v.overdue).toBe(1);
    expect(v.reasonsByStore.every((r) => r.storeId === "kinetic")).toBe(true);
    const s = await kineticOnly.reports.getSlaReport(range);
    expect(s.deadlines[0]).toEqual({ key: "review_due", met: 1, missed: 1, pending: 1, share: 0.5 });
    const other = await kineticOnly.reports.getVolumeReport({ ...range, storeIds: ["everyday"] });
    expect(other.open).toBe(0);
    expect(other.reasonsByStore).toEqual([]);
  });

  it("rejects a reversed or too long range with a message naming the problem", async () => {
    await expect(c.supervisor.reports.getVolumeReport({ from: "2026-11-20", to: "2026-11-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST", message: expect.stringContaining("on or after the start date"),
    });
    await expect(c.supervisor.reports.getVolumeReport({ from: "2025-01-01", to: "2026-01-02" })).rejects.toMatchObject({
      code: "BAD_REQUEST", message: expect.stringContaining("at most 366 days"),
    });
    await expect(c.supervisor.reports.getVolumeReport({ from: "2026-13-01", to: "2026-11-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
