import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { defaultPolicies, evaluateClaim, storeKeys, type PolicyDocument } from "./index.ts";
import { applyParameterChanges, diffDocuments, listParameters, safeApplyParameterChanges, type PolicyParameter } from "./parameters.ts";
import { DELIVERED, after, deadline, decide, evidence, expectFinding } from "./test-kit.ts";

const kinetic = defaultPolicies.kinetic;
const param = (doc: PolicyDocument, label: string, context?: string): PolicyParameter => {
  const hit = listParameters(doc).find((p) => p.label === label && (context === undefined || p.context.includes(context)));
  if (!hit) throw new Error(`no parameter ${label} / ${context}`);
  return hit;
};
const qualityWindow = param(kinetic, "Reporting window", "Quality defect");
/** The message of the first issue, which the editor shows beside the field. */
function issuesOf(doc: PolicyDocument, request: Parameters<typeof applyParameterChanges>[1]) {
  const result = safeApplyParameterChanges(doc, request);
  if (result.success) throw new Error("expected the change to be refused");
  return result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("listParameters", () => {
  it("[K2][K4][K5][K7][G] lists kinetic's windows, caps, warranty, deadline, shares and payout note", () => {
    expect(qualityWindow).toMatchObject({ key: "cases/0/window/length/amount", clause: "K2", kind: "days", value: 30, min: 0 });
    expect(param(kinetic, "Deduction cap when needs repacking")).toMatchObject({ clause: "K4", kind: "percent", value: 10, max: 100 });
    expect(param(kinetic, "Deduction cap when damaged, unresellable").value).toBe(90);
    expect(param(kinetic, "Warranty length")).toMatchObject({ clause: "K5", kind: "months", value: 12, min: 1 });
    expect(param(kinetic, "Refund issued")).toMatchObject({ clause: "K7", kind: "hours", value: 48, context: "after inspection" });
    expect(param(kinetic, "Share for grade High")).toMatchObject({ clause: "G", value: 100 });
    expect(param(kinetic, "Funds arrive after at most")).toMatchObject({ clause: "K7", kind: "business_days", value: 10 });
  });

  it("[E2] a window shared by several cases is one parameter with every place it sits", () => {
    const window = param(defaultPolicies.everyday, "Reporting window", "Change of mind");
    expect(window.clause).toBe("E2");
    expect(window.paths.length).toBe(4);
    expect(window.context).toContain("Wrong item");
    expect(param(defaultPolicies.everyday, "Reporting window", "Electronic failure")).toMatchObject({ clause: "E5", kind: "months", value: 3 });
    expect(param(defaultPolicies.everyday, "Reported within, from order placed")).toMatchObject({ clause: "E1", kind: "hours", value: 24 });
  });

  it("[A3][A4][A5][C6][C8] lists part values (null = Depends), issue grades, compensation share, complex review", () => {
    const atelier = defaultPolicies.atelier;
    expect(param(atelier, "Maximum value: Head sculpt")).toMatchObject({ clause: "A5", kind: "cents_or_depends", value: 2500 });
    expect(param(atelier, "Maximum value: Packaging box").value).toBeNull();
    expect(param(atelier, "Default grade: Wrong or missing paint")).toMatchObject({ clause: "A3", kind: "grade", value: "depends" });
    expect(param(atelier, "Share for grade Low")).toMatchObject({ clause: "A4", value: 25 });
    expect(param(defaultPolicies.chipyard, "Compensation share of the price difference")).toMatchObject({ clause: "C6", kind: "percent", value: 50 });
    expect(param(defaultPolicies.chipyard, "Reply to the customer, complex case")).toMatchObject({ clause: "C8", kind: "working_days", value: 5 });
  });

  it("gives every store unique keys whose values are the document's", () => {
    for (const store of storeKeys) {
      const params = listParameters(defaultPolicies[store]);
      expect(new Set(params.map((p) => p.key)).size).toBe(params.length);
      for (const p of params) {
        for (const path of p.paths) expect(path.reduce<any>((v, k) => v[k], defaultPolicies[store])).toBe(p.value);
      }
    }
  });

  it("keeps the rule book's order when the stored document's keys come back reordered (JSONB)", () => {
    const reorder = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reorder) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reorder(x)])) : v;
    const stored = reorder(defaultPolicies.atelier) as PolicyDocument;
    expect(listParameters(stored)).toEqual(listParameters(defaultPolicies.atelier));
  });
});

describe("applyParameterChanges", () => {
  it("yields an identical document when nothing changes", () => {
    for (const store of storeKeys) {
      const doc = defaultPolicies[store];
      expect(applyParameterChanges(doc, {})).toEqual(doc);
      const same = listParameters(doc).map((p) => ({ path: p.path, value: p.value }));
      expect(applyParameterChanges(doc, { changes: same, timeZone: doc.timeZone, holidays: doc.holidays })).toEqual(doc);
      expect(diffDocuments(doc, doc)).toEqual([]);
    }
  });

  it("[K2] raising kinetic's 30-day window to 45 days turns a day-40 quality claim eligible", () => {
    const facts = { evidence: evidence("connection_video"), reportedAt: after(DELIVERED, 40) };
    const v1 = decide("kinetic", facts);
    expect(v1.eligibility).toBe("needs_review"); // rev. 2: past the window only the warranty's replacement remains
    expectFinding(v1, "window_expired", "K2", "warn");

    const v2doc = applyParameterChanges(kinetic, { changes: [{ path: qualityWindow.path, value: 45 }] });
    const v2 = decide(v2doc, facts);
    expect(v2.eligibility).toBe("eligible");
    expect(deadline(v2, "report_by")).toBe("2025-04-19T23:59:59.999Z");
    // The texts agents read quote the new number (K2's summary, the window's finding message).
    expect(v2doc.cases[0]!.window!.message).toContain("45-day window");
    expect(v2doc.clauses.find((c) => c.id === "K2")!.summary).toContain("within 45 days of delivery");
    const late = decide(v2doc, { ...facts, reportedAt: after(DELIVERED, 46) });
    expect(late.findings.find((f) => f.code === "window_expired")?.message).toContain("45-day");
    // The source document is untouched: versions are immutable values.
    expect(kinetic.cases[0]!.window!.length.amount).toBe(30);
  });

  it("[E2] edits a shared window in every case it governs", () => {
    const everyday = defaultPolicies.everyday;
    const window = param(everyday, "Reporting window", "Change of mind");
    const next = applyParameterChanges(everyday, { changes: [{ path: window.paths[2]!, value: 60 }] });
    for (const p of window.paths) expect(p.reduce<any>((v, k) => v[k], next)).toBe(60);
    expect(next.clauses.find((c) => c.id === "E2")!.summary).toContain("60 days");
    expect(diffDocuments(everyday, next)).toEqual([expect.objectContaining({ key: window.key, clause: "E2", before: 30, after: 60 })]);
  });

  it("[E7] leaves an ambiguous clause summary alone but rewrites the rule's own", () => {
    const everyday = defaultPolicies.everyday;
    const ship = param(everyday, "Customer ships the return");
    const next = applyParameterChanges(everyday, { changes: [{ path: ship.path, value: 1 }] });
    expect(next.clauses.find((c) => c.id === "E7")!.summary).toBe(everyday.clauses.find((c) => c.id === "E7")!.summary);
    expect(next.deadlines.find((d) => d.key === "customer_ship_due")!.summary).toBe("Customer ships within 1 working day of approval.");
  });

  it("[A5][A6] a part value set to Depends leaves the graded refund without an amount", () => {
    const atelier = defaultPolicies.atelier;
    const head = param(atelier, "Maximum value: Head sculpt");
    const next = applyParameterChanges(atelier, { changes: [{ path: head.path, value: null }] });
    const d = evaluateClaim(next, { ...factsFor("missing_accessory", [{ sku: "H", unitPriceCents: 9000, quantity: 1, partType: "head_sculpt", issueType: "structural_breakage" }]), evidence: [{ kind: "photo" }] }, "2025-06-01T12:00:00Z");
    expect(d.options.find((o) => o.kind === "partial_refund")?.refundCents).toBeUndefined();
    expectFinding(d, "grade_depends", "A6");
  });

  it("[E7] a holiday moves a working-day deadline; the time zone is stored as given", () => {
    const everyday = defaultPolicies.everyday;
    // Reported Wednesday 2025-03-05: reply due Monday 03-10; with Friday 03-07 off, Tuesday 03-11.
    const facts = factsFor("change_of_mind", undefined, DELIVERED);
    expect(deadline(evaluateClaim(everyday, facts, DELIVERED), "review_due")).toBe("2025-03-10T23:59:59.999Z");
    const next = applyParameterChanges(everyday, { holidays: ["2025-12-25", "2025-03-07", "2025-03-07"], timeZone: "Europe/Berlin" });
    expect(next.holidays).toEqual(["2025-03-07", "2025-12-25"]);
    expect(deadline(evaluateClaim(next, facts, DELIVERED), "review_due")).toBe("2025-03-11T22:59:59.999Z");
    expect(diffDocuments(everyday, next).map((e) => [e.key, e.before, e.after])).toEqual([
      ["timeZone", "UTC", "Europe/Berlin"],
      ["holidays", [], ["2025-03-07", "2025-12-25"]],
    ]);
  });

  it("refuses invalid values with a message naming the field", () => {
    expect(issuesOf(kinetic, { changes: [{ path: qualityWindow.path, value: -1 }] })).toEqual([
      { path: "values.cases/0/window/length/amount", message: "Reporting window (Quality defect) must be 0 or more." },
    ]);
    expect(issuesOf(kinetic, { changes: [{ path: qualityWindow.path, value: 30.5 }] })[0]!.message).toMatch(/^Reporting window .* whole number of days/);
    expect(issuesOf(kinetic, { changes: [{ path: ["grading", "sharesPct", "high"], value: 120 }] })[0]).toEqual({
      path: "values.grading/sharesPct/high",
      message: "Share for grade High must be between 0 and 100 %.",
    });
    expect(issuesOf(kinetic, { timeZone: "Mars/Olympus" })).toEqual([{ path: "timeZone", message: expect.stringMatching(/^Time zone "Mars\/Olympus" is not a known/) }]);
    expect(issuesOf(kinetic, { holidays: ["2025-12-25", "2025-02-30"] })).toEqual([{ path: "holidays.1", message: expect.stringMatching(/^Holiday "2025-02-30"/) }]);
    expect(issuesOf(kinetic, { changes: [{ path: ["warranty", "months"], value: 0 }] })[0]!.message).toBe("Warranty length (from delivery) must be 1 or more.");
    expect(issuesOf(kinetic, { changes: [{ path: qualityWindow.path, value: null }] })[0]!.message).toMatch(/needs a value/);
    expect(issuesOf(kinetic, { changes: [{ path: ["clauses", 0, "id"], value: "Z9" }] })).toEqual([{ path: "changes.0.path", message: '"clauses/0/id" is not an editable parameter.' }]);
    expect(issuesOf(kinetic, { changes: [{ path: ["payoutNote", "minBusinessDays"], value: 12 }] })[0]!.message).toMatch(/^Funds arrive after at most/);
    expect(() => applyParameterChanges(kinetic, { changes: [{ path: qualityWindow.path, value: -5 }] })).toThrow(ZodError);
  });
});

function factsFor(reason: "missing_accessory" | "change_of_mind", lines?: { sku: string; unitPriceCents: number; quantity: number; partType?: "head_sculpt"; issueType?: "structural_breakage" }[], reportedAt = "2025-03-10T10:00:00.000Z") {
  return {
    reason,
    orderPlacedAt: "2025-03-01T10:00:00.000Z",
    shippedAt: "2025-03-02T10:00:00.000Z",
    deliveredAt: DELIVERED,
    reportedAt,
    lines: lines ?? [{ sku: "SKU-1", unitPriceCents: 10_000, quantity: 1 }],
    evidence: [],
    voidFindings: [],
    repairPauses: [],
  };
}
