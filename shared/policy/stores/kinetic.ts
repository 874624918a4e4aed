import type { PolicyDocumentInput } from "../schema/document.ts";

// kinetic: motion-control parts (seed 000). Clause texts are our summaries.
export const kinetic = {
  key: "kinetic",
  name: "Kinetic motion parts",
  version: "2025.1",
  currency: "USD",
  timeZone: "UTC",
  holidays: [],
  clauses: [
    { id: "K1", summary: "Free return with full refund only for quality defects or carrier damage; merchant pays freight." },
    { id: "K2", summary: "A quality defect needs a connection/settings video and a report within 30 days of delivery; later, no return or refund, but the warranty's replacement still applies." },
    { id: "K3", summary: "For K1 cases, replacement (with troubleshooting) is preferred; full refund is the alternative." },
    { id: "K4", summary: "Change of mind: customer ships at own cost with a tracking number; refund by inspected condition (deductions up to 10 % / 90 %)." },
    { id: "K5", summary: "One-year warranty from delivery: free replacement of any part at any time in that year, merchant pays freight." },
    { id: "K6", summary: "Returns go to the local warehouse unless the agent routes them to the manufacturer." },
    { id: "K7", summary: "Refund due within 48 hours of a confirmed inspection; funds take 5–10 business days; the text also says about 2 business days, to PayPal or bank." },
  ],
  cases: [
    {
      id: "quality-defect",
      clause: "K1",
      summary: "Quality defect: free return, replacement preferred, full refund possible.",
      reasons: ["quality_defect"],
      window: {
        clause: "K2",
        summary: "Report within 30 days of delivery.",
        anchors: ["deliveredAt"],
        length: { amount: 30, unit: "natural_days" },
        // rev. 2: past 30 days there is no return or refund, but the 1-year warranty's replacement
        // "anytime" still applies, so the claim is judged under K5 instead of refused.
        severity: "warn",
        message: "reported after the 30-day window: no return or refund; the warranty's replacement (K5) applies",
        afterOptions: [{ clause: "K5", summary: "Warranty replacement after the 30 days.", kind: "replacement", preferred: true, amount: { type: "none" } }],
        afterUnderWarranty: true,
      },
      evidence: {
        clause: "K2",
        summary: "A video of all connections and software settings.",
        requires: [{ kind: "connection_video", min: 1 }],
      },
      freight: { clause: "K1", summary: "Free return for quality issues.", payer: "merchant" },
      options: [
        { clause: "K3", summary: "Replacement first.", kind: "replacement", preferred: true, amount: { type: "none" } },
        // Interpretation: K1 promises a free *return*, so the goods travel back.
        { clause: "K3", summary: "Full refund as the alternative.", kind: "full_refund", amount: { type: "paid" }, returnsGoods: true },
      ],
    },
    {
      id: "carrier-damage",
      clause: "K1",
      summary: "Carrier damage: free return, replacement preferred, full refund possible.",
      reasons: ["carrier_damage"],
      // Interpretation: K2's 30 days and its video are about quality issues; the
      // text sets no window or evidence for carrier damage.
      freight: { clause: "K1", summary: "Free return for carrier damage.", payer: "merchant" },
      options: [
        { clause: "K3", summary: "Replacement first.", kind: "replacement", preferred: true, amount: { type: "none" } },
        { clause: "K3", summary: "Full refund as the alternative.", kind: "full_refund", amount: { type: "paid" }, returnsGoods: true },
      ],
    },
    {
      id: "change-of-mind",
      clause: "K4",
      summary: "Change of mind: return at the customer's cost, refund after inspection.",
      reasons: ["change_of_mind"],
      evidence: {
        clause: "K4",
        summary: "Return tracking number before the return is accepted.",
        requires: [{ kind: "tracking_number", min: 1 }],
      },
      freight: { clause: "K4", summary: "No free return for change of mind.", payer: "customer" },
      options: [
        {
          clause: "K4",
          summary: "Refund by inspected condition: intact 100 %, repack up to 10 % off, unresellable up to 90 % off.",
          kind: "return_for_refund",
          preferred: true,
          // Interpretation: no amount until the inspection is recorded; an
          // absent deductionPct means no deduction.
          amount: {
            type: "paid_less_deduction",
            capsPct: { intact: 0, repack_needed: 10, damaged_unresellable: 90 },
            defaultCapPct: 0,
            requireInspection: true,
          },
        },
      ],
    },
    {
      id: "warranty",
      clause: "K5",
      summary: "Warranty: free replacement of any part within a year.",
      reasons: ["warranty"],
      underWarranty: true,
      // Interpretation: anchored on delivery only; without it the claim is reviewed.
      freight: { clause: "K5", summary: "Free replacement.", payer: "merchant" },
      options: [{ clause: "K5", summary: "Replacement only.", kind: "replacement", preferred: true, amount: { type: "none" } }],
    },
  ],
  // Interpretation: the text sends "other situations" to the K4 route; which
  // reasons that covers is a person's call, so they go to review.
  uncovered: { clause: "K1", summary: "Reasons the text does not name are reviewed by a person.", severity: "warn" },
  grading: { clause: "G", summary: "Default grade shares.", sharesPct: { low: 25, medium: 50, high: 100 } },
  warranty: { clause: "K5", summary: "12 months from delivery.", months: 12, anchors: ["deliveredAt"] },
  deadlines: [
    {
      // Interpretation: the text says both "within 48 hours" and "around 2
      // business days"; the rule book's 48 hours from inspection wins.
      key: "refund_due",
      clause: "K7",
      summary: "Refund within 48 hours after the inspection is confirmed.",
      from: "inspectedAt",
      after: { amount: 48, unit: "hours" },
      needsOptions: ["full_refund", "return_for_refund"],
    },
  ],
  unannouncedReturn: { clause: "X1", summary: "Returns without notice are not accepted.", severity: "warn" },
  returnDestination: {
    clause: "K6",
    summary: "Local warehouse by default; the agent may route to the manufacturer.",
    default: "local_warehouse",
    alternatives: ["manufacturer"],
  },
  payoutNote: {
    clause: "K7",
    summary: "Funds reach the customer in 5–10 business days.",
    minBusinessDays: 5,
    maxBusinessDays: 10,
    conflict:
      "the text also says the refund comes about 2 business days after the return is confirmed, to PayPal or a bank account instead of the original payment; the deadline keeps 48 hours",
  },
  returnInspection: { clause: "K7", summary: "The returned item is inspected (confirmed) before the refund." },
} satisfies PolicyDocumentInput;
