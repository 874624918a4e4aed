import { describe, expect, it } from "vitest";
import { after, deadline, decide, edited, evidence, expectFinding, findingsOf, kinds, line, option } from "../test-kit.ts";

const goods = evidence("photo", "packaging_photo");
const placed = "2025-03-03T10:00:00.000Z"; // Monday

describe("everyday", () => {
  it("[E1] cancellation is free up to 24 hours after ordering, to the minute", () => {
    const shipped = { reason: "cancellation" as const, orderPlacedAt: placed, shippedAt: "2025-03-03T12:00:00.000Z", deliveredAt: undefined };
    const atLimit = decide("everyday", { ...shipped, reportedAt: after(placed, 1) });
    expect(kinds(atLimit)).toEqual(["cancel_order"]);
    expect(option(atLimit, "cancel_order")?.refundCents).toBe(10_000);
    expect(atLimit.freight).toBe("none");

    const late = decide("everyday", { ...shipped, reportedAt: after(placed, 1, 1) });
    expect(kinds(late)).toEqual(["return_for_refund"]);
    expect(late.freight).toBe("customer"); // E4: refund asked before receiving the parcel
  });

  it("[E1] cancellation is free at any time before shipping", () => {
    const d = decide("everyday", { reason: "cancellation", orderPlacedAt: placed, shippedAt: undefined, deliveredAt: undefined, reportedAt: after(placed, 5) });
    expect(kinds(d)).toEqual(["cancel_order"]);
    expect(d.eligibility).toBe("eligible");
    expect(d.evidence).toEqual([]); // E3 does not apply to cancellations
  });

  it("[E2] no-reason returns within 30 days: whole amount back or exchange; day 31 needs review", () => {
    const d = decide("everyday", { reason: "change_of_mind", evidence: goods, reportedAt: "2025-04-04T23:59:59.999Z" });
    expect(d.eligibility).toBe("eligible");
    expect(kinds(d)).toEqual(["return_for_refund", "exchange"]);
    expect(option(d, "return_for_refund")?.refundCents).toBe(10_000);

    const late = decide("everyday", { reason: "change_of_mind", evidence: goods, reportedAt: "2025-04-05T00:00:00.000Z" });
    expect(late.eligibility).toBe("needs_review");
    expectFinding(late, "window_expired", "E2", "warn");
    expect(kinds(late)).toEqual(["return_for_refund", "exchange"]); // a person decides
  });

  it("[E2] lost parcels, delays and cancellations have no 30-day window", () => {
    for (const reason of ["lost_in_transit", "delivery_delay", "cancellation"] as const) {
      const d = decide("everyday", { reason, reportedAt: "2025-09-01T00:00:00.000Z" });
      expect(findingsOf(d, "window_expired")).toEqual([]);
      expect(deadline(d, "report_by")).toBeUndefined();
    }
  });

  it("[E2][E5] goods problems offer exchange and return, plus a full refund when unusable", () => {
    const slight = decide("everyday", { reason: "not_as_described", evidence: goods, lines: [line({ grade: "low" })] });
    expect(kinds(slight)).toEqual(["exchange", "return_for_refund", "partial_refund"]);
    expect(option(slight, "partial_refund")?.refundCents).toBe(2_500);

    const unusable = decide("everyday", { reason: "carrier_damage", evidence: goods, lines: [line({ grade: "high" })] });
    expect(kinds(unusable)).toEqual(["exchange", "return_for_refund", "full_refund"]);
    expect(option(unusable, "full_refund")?.refundCents).toBe(10_000);
  });

  it("[E3] goods in hand need a product photo or video and a packaging photo", () => {
    const d = decide("everyday", { reason: "change_of_mind", evidence: evidence("video") });
    expect(d.eligibility).toBe("needs_review");
    expect(d.evidence).toEqual([
      { kind: "photo_or_video", required: 1, provided: 1 },
      { kind: "packaging_photo", required: 1, provided: 0 },
    ]);
    expect(findingsOf(d, "evidence_missing")).toEqual([
      { code: "evidence_missing", clause: "E3", severity: "warn", message: "packaging_photo: 0 of 1" },
    ]);
    expect(decide("everyday", { reason: "lost_in_transit" }).evidence).toEqual([]);
  });

  it("[E4] who pays return freight", () => {
    expect(decide("everyday", { reason: "change_of_mind", evidence: goods }).freight).toBe("customer");
    expect(decide("everyday", { reason: "delivery_delay" }).freight).toBe("merchant");
    expect(decide("everyday", { reason: "quality_defect", evidence: goods }).freight).toBe("merchant");
    expect(decide("everyday", { reason: "not_as_described", evidence: goods }).freight).toBe("merchant");
  });

  it("[E4] freight the customer advanced is repaid within 7 working days of the return's receipt", () => {
    const received = "2025-03-14T15:00:00.000Z"; // Friday
    const base = { reason: "quality_defect" as const, evidence: goods, approvedAt: "2025-03-11T09:00:00.000Z", returnReceivedAt: received };
    expect(deadline(decide("everyday", { ...base, customerAdvancedFreight: true }), "freight_reimbursement_due")).toBe("2025-03-25T23:59:59.999Z");
    expect(deadline(decide("everyday", base), "freight_reimbursement_due")).toBeUndefined();
    // The customer's own freight is never reimbursed.
    const mind = decide("everyday", { ...base, reason: "change_of_mind", customerAdvancedFreight: true });
    expect(deadline(mind, "freight_reimbursement_due")).toBeUndefined();
    expect(mind.freightReimbursement).toBeUndefined();
  });

  it("[E4] merchant-paid freight is a prepaid label; advanced freight is its own payout of the invoiced amount, outside X2", () => {
    const base = { reason: "quality_defect" as const, evidence: goods, lines: [line({ unitPriceCents: 1_500 })] };
    const noLabel = decide("everyday", base);
    expectFinding(noLabel, "freight_label", "E4", "info");
    expect(findingsOf(decide("everyday", { ...base, prepaidLabel: "1Z999AA10123456784" }), "freight_label")).toEqual([]);

    const advanced = decide("everyday", { ...base, customerAdvancedFreight: true });
    expect(findingsOf(advanced, "freight_label")).toEqual([]);
    expect(advanced.freightReimbursement).toBeUndefined();
    expect(findingsOf(advanced, "missing_fact").map((f) => f.message)).toContain("the invoiced freight amount sets the reimbursement");

    // More than the goods cost: the reimbursement is not a refund, so X2 does not cap it.
    const invoiced = decide("everyday", { ...base, customerAdvancedFreight: true, advancedFreightCents: 2_350 });
    expect(invoiced.freightReimbursement).toEqual({ cents: 2_350, clause: "E4" });
  });

  it("[E9] a delay or cancellation on an order processed later than 48 hours says so, and the store pays freight", () => {
    const lateShip = { orderPlacedAt: placed, shippedAt: "2025-03-05T10:00:00.001Z", deliveredAt: "2025-03-12T10:00:00.000Z" };
    const delay = decide("everyday", { ...lateShip, reason: "delivery_delay", reportedAt: "2025-03-11T10:00:00.000Z" });
    expectFinding(delay, "processing_late", "E9", "info");
    expect(delay.freight).toBe("merchant");

    const cancelAfterShipping = decide("everyday", { ...lateShip, reason: "cancellation", deliveredAt: undefined, reportedAt: "2025-03-06T10:00:00.000Z" });
    expectFinding(cancelAfterShipping, "processing_late", "E9", "info");
    expect(kinds(cancelAfterShipping)).toEqual(["return_for_refund"]);
    expect(cancelAfterShipping.freight).toBe("merchant"); // not the customer's, as a late cancellation would be (E4)

    const onTime = decide("everyday", { orderPlacedAt: placed, shippedAt: "2025-03-05T10:00:00.000Z", deliveredAt: undefined, reason: "cancellation", reportedAt: "2025-03-06T10:00:00.000Z" });
    expect(findingsOf(onTime, "processing_late")).toEqual([]);
    expect(onTime.freight).toBe("customer");

    const unshipped = decide("everyday", { orderPlacedAt: placed, shippedAt: undefined, deliveredAt: undefined, reason: "cancellation", reportedAt: after(placed, 3) });
    expectFinding(unshipped, "processing_late", "E9");
    expect(findingsOf(decide("everyday", { orderPlacedAt: placed, shippedAt: undefined, deliveredAt: undefined, reason: "cancellation", reportedAt: after(placed, 1) }), "processing_late")).toEqual([]);
  });

  it("[E9] holidays do not count toward the 48 hours", () => {
    const withHoliday = edited("everyday", (doc) => {
      doc.holidays = ["2025-03-04"];
    });
    const facts = { orderPlacedAt: placed, shippedAt: "2025-03-06T09:00:00.000Z", deliveredAt: undefined, reason: "cancellation" as const, reportedAt: "2025-03-07T10:00:00.000Z" };
    expectFinding(decide("everyday", facts), "processing_late", "E9");
    expect(findingsOf(decide(withHoliday, facts), "processing_late")).toEqual([]);
  });

  it("[E9] refunds E7 does not time are due 3 working days after approval", () => {
    const lost = decide("everyday", { reason: "lost_in_transit", deliveredAt: undefined, approvedAt: "2025-03-07T10:00:00.000Z" }); // Friday
    expect(deadline(lost, "refund_due", "E9")).toBe("2025-03-12T23:59:59.999Z");
    const cancel = decide("everyday", { reason: "cancellation", orderPlacedAt: placed, shippedAt: undefined, deliveredAt: undefined, reportedAt: after(placed, 0, 30), approvedAt: after(placed, 0, 90) });
    expect(deadline(cancel, "refund_due", "E9")).toBe("2025-03-06T23:59:59.999Z");
    expect(deadline(decide("everyday", { reason: "lost_in_transit", deliveredAt: undefined }), "refund_due")).toBeUndefined(); // not approved yet
  });

  it("[E5] an electronic product failing within 3 months is refunded in full; later, review and no full refund", () => {
    const electronic = [line({ electronic: true })];
    const inside = decide("everyday", { evidence: goods, lines: electronic, reportedAt: "2025-06-05T10:00:00.000Z" });
    expect(inside.eligibility).toBe("eligible");
    expect(option(inside, "full_refund")?.refundCents).toBe(10_000);
    expect(deadline(inside, "report_by", "E5")).toBe("2025-06-05T10:00:00.000Z");
    expect(findingsOf(inside, "window_expired")).toEqual([]); // E2's 30 days do not apply

    const outside = decide("everyday", { evidence: goods, lines: electronic, reportedAt: "2025-06-05T10:00:00.001Z" });
    expect(outside.eligibility).toBe("needs_review");
    expectFinding(outside, "window_expired", "E5", "warn");
    expect(kinds(outside)).toEqual(["partial_refund", "exchange"]);
  });

  it("[E5] correct use: improper use recorded on an electronic line takes its full refund away", () => {
    const electronic = [line({ electronic: true })];
    const misused = decide("everyday", { evidence: goods, lines: [line({ electronic: true, voidCauses: ["improper_use"] })] });
    expect(misused.eligibility).toBe("needs_review");
    expectFinding(misused, "warranty_void", "E5", "warn");
    expect(kinds(misused)).toEqual(["partial_refund", "exchange"]);
    // Claim-wide too; other causes (layerworks' L4 list) do not touch E5.
    expect(kinds(decide("everyday", { evidence: goods, lines: electronic, voidFindings: ["improper_use"] }))).toEqual(["partial_refund", "exchange"]);
    expect(kinds(decide("everyday", { evidence: goods, lines: electronic, voidFindings: ["external_damage"] }))).toContain("full_refund");
  });

  it("[X9][E5][E6] a mixed claim: the electronic line keeps its full refund beside a graded line", () => {
    const lines = [line({ sku: "RADIO", unitPriceCents: 6_000, electronic: true }), line({ sku: "KETTLE", unitPriceCents: 4_000, grade: "low" })];
    const d = decide("everyday", { evidence: goods, lines });
    expect(d.eligibility).toBe("eligible");
    expect(option(d, "full_refund")).toMatchObject({ lines: ["RADIO"], refundCents: 6_000 });
    expect(option(d, "partial_refund")).toMatchObject({ lines: ["KETTLE"], refundCents: 1_000, lineRefunds: [{ sku: "KETTLE", refundCents: 1_000 }] });
    expect(option(d, "exchange")?.lines).toEqual(["RADIO", "KETTLE"]);
    expect(option(d, "return_for_refund")).toMatchObject({ lines: ["RADIO", "KETTLE"], refundCents: 10_000 });
    expect(findingsOf(d, "option_unlock")).toEqual([
      { code: "option_unlock", clause: "E5", severity: "info", message: "grade KETTLE high for the full refund", sku: "KETTLE" },
    ]);

    const high = decide("everyday", { evidence: goods, lines: [lines[0]!, { ...lines[1]!, grade: "high" }] });
    expect(option(high, "full_refund")).toMatchObject({ lines: ["RADIO", "KETTLE"], refundCents: 10_000 });
    expect(option(high, "partial_refund")).toBeUndefined();
    expect(findingsOf(high, "option_unlock")).toEqual([]);
  });

  it("[E5] a lost parcel is refunded in full with nothing to send back", () => {
    const d = decide("everyday", { reason: "lost_in_transit", deliveredAt: undefined });
    expect(d.eligibility).toBe("eligible");
    expect(d.options).toEqual([
      { kind: "full_refund", preferred: true, refundCents: 10_000, lineRefunds: [{ sku: "SKU-1", refundCents: 10_000 }], freight: "none", clause: "E5", lines: ["SKU-1"] },
    ]); // nothing travels back, so nothing gates the payout (X8)
    expect(d.freight).toBe("none");
  });

  it("[E6][G] missing accessories: graded partial refund of the paid line", () => {
    const d = decide("everyday", { reason: "missing_accessory", evidence: goods, lines: [line({ unitPriceCents: 3_999, quantity: 2, grade: "medium" })] });
    expect(option(d, "partial_refund")).toMatchObject({ preferred: true, refundCents: 3_999 });
    const ungraded = decide("everyday", { reason: "packaging_damage", evidence: goods });
    expect(option(ungraded, "partial_refund")?.refundCents).toBeUndefined();
    expectFinding(ungraded, "grade_pending", "G", "info");
  });

  it("[E6] a delayed parcel the customer keeps gets a graded refund", () => {
    const d = decide("everyday", { reason: "delivery_delay", lines: [line({ grade: "low" })] });
    expect(kinds(d)).toEqual(["return_for_refund", "partial_refund"]);
    expect(option(d, "partial_refund")?.refundCents).toBe(2_500);
  });

  it("[E7] reply, shipping, exchange and refund deadlines in working days", () => {
    // Reported Friday 2025-03-07: reply by Wednesday 12th.
    const asked = decide("everyday", { reason: "missing_accessory", evidence: goods, reportedAt: "2025-03-07T16:00:00.000Z" });
    expect(deadline(asked, "review_due")).toBe("2025-03-12T23:59:59.999Z");
    expect(deadline(asked, "refund_due")).toBe("2025-03-11T23:59:59.999Z"); // photo-based partial refund: 2 working days

    const returned = decide("everyday", {
      reason: "change_of_mind",
      evidence: goods,
      approvedAt: "2025-03-11T09:00:00.000Z",
      returnShippedAt: "2025-03-12T09:00:00.000Z",
      returnReceivedAt: "2025-03-14T15:00:00.000Z",
    });
    expect(deadline(returned, "customer_ship_due")).toBe("2025-03-14T23:59:59.999Z");
    expect(deadline(returned, "exchange_ship_due")).toBe("2025-03-17T23:59:59.999Z");
    expect(deadline(returned, "refund_due")).toBe("2025-03-17T23:59:59.999Z");
    expect(returned.deadlines.filter((x) => x.key === "refund_due")).toHaveLength(1);
  });

  it("[E7] deadlines follow the store's time zone and holidays (America/New_York)", () => {
    const ny = edited("everyday", (doc) => {
      doc.timeZone = "America/New_York";
      doc.holidays = ["2025-03-10"];
    });
    // Friday 2025-03-07 22:00 EST is Saturday 03:00 UTC; local Friday counts.
    const d = decide(ny, { reason: "missing_accessory", evidence: goods, reportedAt: "2025-03-08T03:00:00.000Z" });
    // +3 working days from Fri 7th, skipping the weekend and the Monday holiday: Thu 13th, end EDT.
    expect(deadline(d, "review_due")).toBe("2025-03-14T03:59:59.999Z");
    // The 30-day window ends at local midnight too: 2025-04-04 23:59:59.999 EDT.
    expect(deadline(d, "report_by")).toBe("2025-04-05T03:59:59.999Z");
    const lateUtcEarlyLocal = decide(ny, { reason: "missing_accessory", evidence: goods, reportedAt: "2025-04-05T03:30:00.000Z" });
    expect(lateUtcEarlyLocal.eligibility).toBe("eligible");
  });

  it("[E8] a return sent without a prior request goes to a supervisor", () => {
    const d = decide("everyday", { reason: "change_of_mind", evidence: goods, returnReceivedAt: "2025-03-12T10:00:00.000Z" });
    expect(d.eligibility).toBe("needs_review");
    expectFinding(d, "unannounced_return", "E8", "warn");
    expect(d.clauses).toEqual(expect.arrayContaining(["X1", "E8"]));
  });

  it("[E2] a warranty claim has no rule here and goes to a person", () => {
    const d = decide("everyday", { reason: "warranty" });
    expect(d.eligibility).toBe("needs_review");
    expectFinding(d, "not_covered", "E2", "warn");
  });
});
