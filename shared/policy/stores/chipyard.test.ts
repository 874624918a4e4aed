import { describe, expect, it } from "vitest";
import { defaultPolicies, formatRmaNumber, isValidRmaNumber } from "../index.ts";
import { DELIVERED, after, deadline, decide, evidence, expectFinding, findingsOf, kinds, line, option } from "../test-kit.ts";

const defectProof = evidence(["video", 3], ["photo", 10], "fault_statement");
const wrongProof = evidence("comparison_screenshot", "photo", "video");
const mindProof = evidence("panoramic_photo", "packaging_photo");
const pristine = { used: false, tested: false, programmed: false, packagingIntact: true };
const doc = defaultPolicies.chipyard;

describe("chipyard", () => {
  it("[C1] every return carries an RMA number: prefix plus 9 digits", () => {
    const d = decide("chipyard", { evidence: defectProof });
    expectFinding(d, "rma_required", "C1", "info");
    expect(formatRmaNumber(doc, 123_456_789)).toBe("RMA123456789");
    expect(formatRmaNumber(doc, 42)).toBe("RMA000000042");
    expect(isValidRmaNumber(doc, "RMA123456789")).toBe(true);
    expect(isValidRmaNumber(doc, "RMA12345678")).toBe(false);
    expect(isValidRmaNumber(doc, "rma123456789")).toBe(false);
    expect(() => formatRmaNumber(doc, 1_000_000_000)).toThrow(RangeError);
    // A wrong item may be kept, but its return and exchange alternatives need an RMA.
    expect(findingsOf(decide("chipyard", { reason: "wrong_item", evidence: wrongProof }), "rma_required")).toHaveLength(1);
  });

  it("[C2] returns travel with FedEx or DHL only", () => {
    expect(decide("chipyard", { evidence: defectProof, returnCarrier: "FedEx" }).eligibility).toBe("eligible");
    expect(decide("chipyard", { evidence: defectProof, returnCarrier: "dhl" }).eligibility).toBe("eligible");
    const post = decide("chipyard", { evidence: defectProof, returnCarrier: "USPS" });
    expect(post.eligibility).toBe("ineligible");
    expectFinding(post, "wrong_carrier", "C2", "block");
  });

  it("[C2] any FedEx or DHL service counts, by name, whatever its case or punctuation; postal services are refused", () => {
    for (const carrier of ["FedEx International Priority", "FEDEX GROUND", "Fed-Ex 2Day", "Fed Ex Home Delivery", "DHL Express Worldwide", "dhl_express", "DHL Paket"]) {
      expect(findingsOf(decide("chipyard", { evidence: defectProof, returnCarrier: carrier }), "wrong_carrier"), carrier).toEqual([]);
    }
    for (const carrier of ["USPS Priority Mail", "Deutsche Post DHL", "DHL Global Mail", "FedEx SmartPost", "UPS Ground", "Royal Mail", "Fedexpress Couriers Ltd"]) {
      expectFinding(decide("chipyard", { evidence: defectProof, returnCarrier: carrier }), "wrong_carrier", "C2", "block");
    }
  });

  it("[C3] return requests within 30 days of delivery, day 31 is ineligible", () => {
    expect(decide("chipyard", { evidence: defectProof, reportedAt: after(DELIVERED, 30) }).eligibility).toBe("eligible");
    const late = decide("chipyard", { evidence: defectProof, reportedAt: "2025-04-05T00:00:00.000Z" });
    expect(late.eligibility).toBe("ineligible");
    expectFinding(late, "window_expired", "C3", "block");
  });

  it("[C4] change-of-mind goods must be unused, untested, unprogrammed and in intact packaging", () => {
    for (const breach of [{ used: true }, { tested: true }, { programmed: true }, { packagingIntact: false }]) {
      const d = decide("chipyard", { reason: "change_of_mind", evidence: mindProof, condition: { ...pristine, ...breach } });
      expect(d.eligibility).toBe("ineligible");
      expectFinding(d, "condition_breach", "C4", "block");
    }
    const unknown = decide("chipyard", { reason: "change_of_mind", evidence: mindProof });
    expectFinding(unknown, "missing_fact", "C4", "warn");
  });

  it("[C4] every other return must meet the conditions too: a breach asks for review; a defect may have been tested", () => {
    const wrongUsed = decide("chipyard", { reason: "wrong_item", evidence: wrongProof, reportedAt: after(DELIVERED, 1), condition: { ...pristine, used: true } });
    expect(wrongUsed.eligibility).toBe("needs_review");
    expectFinding(wrongUsed, "condition_breach", "C4", "warn");

    const testedDefect = decide("chipyard", { evidence: defectProof, condition: { ...pristine, tested: true } });
    expect(findingsOf(testedDefect, "condition_breach")).toEqual([]);
    expect(testedDefect.eligibility).toBe("eligible");
    const programmedDefect = decide("chipyard", { evidence: defectProof, condition: { ...pristine, tested: true, programmed: true } });
    expectFinding(programmedDefect, "condition_breach", "C4", "warn");
    expect(findingsOf(programmedDefect, "condition_breach")[0]?.message).toBe("programmed");
    // Not recorded yet: a note, not a hold (the RMA waits for it on the server).
    expectFinding(decide("chipyard", { evidence: defectProof }), "missing_fact", "C4", "info");
  });

  it("[C5] change of mind is a policy conflict: review, and the exception's cost is shown", () => {
    const d = decide("chipyard", {
      reason: "change_of_mind",
      evidence: mindProof,
      condition: pristine,
      lines: [line({ unitPriceCents: 5_000, quantity: 2 })],
      purchaseCostCents: 6_000,
      exportPostageCents: 1_250,
    });
    expect(d.eligibility).toBe("needs_review");
    expectFinding(d, "policy_conflict", "C5", "warn");
    expect(d.options).toEqual([
      {
        kind: "return_for_refund", preferred: true, refundCents: 2_750, lineRefunds: [{ sku: "SKU-1", refundCents: 2_750 }], freight: "customer", clause: "C5",
        lines: ["SKU-1"], payableAfter: "inspected", payable: false,
      },
    ]);
    expect(d.freight).toBe("customer");

    const underwater = decide("chipyard", { reason: "change_of_mind", evidence: mindProof, condition: pristine, purchaseCostCents: 9_000, exportPostageCents: 2_000 });
    expect(option(underwater, "return_for_refund")?.refundCents).toBe(0);

    const missing = decide("chipyard", { reason: "change_of_mind", condition: pristine });
    expect(missing.evidence).toEqual([
      { kind: "panoramic_photo", required: 1, provided: 0 },
      { kind: "packaging_photo", required: 1, provided: 0 },
    ]);
    expect(option(missing, "return_for_refund")?.refundCents).toBeUndefined();
  });

  it("[C6] wrong item within 48 hours of delivery, to the minute", () => {
    const inside = decide("chipyard", { reason: "wrong_item", evidence: wrongProof, reportedAt: after(DELIVERED, 2) });
    expect(inside.eligibility).toBe("eligible");
    expect(deadline(inside, "report_by")).toBe(after(DELIVERED, 2));
    const late = decide("chipyard", { reason: "wrong_item", evidence: wrongProof, reportedAt: after(DELIVERED, 2, 1) });
    expect(late.eligibility).toBe("needs_review");
    expectFinding(late, "window_expired", "C6", "warn");
  });

  it("[C6] keep with 50 % of the price difference, or return/exchange within 5 working days", () => {
    const d = decide("chipyard", {
      reason: "wrong_item",
      evidence: wrongProof,
      lines: [line({ unitPriceCents: 12_345 })],
      receivedItemValueCents: 10_000,
      approvedAt: "2025-03-07T11:00:00.000Z", // Friday
    }, "2025-03-10T09:00:00.000Z");
    expect(kinds(d)).toEqual(["keep_with_compensation", "return_for_refund", "exchange"]);
    expect(option(d, "keep_with_compensation")).toMatchObject({ preferred: true, refundCents: 1_173, reships: true }); // 1172.5 → 1173
    expect(option(d, "return_for_refund")?.refundCents).toBe(12_345);
    expect(d.freight).toBe("merchant");
    expect(deadline(d, "customer_ship_due", "C6")).toBe("2025-03-14T23:59:59.999Z");
    expect(deadline(d, "customer_ship_due", "C9")).toBeUndefined();
  });

  it("[C6][X2] the compensation never exceeds what was paid", () => {
    const d = decide("chipyard", { reason: "wrong_item", evidence: wrongProof, lines: [line({ unitPriceCents: 1_000 })], receivedItemValueCents: 50_000 });
    expect(option(d, "keep_with_compensation")?.refundCents).toBe(1_000);
    expectFinding(d, "refund_cap", "X2", "info");
    expect(d.evidence).toEqual([
      { kind: "comparison_screenshot", required: 1, provided: 1 },
      { kind: "photo_or_video", required: 2, provided: 2 },
    ]);
  });

  it("[C7] a defect needs 3 videos, 10 photos and a fault statement; the store pays freight", () => {
    const short = decide("chipyard", { evidence: evidence(["video", 2], ["photo", 10]) });
    expect(short.eligibility).toBe("needs_review");
    expect(short.evidence).toEqual([
      { kind: "video", required: 3, provided: 2 },
      { kind: "photo", required: 10, provided: 10 },
      { kind: "fault_statement", required: 1, provided: 0 },
    ]);
    expect(findingsOf(short, "evidence_missing").map((f) => f.message)).toEqual(["video: 2 of 3", "fault_statement: 0 of 1"]);
    const full = decide("chipyard", { evidence: defectProof });
    expect(full.eligibility).toBe("eligible");
    expect(full.freight).toBe("merchant");
  });

  it("[C7] improper return packaging may reduce the refund by the agent's percentage", () => {
    const d = decide("chipyard", { evidence: defectProof, condition: { ...pristine, packagingIntact: false, deductionPct: 15 } });
    expect(option(d, "return_for_refund")?.refundCents).toBe(8_500);
    // rev. 2: C4 binds every return, so packaging that was not intact also asks for review.
    expect(d.eligibility).toBe("needs_review");
    expectFinding(d, "condition_breach", "C4", "warn");
  });

  it("[C8] review within 2 working days, 5 when complex", () => {
    const reported = "2025-03-07T10:00:00.000Z"; // Friday
    expect(deadline(decide("chipyard", { evidence: defectProof, reportedAt: reported }), "review_due")).toBe("2025-03-11T23:59:59.999Z");
    expect(deadline(decide("chipyard", { evidence: defectProof, reportedAt: reported, complex: true }), "review_due")).toBe("2025-03-14T23:59:59.999Z");
  });

  it("[C9] an approved return ships within 7 natural days or the right is waived", () => {
    const approved = { evidence: defectProof, approvedAt: "2025-03-11T15:00:00.000Z" };
    const due = "2025-03-18T23:59:59.999Z";
    const waiting = decide("chipyard", approved, "2025-03-18T23:00:00.000Z");
    expect(deadline(waiting, "customer_ship_due")).toBe(due);
    expect(waiting.eligibility).toBe("eligible");

    const lapsed = decide("chipyard", approved, "2025-03-19T00:00:00.000Z");
    expect(lapsed.eligibility).toBe("ineligible");
    expectFinding(lapsed, "return_right_waived", "C9", "block");
    expect(lapsed.options).toEqual([]);

    const shippedInTime = decide("chipyard", { ...approved, returnShippedAt: "2025-03-18T20:00:00.000Z" }, "2025-04-01T00:00:00.000Z");
    expect(shippedInTime.eligibility).toBe("eligible");
    const shippedLate = decide("chipyard", { ...approved, returnShippedAt: "2025-03-19T08:00:00.000Z" }, "2025-03-19T09:00:00.000Z");
    expectFinding(shippedLate, "return_right_waived", "C9", "block");
  });

  it("[C9][C6] a wrong item not returned within 5 working days keeps only the compensation and the reshipment", () => {
    const facts = { reason: "wrong_item" as const, evidence: wrongProof, reportedAt: after(DELIVERED, 1), approvedAt: after(DELIVERED, 1, 60), receivedItemValueCents: 4_000 };
    const inTime = decide("chipyard", facts, "2025-03-13T23:00:00.000Z");
    expect(kinds(inTime)).toEqual(["keep_with_compensation", "return_for_refund", "exchange"]);

    const lapsed = decide("chipyard", facts, "2025-03-14T00:00:00.000Z");
    expect(lapsed.eligibility).toBe("eligible");
    expectFinding(lapsed, "return_right_waived", "C6", "info");
    expect(kinds(lapsed)).toEqual(["keep_with_compensation"]);
    expect(option(lapsed, "keep_with_compensation")?.refundCents).toBe(3_000);

    const shippedInTime = decide("chipyard", { ...facts, returnShippedAt: "2025-03-12T10:00:00.000Z" }, "2025-03-20T00:00:00.000Z");
    expect(kinds(shippedInTime)).toContain("return_for_refund");
  });

  it("[C10] the refund is due 2 working days after inspection", () => {
    const d = decide("chipyard", { evidence: defectProof, inspectedAt: "2025-03-21T10:00:00.000Z" }); // Friday
    expect(deadline(d, "refund_due")).toBe("2025-03-25T23:59:59.999Z");
    expectFinding(d, "payout_time", "C10", "info");
  });

  it("[C7] non-quality reasons are not plainly returnable and go to a person", () => {
    const d = decide("chipyard", { reason: "carrier_damage" });
    expect(d.eligibility).toBe("needs_review");
    expectFinding(d, "not_covered", "C7", "warn");
  });
});
