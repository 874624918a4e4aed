import { describe, expect, it } from "vitest";
import { DELIVERED, after, deadline, decide, evidence, expectFinding, findingsOf, kinds, line, option } from "../test-kit.ts";

const video = evidence("connection_video");

describe("kinetic", () => {
  it("[K1][K3] a quality defect inside 30 days: free return, replacement preferred, full refund of every line", () => {
    const d = decide("kinetic", {
      evidence: video,
      lines: [line({ sku: "MOTOR", unitPriceCents: 2599, quantity: 2 }), line({ sku: "PLATE", unitPriceCents: 1000 })],
    });
    expect(d.eligibility).toBe("eligible");
    expect(d.freight).toBe("merchant");
    expect(kinds(d)).toEqual(["replacement", "full_refund"]);
    expect(option(d, "replacement")?.preferred).toBe(true);
    expect(option(d, "full_refund")?.refundCents).toBe(2599 * 2 + 1000);
    expect(d.clauses).toEqual(expect.arrayContaining(["K1", "K2", "K3"]));
  });

  it("[K1] carrier damage gets the same free return and refund", () => {
    const d = decide("kinetic", { reason: "carrier_damage" });
    expect(d.eligibility).toBe("eligible");
    expect(d.freight).toBe("merchant");
    expect(option(d, "full_refund")?.refundCents).toBe(10_000);
  });

  it("[K1][K4] change of mind is never a free full refund", () => {
    const d = decide("kinetic", { reason: "change_of_mind", evidence: evidence("tracking_number") });
    expect(kinds(d)).toEqual(["return_for_refund"]);
    expect(d.freight).toBe("customer");
  });

  it("[K2][K5] reported on day 30 after delivery is inside; from day 31 no return or refund, only the warranty's replacement", () => {
    const day30 = decide("kinetic", { evidence: video, reportedAt: "2025-04-04T23:59:00.000Z" });
    expect(day30.eligibility).toBe("eligible");
    expect(deadline(day30, "report_by")).toBe("2025-04-04T23:59:59.999Z");

    const day31 = decide("kinetic", { evidence: video, reportedAt: "2025-04-05T00:00:00.000Z" });
    expect(day31.eligibility).toBe("needs_review");
    expectFinding(day31, "window_expired", "K2", "warn");
    expect(kinds(day31)).toEqual(["replacement"]);
    expect(option(day31, "replacement")).toMatchObject({ preferred: true, clause: "K5", lines: ["SKU-1"] });
    expect(day31.freight).toBe("merchant");
    expect(day31.warrantyEndsAt).toBe("2026-03-05T10:00:00.000Z");
  });

  it("[K2][K5] a late defect past the one-year warranty is refused", () => {
    const d = decide("kinetic", { evidence: video, reportedAt: "2026-03-05T10:00:00.001Z" });
    expect(d.eligibility).toBe("ineligible");
    expectFinding(d, "warranty_expired", "K5", "block");
    expect(d.options).toEqual([]);
  });

  it("[K2][X5] a quality claim without the connection video waits for review, not rejection", () => {
    const d = decide("kinetic", { evidence: evidence("photo") });
    expect(d.eligibility).toBe("needs_review");
    expectFinding(d, "evidence_missing", "K2", "warn");
    expect(d.evidence).toEqual([{ kind: "connection_video", required: 1, provided: 0 }]);
  });

  it("[K4] the return needs a tracking number first", () => {
    const d = decide("kinetic", { reason: "change_of_mind" });
    expect(d.eligibility).toBe("needs_review");
    expectFinding(d, "evidence_missing", "K4");
  });

  it("[K4] refund by inspected condition, with deductions clamped to their caps", () => {
    const base = { reason: "change_of_mind" as const, evidence: evidence("tracking_number"), inspectedAt: after(DELIVERED, 20) };
    const cond = (inspection: "intact" | "repack_needed" | "damaged_unresellable", deductionPct?: number) => ({
      used: false, tested: false, programmed: false, packagingIntact: true, inspection, ...(deductionPct === undefined ? {} : { deductionPct }),
    });
    expect(option(decide("kinetic", { ...base, condition: cond("intact") }), "return_for_refund")?.refundCents).toBe(10_000);
    expect(option(decide("kinetic", { ...base, condition: cond("repack_needed", 7) }), "return_for_refund")?.refundCents).toBe(9_300);

    const over = decide("kinetic", { ...base, condition: cond("repack_needed", 15) });
    expect(option(over, "return_for_refund")?.refundCents).toBe(9_000);
    expectFinding(over, "deduction_cap", "K4", "info");

    const wrecked = decide("kinetic", { ...base, condition: cond("damaged_unresellable", 95) });
    expect(option(wrecked, "return_for_refund")?.refundCents).toBe(1_000);
    expectFinding(wrecked, "deduction_cap", "K4");
    expect(option(decide("kinetic", { ...base, condition: cond("damaged_unresellable", 90) }), "return_for_refund")?.refundCents).toBe(1_000);
    expect(findingsOf(decide("kinetic", { ...base, condition: cond("damaged_unresellable", 90) }), "deduction_cap")).toEqual([]);

    // An intact parcel has a 0 % cap: an entered deduction is clamped away.
    expect(option(decide("kinetic", { ...base, condition: cond("intact", 5) }), "return_for_refund")?.refundCents).toBe(10_000);
  });

  it("[K4] before inspection the return is offered without an amount", () => {
    const d = decide("kinetic", { reason: "change_of_mind", evidence: evidence("tracking_number") });
    expect(option(d, "return_for_refund")?.refundCents).toBeUndefined();
    expectFinding(d, "missing_fact", "K4", "info");
  });

  it("[K5][X6] warranty: replacement only within a year of delivery, then expired", () => {
    const inside = decide("kinetic", { reason: "warranty", reportedAt: "2026-03-05T10:00:00.000Z" });
    expect(inside.eligibility).toBe("eligible");
    expect(kinds(inside)).toEqual(["replacement"]);
    expect(inside.freight).toBe("merchant");
    expect(inside.warrantyEndsAt).toBe("2026-03-05T10:00:00.000Z");

    const late = decide("kinetic", { reason: "warranty", reportedAt: "2026-03-05T10:00:00.001Z" });
    expect(late.eligibility).toBe("ineligible");
    expectFinding(late, "warranty_expired", "K5", "block");
  });

  it("[K6] a return goes to the local warehouse unless routed to the manufacturer", () => {
    const d = decide("kinetic", { reason: "change_of_mind", evidence: evidence("tracking_number") });
    const note = findingsOf(d, "return_destination")[0];
    expect(note).toMatchObject({ clause: "K6", severity: "info" });
    expect(note?.message).toContain("manufacturer");
    expect(d.clauses).toContain("K6");

    const routed = decide("kinetic", { reason: "change_of_mind", evidence: evidence("tracking_number"), returnDestination: "manufacturer" });
    expect(findingsOf(routed, "return_destination")[0]?.message).toBe("return to manufacturer");
  });

  it("[K7] the refund is due 48 hours after the inspection is confirmed", () => {
    const d = decide("kinetic", { evidence: video, inspectedAt: "2025-03-20T09:15:00.000Z" });
    expect(deadline(d, "refund_due")).toBe("2025-03-22T09:15:00.000Z");
    expectFinding(d, "payout_time", "K7", "info");
  });

  it("[K7] every refund decision shows the text's conflicting timing and destination, without blocking", () => {
    const d = decide("kinetic", { evidence: video });
    const conflict = findingsOf(d, "policy_conflict")[0];
    expect(conflict).toMatchObject({ clause: "K7", severity: "info" });
    expect(conflict?.message).toContain("2 business days");
    expect(conflict?.message).toContain("PayPal");
    expect(d.eligibility).toBe("eligible");
  });

  it("[X8][K7] a full refund is approved before the goods are back but paid only once they are received and inspected", () => {
    const before = option(decide("kinetic", { evidence: video, approvedAt: after(DELIVERED, 6) }), "full_refund");
    expect(before).toMatchObject({ payableAfter: "inspected", payable: false });
    const received = option(decide("kinetic", { evidence: video, approvedAt: after(DELIVERED, 6), returnReceivedAt: after(DELIVERED, 9) }), "full_refund");
    expect(received?.payable).toBe(false);
    const inspected = decide("kinetic", { evidence: video, approvedAt: after(DELIVERED, 6), returnReceivedAt: after(DELIVERED, 9), inspectedAt: after(DELIVERED, 10) });
    expect(option(inspected, "full_refund")?.payable).toBe(true);
    expect(inspected.clauses).toEqual(expect.arrayContaining(["X8", "K7"]));
    expect(option(inspected, "replacement")?.payableAfter).toBeUndefined(); // goods, not money
  });

  it("[K1] reasons the text does not name are reviewed, not decided", () => {
    const d = decide("kinetic", { reason: "wrong_item" });
    expect(d.eligibility).toBe("needs_review");
    expectFinding(d, "not_covered", "K1", "warn");
    expect(d.options).toEqual([]);
  });
});
