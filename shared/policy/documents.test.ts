import { describe, expect, it } from "vitest";
import { claimFactsSchema, defaultPolicies, evaluateClaim, policyDocumentSchema, policySources, storeKeys, type PolicyDocumentInput } from "./index.ts";
import { facts, line } from "./test-kit.ts";

const issuesOf = (input: unknown) => {
  const r = policyDocumentSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

/** A store that exists only as data: the engine needs no change to serve it. */
const gizmo: PolicyDocumentInput = {
  key: "gizmo",
  name: "Gizmo gadgets",
  version: "1",
  currency: "USD",
  timeZone: "Europe/Berlin",
  holidays: ["2025-12-25"],
  clauses: [{ id: "Z1", summary: "Defects within 14 days: exchange, or refund less 20 % after inspection." }],
  cases: [
    {
      id: "defect",
      clause: "Z1",
      summary: "Defects within 14 days.",
      reasons: ["quality_defect"],
      window: { clause: "Z1", summary: "14 days.", anchors: ["deliveredAt"], length: { amount: 14, unit: "natural_days" }, severity: "block" },
      evidence: { clause: "Z1", summary: "Two photos.", requires: [{ kind: "photo", min: 2 }] },
      freight: { clause: "Z1", summary: "Store pays.", payer: "merchant" },
      options: [
        { clause: "Z1", summary: "Exchange.", kind: "exchange", preferred: true, amount: { type: "none" } },
        { clause: "Z1", summary: "Refund less 20 %.", kind: "return_for_refund", amount: { type: "paid_less_deduction", capsPct: {}, defaultCapPct: 20, requireInspection: false } },
      ],
    },
  ],
  uncovered: { clause: "Z1", summary: "Only defects.", severity: "block" },
  grading: { clause: "G", summary: "Default shares.", sharesPct: { low: 25, medium: 50, high: 100 } },
  deadlines: [{ key: "review_due", clause: "Z1", summary: "Answer in 1 working day.", from: "reportedAt", after: { amount: 1, unit: "working_days" } }],
  unannouncedReturn: { clause: "X1", summary: "Ask first.", severity: "warn" },
};

describe("policy documents", () => {
  it("[X4] the five stores' documents validate and survive a JSON round trip (they are stored as data)", () => {
    for (const key of storeKeys) {
      expect(issuesOf(policySources[key])).toEqual([]);
      const stored = JSON.parse(JSON.stringify(defaultPolicies[key]));
      expect(policyDocumentSchema.parse(stored)).toEqual(defaultPolicies[key]);
    }
  });

  it("rejects a rule citing a clause the document does not define", () => {
    const bad = structuredClone(defaultPolicies.kinetic);
    bad.cases[0]!.clause = "K99";
    expect(issuesOf(bad)).toEqual(['cases.0.clause: clause "K99" is neither cross-cutting nor listed in clauses']);
  });

  it("rejects unknown time zones, malformed holidays and duplicate case ids", () => {
    expect(issuesOf({ ...defaultPolicies.everyday, timeZone: "Mars/Base" })).toEqual(['timeZone: unknown time zone "Mars/Base"']);
    expect(issuesOf({ ...defaultPolicies.everyday, holidays: ["2025-13-01"] })).toEqual(['holidays.0: "2025-13-01" is not a YYYY-MM-DD date']);
    const dup = structuredClone(defaultPolicies.atelier);
    dup.cases.push(dup.cases[0]!);
    expect(issuesOf(dup)).toContain('cases.5.id: duplicate case id "wrong-item"');
  });

  it("a sixth store is one more document", () => {
    const doc = policyDocumentSchema.parse(gizmo);
    const claim = facts({
      deliveredAt: "2025-03-05T10:00:00.000Z",
      reportedAt: "2025-03-19T22:59:00.000Z", // 23:59 in Berlin on day 14
      evidence: [{ kind: "photo" }, { kind: "photo" }],
      lines: [line({ unitPriceCents: 5_000 })],
      condition: { used: true, tested: true, programmed: false, packagingIntact: false, deductionPct: 30 },
    });
    const d = evaluateClaim(doc, claim, "2025-03-20T00:00:00.000Z");
    expect(d.eligibility).toBe("eligible");
    expect(d.options.map((o) => [o.kind, o.refundCents])).toEqual([["exchange", undefined], ["return_for_refund", 4_000]]);
    expect(d.deadlines).toContainEqual({ key: "review_due", dueAt: "2025-03-20T22:59:59.999Z", clause: "Z1" });
    expect(evaluateClaim(doc, { ...claim, reportedAt: "2025-03-19T23:00:00.000Z" }, "2025-03-20T00:00:00.000Z").eligibility).toBe("ineligible");
  });

  it("facts need zoned instants, whole cents and ordered repair pauses", () => {
    const bad = claimFactsSchema.safeParse({
      ...facts(),
      reportedAt: "2025-03-10T10:00:00",
      lines: [line({ unitPriceCents: 12.5 })],
      repairPauses: [{ leftAt: "2025-06-10T00:00:00Z", backAt: "2025-06-01T00:00:00Z" }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["reportedAt", "lines.0.unitPriceCents", "repairPauses.0.backAt"]);
    expect(claimFactsSchema.parse({ ...facts(), evidence: undefined, voidFindings: undefined, repairPauses: undefined }).evidence).toEqual([]);
  });
});
