import type { PolicyDocumentInput, WindowRuleInput } from "../schema/document.ts";

// chipyard: electronic components, RMA-authorised returns (seed 003).

const thirtyDays: WindowRuleInput = {
  clause: "C3",
  summary: "Return request within 30 days of delivery.",
  anchors: ["deliveredAt"],
  length: { amount: 30, unit: "natural_days" },
  severity: "block",
};

export const chipyard = {
  key: "chipyard",
  name: "Chipyard components",
  version: "2025.1",
  currency: "USD",
  timeZone: "UTC",
  holidays: [],
  clauses: [
    { id: "C1", summary: "Every return needs a unique RMA number (RMA + 9 digits) issued on approval and shown on the parcel." },
    { id: "C2", summary: "Returns ship with FedEx or DHL, any of their services, recognised by name; postal services and other carriers are refused." },
    { id: "C3", summary: "Return requests within 30 days of delivery, otherwise ineligible (wrong items have their own window)." },
    { id: "C4", summary: "Every return must be unused, untested, unprogrammed, packaging intact before its RMA; a breach rules out change of mind and sends other returns to review (testing aside for defects)." },
    { id: "C5", summary: "Change of mind is contradictory in the text: review and supervisor exception; refund = paid − purchase cost − export postage." },
    { id: "C6", summary: "Wrong item within 48 hours: keep with 50 % of the price difference plus reshipment, or return within 5 working days; after that only keeping remains." },
    { id: "C7", summary: "Defects need 3 videos, 10 photos and a fault statement; store pays freight; improper packaging may reduce the refund." },
    { id: "C8", summary: "Review within 2 working days, 5 for complex cases." },
    { id: "C9", summary: "An approved return must ship within 7 natural days, or the return right is waived." },
    { id: "C10", summary: "Refund within 2 working days after inspection; funds take 10–15 business days." },
  ],
  cases: [
    {
      id: "change-of-mind",
      clause: "C5",
      summary: "Change of mind needs a supervisor's exception.",
      reasons: ["change_of_mind"],
      window: thirtyDays,
      evidence: {
        clause: "C5",
        summary: "A panoramic product photo and proof of intact packaging.",
        requires: [
          { kind: "panoramic_photo", min: 1 },
          { kind: "packaging_photo", min: 1 },
        ],
      },
      freight: { clause: "C5", summary: "Change-of-mind returns are customer-paid.", payer: "customer" },
      // Interpretation: the supervisor's exception is not a fact, so change of
      // mind always stays in review; the amount waits for both costs.
      findings: [
        {
          clause: "C5",
          summary: "The text both forbids and prices change-of-mind returns.",
          code: "policy_conflict",
          severity: "warn",
          message: "change-of-mind returns need a supervisor's exception",
        },
      ],
      options: [
        {
          clause: "C5",
          summary: "What the exception would refund: paid − purchase cost − export postage, at least 0.",
          kind: "return_for_refund",
          preferred: true,
          amount: { type: "paid_less_costs" },
        },
      ],
    },
    {
      id: "wrong-item",
      clause: "C6",
      summary: "Wrong item: keep with compensation, or return/exchange.",
      reasons: ["wrong_item"],
      window: {
        clause: "C6",
        summary: "Report within 48 hours of delivery, else review.",
        anchors: ["deliveredAt"],
        length: { amount: 48, unit: "hours" },
        severity: "warn",
      },
      evidence: {
        clause: "C6",
        summary: "A comparison screenshot and at least two photos or videos of the parcel.",
        requires: [
          { kind: "comparison_screenshot", min: 1 },
          { kind: "photo_or_video", min: 2 },
        ],
      },
      freight: { clause: "C6", summary: "Wrong shipments return at the store's cost.", payer: "merchant" },
      options: [
        {
          clause: "C6",
          summary: "Keep it: 50 % of the price difference plus reshipment of the right item.",
          kind: "keep_with_compensation",
          // Interpretation: the text's "Option 1" is preferred; receivedItemValueCents
          // is the value of everything received for the claimed lines.
          preferred: true,
          amount: { type: "price_difference_share", pct: 50 },
          returnsGoods: false,
          reships: true,
        },
        { clause: "C6", summary: "Return for a refund, no compensation.", kind: "return_for_refund", amount: { type: "paid" } },
        { clause: "C6", summary: "Exchange, no compensation.", kind: "exchange", amount: { type: "none" } },
      ],
    },
    {
      id: "quality-defect",
      clause: "C7",
      summary: "Process defect or functional failure on receipt.",
      reasons: ["quality_defect"],
      window: thirtyDays,
      evidence: {
        clause: "C7",
        summary: "3 videos, 10 photos and a fault statement.",
        requires: [
          { kind: "video", min: 3 },
          { kind: "photo", min: 10 },
          { kind: "fault_statement", min: 1 },
        ],
      },
      freight: { clause: "C7", summary: "Store pays once the defect is confirmed.", payer: "merchant" },
      options: [
        {
          clause: "C7",
          summary: "Refund, less the agent's reduction for improper return packaging.",
          kind: "return_for_refund",
          preferred: true,
          // Interpretation: the agent's deductionPct is that reduction, any size up to 100 %.
          amount: { type: "paid_less_deduction", capsPct: {}, defaultCapPct: 100, requireInspection: false },
        },
        { clause: "C7", summary: "Exchange for a working part.", kind: "exchange", amount: { type: "none" } },
      ],
    },
  ],
  // Interpretation: the text says non-quality issues are not returnable but
  // also contradicts itself (C5); other reasons go to a person.
  uncovered: { clause: "C7", summary: "Only defects and functional failures are plainly returnable; others are reviewed.", severity: "warn" },
  grading: { clause: "G", summary: "Default grade shares.", sharesPct: { low: 25, medium: 50, high: 100 } },
  // rev. 2: every return must meet the conditions before its RMA. Change of mind is refused on a
  // breach; other returns go to review; a defect implies testing (finding the failure), so it is not a breach there.
  conditionRules: [
    {
      clause: "C4",
      summary: "Change-of-mind goods must be unused, untested, unprogrammed, packaging intact.",
      reasons: ["change_of_mind"],
      checks: ["used", "tested", "programmed", "packagingNotIntact"],
      severity: "block",
      missingSeverity: "warn",
    },
    {
      clause: "C4",
      summary: "A defect return must be unused, unprogrammed, packaging intact; testing found the defect.",
      reasons: ["quality_defect"],
      checks: ["used", "programmed", "packagingNotIntact"],
      severity: "warn",
      missingSeverity: "info",
    },
    {
      clause: "C4",
      summary: "Other returns must be unused, untested, unprogrammed, packaging intact.",
      reasons: ["wrong_item", "carrier_damage", "packaging_damage", "missing_accessory", "not_as_described", "warranty"],
      checks: ["used", "tested", "programmed", "packagingNotIntact"],
      severity: "warn",
      missingSeverity: "info",
    },
  ],
  deadlines: [
    {
      key: "review_due",
      clause: "C8",
      summary: "Review in 2 working days, 5 when complex.",
      from: "reportedAt",
      after: { amount: 2, unit: "working_days" },
      afterIfComplex: { amount: 5, unit: "working_days" },
    },
    {
      key: "customer_ship_due",
      clause: "C9",
      summary: "Ship an approved return within 7 natural days.",
      from: "approvedAt",
      after: { amount: 7, unit: "natural_days" },
      reasons: ["change_of_mind", "quality_defect"],
      waiver: { clause: "C9", summary: "Late shipment waives the return right.", severity: "block" },
    },
    {
      key: "customer_ship_due",
      clause: "C6",
      summary: "Return a wrong item within 5 working days of approval.",
      from: "approvedAt",
      after: { amount: 5, unit: "working_days" },
      reasons: ["wrong_item"],
      // Interpretation: a late wrong-item return loses the return, not the claim:
      // keeping the item with compensation stays possible, so review, not block.
      // rev. 2: the return and the exchange are withdrawn; keeping with compensation (and the reshipment) remains.
      waiver: {
        clause: "C6",
        summary: "Late shipment waives the return; keeping with compensation remains.",
        severity: "info",
        withdraws: ["return_for_refund", "exchange"],
      },
    },
    {
      key: "refund_due",
      clause: "C10",
      summary: "Refund within 2 working days after inspection.",
      from: "inspectedAt",
      after: { amount: 2, unit: "working_days" },
      needsOptions: ["return_for_refund"],
    },
  ],
  unannouncedReturn: { clause: "X1", summary: "Unauthorised parcels are refused or disposed of.", severity: "warn" },
  // Interpretation: a refused parcel ends the return, so block; names compare
  // without case or punctuation.
  returnCarrier: { clause: "C2", summary: "FedEx or DHL only.", allowed: ["FedEx", "DHL"], severity: "block" },
  rma: { clause: "C1", summary: "RMA followed by 9 digits, marked on the parcel.", prefix: "RMA", digits: 9 },
  returnInspection: { clause: "C10", summary: "Returns are inspected before the refund." },
  payoutNote: { clause: "C10", summary: "Funds appear in 10–15 business days.", minBusinessDays: 10, maxBusinessDays: 15 },
} satisfies PolicyDocumentInput;
