import type { EvidenceRuleInput, OptionTemplateInput, PolicyDocumentInput, WindowRuleInput } from "../schema/document.ts";

// everyday: general web shop with no-reason returns (seed 002).

const returnWindow: WindowRuleInput = {
  clause: "E2",
  summary: "Returns within 30 days of delivery; later ones are reviewed.",
  anchors: ["deliveredAt"],
  length: { amount: 30, unit: "natural_days" },
  severity: "warn",
  message: "past 30 days: the customer is asked to consult by e-mail",
};

const goodsEvidence: EvidenceRuleInput = {
  clause: "E3",
  summary: "A photo or video of the product and a photo of its packaging.",
  // Order number and shipping address are claim fields, not evidence items.
  requires: [
    { kind: "photo_or_video", min: 1 },
    { kind: "packaging_photo", min: 1 },
  ],
};

const exchange: OptionTemplateInput = { clause: "E2", summary: "Exchange.", kind: "exchange", amount: { type: "none" } };
const returnWholeAmount: OptionTemplateInput = {
  clause: "E2",
  summary: "Return for the whole paid amount.",
  kind: "return_for_refund",
  amount: { type: "paid" },
};
const gradedPartial = (summary: string, whenGrades?: OptionTemplateInput["whenGrades"]): OptionTemplateInput => ({
  clause: "E6",
  summary,
  kind: "partial_refund",
  amount: { type: "graded" },
  ...(whenGrades ? { whenGrades } : {}),
});

const merchantFreight = { clause: "E4", summary: "Damaged, faulty or not-as-described goods return at the store's cost.", payer: "merchant" } as const;

export const everyday = {
  key: "everyday",
  name: "Everyday web shop",
  version: "2025.1",
  currency: "USD",
  timeZone: "UTC",
  holidays: [],
  clauses: [
    { id: "E1", summary: "Free cancellation within 24 hours of ordering or before shipping; later it is a return." },
    { id: "E2", summary: "Returns for any reason within 30 days of delivery, then review; offers by reason (return, exchange, refunds)." },
    { id: "E3", summary: "When the customer has the goods: order number, address, product photo/video and a packaging photo." },
    { id: "E4", summary: "Customer pays return freight for change of mind or pre-delivery refunds; store pays for delay or faulty goods by prepaid label, or reimburses advanced freight to PayPal in 7 working days." },
    { id: "E5", summary: "Full refund for unusable goods, lost parcels, and electronics failing within 3 months under correct use; later failures or improper use: review, no full refund." },
    { id: "E6", summary: "Graded partial refund for missing non-essential accessories, slight defects, or carrier delays the customer keeps." },
    { id: "E7", summary: "Reply in 3 working days; customer ships in 3; exchange ships 1 after receipt; refund 1 after receipt or 2 after photos." },
    { id: "E8", summary: "Returns and exchanges sent without a prior request are not accepted." },
    { id: "E9", summary: "Orders ship within 48 hours (holidays excepted); later, delay and cancellation claims note it and the store pays freight; untimed refunds are due 3 working days after approval." },
  ],
  cases: [
    {
      id: "free-cancellation",
      clause: "E1",
      summary: "Cancellation within 24 hours or before shipping is free.",
      reasons: ["cancellation"],
      // Interpretation: 24 hours inclusive; "before shipping" = no shippedAt,
      // or shipped only after the request.
      whenAny: [
        { type: "reported_within", anchor: "orderPlacedAt", within: { amount: 24, unit: "hours" } },
        { type: "not_shipped" },
      ],
      freight: { clause: "E1", summary: "Nothing has to travel back.", payer: "none" },
      options: [{ clause: "E1", summary: "Cancel and refund in full.", kind: "cancel_order", preferred: true, amount: { type: "paid" } }],
    },
    {
      id: "cancellation-as-return",
      clause: "E1",
      summary: "A late cancellation is handled as a return.",
      reasons: ["cancellation"],
      freight: { clause: "E4", summary: "A refund asked before receiving the parcel ships back at the customer's cost.", payer: "customer" },
      options: [{ ...returnWholeAmount, clause: "E1", preferred: true }],
    },
    {
      id: "lost-in-transit",
      clause: "E5",
      summary: "Lost parcels are refunded in full.",
      reasons: ["lost_in_transit"],
      freight: { clause: "E5", summary: "Nothing to send back.", payer: "none" },
      options: [{ clause: "E5", summary: "Full refund.", kind: "full_refund", preferred: true, amount: { type: "paid" }, returnsGoods: false }],
    },
    {
      id: "delivery-delay",
      clause: "E4",
      summary: "Late delivery: return at the store's cost, or keep with a graded refund.",
      reasons: ["delivery_delay"],
      freight: { clause: "E4", summary: "The store pays when the late parcel is no longer wanted.", payer: "merchant" },
      // Interpretation: which one the customer wants is not a fact, so neither is preferred.
      options: [{ ...returnWholeAmount, clause: "E4" }, gradedPartial("Keep the late parcel with a graded refund.")],
    },
    {
      id: "change-of-mind",
      clause: "E2",
      summary: "No-reason return within 30 days.",
      reasons: ["change_of_mind"],
      window: returnWindow,
      evidence: goodsEvidence,
      freight: { clause: "E4", summary: "Change of mind ships back at the customer's cost.", payer: "customer" },
      options: [returnWholeAmount, exchange],
    },
    {
      id: "electronic-failure",
      clause: "E5",
      summary: "An electronic product failing within 3 months of delivery is refunded in full.",
      reasons: ["quality_defect"],
      lines: { electronic: true },
      // Interpretation: 3 months = same local day and time, not end of day;
      // mixed electronic/other lines each get their own window.
      window: {
        clause: "E5",
        summary: "3 months from delivery instead of 30 days.",
        anchors: ["deliveredAt"],
        length: { amount: 3, unit: "months" },
        severity: "warn",
        message: "failed more than 3 months after delivery: no full refund",
        afterOptions: [gradedPartial("Graded refund for a late failure."), exchange],
      },
      evidence: goodsEvidence,
      freight: merchantFreight,
      options: [exchange, returnWholeAmount, { clause: "E5", summary: "Full refund.", kind: "full_refund", amount: { type: "paid" }, returnsGoods: true }],
    },
    {
      id: "goods-problem",
      clause: "E2",
      summary: "Faulty, damaged or not-as-described goods.",
      reasons: ["quality_defect", "not_as_described", "carrier_damage"],
      window: returnWindow,
      evidence: goodsEvidence,
      freight: merchantFreight,
      // Interpretation: the customer chooses among these, so none is preferred.
      options: [
        exchange,
        returnWholeAmount,
        // Interpretation: "damaged and cannot be used" is the agent's grade high.
        { clause: "E5", summary: "Full refund when unusable (grade high).", kind: "full_refund", amount: { type: "paid" }, returnsGoods: true, whenGrades: ["high"] },
        gradedPartial("Graded refund for defects that do not affect use.", ["low", "medium", "depends", "ungraded"]),
      ],
    },
    {
      id: "minor-shortfall",
      clause: "E6",
      summary: "Missing accessories or packaging defects that do not affect use.",
      reasons: ["missing_accessory", "packaging_damage"],
      window: returnWindow,
      evidence: goodsEvidence,
      // Interpretation: the goods are not as sold, so E4's store-paid case applies.
      freight: merchantFreight,
      options: [{ ...gradedPartial("Graded refund, keep the goods."), preferred: true }, exchange, returnWholeAmount],
    },
    {
      id: "wrong-item",
      clause: "E2",
      summary: "Wrong item: exchange or return at the store's cost.",
      reasons: ["wrong_item"],
      window: returnWindow,
      evidence: goodsEvidence,
      freight: merchantFreight,
      options: [exchange, returnWholeAmount],
    },
  ],
  // Interpretation: the shop has no warranty text; E2 returns for any reason
  // only within 30 days, so anything else is a person's call.
  uncovered: { clause: "E2", summary: "Reasons without a rule (warranty) are reviewed by a person.", severity: "warn" },
  grading: { clause: "G", summary: "Default grade shares of the paid line.", sharesPct: { low: 25, medium: 50, high: 100 } },
  deadlines: [
    { key: "review_due", clause: "E7", summary: "Reply within 3 working days of the request.", from: "reportedAt", after: { amount: 3, unit: "working_days" } },
    {
      key: "customer_ship_due",
      clause: "E7",
      summary: "Customer ships within 3 working days of approval.",
      from: "approvedAt",
      after: { amount: 3, unit: "working_days" },
      needsReturn: true,
    },
    {
      key: "exchange_ship_due",
      clause: "E7",
      summary: "Exchange ships within 1 working day of receiving the return.",
      from: "returnReceivedAt",
      after: { amount: 1, unit: "working_days" },
      needsOptions: ["exchange"],
    },
    {
      key: "refund_due",
      clause: "E7",
      summary: "Refund for a returned product within 1 working day of receipt.",
      from: "returnReceivedAt",
      after: { amount: 1, unit: "working_days" },
      needsOptions: ["return_for_refund", "full_refund"],
    },
    {
      key: "refund_due",
      clause: "E7",
      summary: "Photo-based partial refund within 2 working days of the evidence.",
      // Interpretation: evidence items carry no time; it arrives with the report.
      from: "reportedAt",
      after: { amount: 2, unit: "working_days" },
      needsOptions: ["partial_refund"],
      unlessFact: "returnReceivedAt",
    },
    {
      key: "freight_reimbursement_due",
      clause: "E4",
      summary: "Freight the customer advanced is repaid within 7 working days of the return's receipt.",
      from: "returnReceivedAt",
      after: { amount: 7, unit: "working_days" },
      needsAdvancedFreight: true,
      needsFreight: "merchant",
    },
    {
      key: "refund_due",
      clause: "E9",
      summary: "Refunds E7 does not time (cancellation, lost parcel, delay) within 3 working days of approval.",
      from: "approvedAt",
      after: { amount: 3, unit: "working_days" },
      reasons: ["cancellation", "lost_in_transit", "delivery_delay"],
      needsOptions: ["cancel_order", "full_refund"],
    },
  ],
  lineRules: [
    {
      clause: "E5",
      summary: "Improper use recorded on an electronic line takes its full refund away.",
      reasons: ["quality_defect"],
      lines: { electronic: true },
      test: { type: "void_cause", causes: ["improper_use"] },
      code: "warranty_void",
      severity: "warn",
      replaceOptions: [gradedPartial("Graded refund: the failure was not under correct use."), exchange],
    },
  ],
  // rev. 2: the store pays return freight with a prepaid label; freight the customer advanced is a payout of its own.
  prepaidReturn: { clause: "E4", summary: "Merchant-paid returns travel on a prepaid label; advanced freight is reimbursed to PayPal." },
  processing: {
    clause: "E9",
    summary: "Orders are processed within 48 hours of placement, holidays not counted.",
    within: { amount: 48, unit: "hours" },
    reasons: ["delivery_delay", "cancellation"],
    freight: "merchant",
  },
  unannouncedReturn: { clause: "E8", summary: "Returns without a prior request are not accepted.", severity: "warn" },
} satisfies PolicyDocumentInput;
