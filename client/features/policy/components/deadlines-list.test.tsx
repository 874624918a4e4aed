import { describe, expect, it } from "vitest";
import type { Decision } from "@shared/policy/index.ts";
import { deadlineRows } from "./deadlines-list.tsx";

// Issue 14: a rule book may set one deadline kind twice (everyday's two refund_due under E7, two report_by
// under different clauses). Keyed by kind alone, React merged or dropped rows, and both read the same.

const now = new Date("2026-03-10T12:00:00Z");
const deadlines: Decision["deadlines"] = [
  { key: "refund_due", dueAt: "2026-03-12T23:59:59.999Z", clause: "E7" },
  { key: "refund_due", dueAt: "2026-03-11T23:59:59.999Z", clause: "E7" },
  { key: "report_by", dueAt: "2026-04-06T23:59:59.999Z", clause: "E2" },
  { key: "report_by", dueAt: "2026-03-20T23:59:59.999Z", clause: "E5" },
  { key: "report_by", dueAt: "2026-03-20T23:59:59.999Z", clause: "E5" }, // the same deadline twice is one row
];

describe("deadlineRows", () => {
  it("gives every deadline of a repeated kind its own key and a numbered label, earliest first", () => {
    const rows = deadlineRows(deadlines, { clock: "running", now });
    expect(rows.map((r) => r.label)).toEqual(["Refund issued (1 of 2)", "Refund issued (2 of 2)", "Reporting window closes (1 of 2)", "Reporting window closes (2 of 2)"]);
    expect(rows.map((r) => r.dueAt)).toEqual(["2026-03-11T23:59:59.999Z", "2026-03-12T23:59:59.999Z", "2026-03-20T23:59:59.999Z", "2026-04-06T23:59:59.999Z"]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(4);
  });

  it("reads like the queue's Due column and marks the deadline that is the queue's due date", () => {
    const rows = deadlineRows(deadlines, { clock: "running", dueAt: new Date("2026-03-11T23:59:59.999Z"), now: new Date("2026-03-12T12:00:00Z") });
    expect(rows.filter((r) => r.isNext).map((r) => r.label)).toEqual(["Refund issued (1 of 2)"]);
    expect(rows[0]).toMatchObject({ overdue: true, text: "Overdue 12 hours" });
    expect(rows[1]).toMatchObject({ overdue: false, text: "in 12 hours" });
  });

  it("while we wait on the customer stops only our own deadlines; a finished claim has none running", () => {
    const paused = deadlineRows(deadlines, { clock: "paused", now: new Date("2026-03-15T00:00:00Z") });
    expect(paused.map((r) => r.stopped)).toEqual([true, true, false, false]);
    expect(paused[0]).toMatchObject({ overdue: false, text: expect.stringMatching(/ · paused$/) });
    const finished = deadlineRows(deadlines, { clock: "finished", now: new Date("2026-05-01T00:00:00Z") });
    expect(finished.every((r) => r.stopped && !r.overdue)).toBe(true);
  });
});
