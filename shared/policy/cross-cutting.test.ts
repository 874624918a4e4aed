import { describe, expect, it } from "vitest";
import { checkRefundExecution } from "./index.ts";
import { after, decide, edited, evidence, expectFinding, findingsOf, line, option } from "./test-kit.ts";

describe("cross-cutting clauses", () => {
  it("[X1] goods sent back before the claim was authorised are an unannounced return", () => {
    const early = decide("kinetic", { reason: "change_of_mind", evidence: evidence("tracking_number"), returnShippedAt: "2025-03-11T10:00:00.000Z" });
    expect(early.eligibility).toBe("needs_review");
    expectFinding(early, "unannounced_return", "X1", "warn");

    const beforeApproval = decide("chipyard", {
      evidence: evidence(["video", 3], ["photo", 10], "fault_statement"),
      returnShippedAt: "2025-03-11T10:00:00.000Z",
      approvedAt: "2025-03-12T10:00:00.000Z",
    });
    expectFinding(beforeApproval, "unannounced_return", "X1");

    const announced = decide("kinetic", {
      reason: "change_of_mind",
      evidence: evidence("tracking_number"),
      approvedAt: "2025-03-11T10:00:00.000Z",
      returnShippedAt: "2025-03-12T10:00:00.000Z",
    });
    expect(findingsOf(announced, "unannounced_return")).toEqual([]);
    expect(announced.clauses).toContain("X1"); // the return option relies on an authorised claim
  });

  it("[X2][G] a graded refund never exceeds the line's paid amount", () => {
    const d = decide("atelier", {
      reason: "missing_accessory",
      evidence: evidence("photo"),
      lines: [line({ unitPriceCents: 1_000, partType: "head_sculpt_special", grade: "high" })],
    });
    expect(option(d, "partial_refund")?.refundCents).toBe(1_000);
    expectFinding(d, "refund_cap", "G", "info");
    expect(d.clauses).toEqual(expect.arrayContaining(["X2", "G"]));
  });

  it("[X3] a refund runs only on another person's approval, and once per approval", () => {
    const approval = { approvalId: "apr-1", proposedBy: "agent-7", approvedBy: "super-2" };
    expect(checkRefundExecution(approval, new Set())).toEqual({ execute: true });
    expect(checkRefundExecution({ ...approval, approvedBy: "agent-7" }, new Set())).toEqual({ execute: false, reason: "self_approved" });
    expect(checkRefundExecution(approval, new Set(["apr-1"]))).toEqual({ execute: false, reason: "already_executed" });
    expect(decide("everyday", { reason: "lost_in_transit" }).clauses).toContain("X3");
  });

  it("[X4] the decision lists every clause its findings, options and deadlines cite", () => {
    const d = decide("chipyard", {
      reason: "wrong_item",
      evidence: evidence("photo"),
      receivedItemValueCents: 5_000,
      approvedAt: "2025-03-06T10:00:00.000Z",
      returnCarrier: "UPS",
      reportedAt: after("2025-03-05T10:00:00.000Z", 3),
    });
    const cited = [...d.findings, ...d.deadlines].map((x) => x.clause).concat(d.options.map((o) => o.clause ?? "X4"));
    for (const clause of cited) expect(d.clauses).toContain(clause);
    expect(d.clauses).toEqual(expect.arrayContaining(["X4", "X5", "C2", "C6"]));
  });

  it("[X5] missing evidence alone never rejects; it only adds to a rejection", () => {
    const bare = decide("chipyard", { evidence: [] });
    expect(bare.eligibility).toBe("needs_review");
    expect(findingsOf(bare, "evidence_missing")).toHaveLength(3);

    const lateAndBare = decide("chipyard", { reportedAt: "2025-05-01T00:00:00.000Z" });
    expect(lateAndBare.eligibility).toBe("ineligible");
    expect(lateAndBare.evidence).toEqual([
      { kind: "video", required: 3, provided: 0 },
      { kind: "photo", required: 10, provided: 0 },
      { kind: "fault_statement", required: 1, provided: 0 },
    ]);
  });

  it("[X6] warranty end: same local day and time months later, clamped at month end, plus pauses", () => {
    const ordered = { orderPlacedAt: "2024-02-20T10:00:00.000Z", shippedAt: "2024-02-21T10:00:00.000Z" };
    const leap = decide("kinetic", { ...ordered, reason: "warranty", deliveredAt: "2024-02-29T18:45:00.000Z", reportedAt: "2024-06-01T00:00:00.000Z" });
    expect(leap.warrantyEndsAt).toBe("2025-02-28T18:45:00.000Z");

    const paused = decide("kinetic", {
      ...ordered,
      reason: "warranty",
      deliveredAt: "2024-02-29T18:45:00.000Z",
      reportedAt: "2025-03-01T00:00:00.000Z",
      repairPauses: [{ leftAt: "2024-05-01T00:00:00.000Z", backAt: "2024-05-04T06:00:00.000Z" }],
    });
    expect(paused.warrantyEndsAt).toBe("2025-03-04T00:45:00.000Z");
    expect(paused.eligibility).toBe("eligible");

    // In a store's own zone the local date and time are kept across DST.
    const ny = edited("kinetic", (doc) => {
      doc.timeZone = "America/New_York";
    });
    expect(decide(ny, { reason: "warranty", deliveredAt: "2025-01-15T15:30:00.000Z" }).warrantyEndsAt).toBe("2026-01-15T15:30:00.000Z");
    const summer = edited("kinetic", (doc) => {
      doc.timeZone = "America/New_York";
      if (doc.warranty) doc.warranty.months = 6;
    });
    expect(decide(summer, { reason: "warranty", deliveredAt: "2025-01-15T15:30:00.000Z" }).warrantyEndsAt).toBe("2025-07-15T14:30:00.000Z");
  });

  it("[X7] facts that contradict each other are flagged with both dates and sent to review, never used", () => {
    const early = decide("kinetic", { reason: "carrier_damage", deliveredAt: "2025-02-27T10:00:00.000Z" });
    expect(early.eligibility).toBe("needs_review");
    const [first] = findingsOf(early, "inconsistent_facts");
    expect(first).toMatchObject({ clause: "X7", severity: "block" });
    expect(first?.message).toContain("2025-02-27T10:00:00.000Z");
    expect(first?.message).toContain("2025-03-01T10:00:00.000Z");

    const cases: Partial<Parameters<typeof decide>[1]>[] = [
      { shippedAt: "2025-02-28T10:00:00.000Z" }, // shipped before ordered
      { reportedAt: "2025-02-28T10:00:00.000Z", deliveredAt: undefined, shippedAt: undefined }, // reported before ordered
      { approvedAt: "2025-03-11T00:00:00.000Z", returnShippedAt: "2025-03-13T00:00:00.000Z", returnReceivedAt: "2025-03-12T00:00:00.000Z" }, // received before shipped
      { approvedAt: "2025-03-12T00:00:00.000Z", returnReceivedAt: "2025-03-11T00:00:00.000Z" }, // received before approved
      { approvedAt: "2025-03-11T00:00:00.000Z", returnReceivedAt: "2025-03-14T00:00:00.000Z", inspectedAt: "2025-03-13T00:00:00.000Z" }, // inspected before arrival
      { reason: "warranty", repairPauses: [{ leftAt: "2025-04-10T00:00:00.000Z", backAt: "2025-04-01T00:00:00.000Z" }] }, // pause ends before it starts
    ];
    for (const c of cases) {
      const d = decide("kinetic", { reason: "carrier_damage", ...c });
      expect(findingsOf(d, "inconsistent_facts"), JSON.stringify(c)).toHaveLength(1);
      expect(d.eligibility).toBe("needs_review");
    }
    // The inverted pause extends nothing.
    const inverted = decide("kinetic", { reason: "warranty", repairPauses: [{ leftAt: "2025-04-10T00:00:00.000Z", backAt: "2025-04-01T00:00:00.000Z" }] });
    expect(inverted.warrantyEndsAt).toBe("2026-03-05T10:00:00.000Z");
    expect(findingsOf(decide("kinetic", { reason: "carrier_damage" }), "inconsistent_facts")).toEqual([]);
  });

  it("[G] without a value schedule the base is the paid line; shares are editable per store", () => {
    const lines = [line({ unitPriceCents: 1_999, quantity: 3, grade: "medium" })];
    const d = decide("everyday", { reason: "missing_accessory", evidence: evidence("photo", "packaging_photo"), lines });
    expect(option(d, "partial_refund")?.refundCents).toBe(2_999); // 5997 × 50 % = 2998.5 → 2999
    const tuned = edited("everyday", (doc) => {
      doc.grading.sharesPct.medium = 60;
    });
    expect(option(decide(tuned, { reason: "missing_accessory", evidence: evidence("photo", "packaging_photo"), lines }), "partial_refund")?.refundCents).toBe(3_598);
  });
});
