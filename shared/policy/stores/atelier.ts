import type { OptionTemplateInput, PolicyDocumentInput } from "../schema/document.ts";

// atelier: collectible figures, graded compensation (seed 004).

const returnInFull: OptionTemplateInput = {
  clause: "A1",
  summary: "Return for a refund.",
  kind: "return_for_refund",
  amount: { type: "paid" },
};

export const atelier = {
  key: "atelier",
  name: "Atelier collectibles",
  version: "2025.1",
  currency: "USD",
  timeZone: "UTC",
  holidays: [],
  clauses: [
    { id: "A1", summary: "Covers wrong items, accessory issues, part defects and shipping damage to the product, and severe transit damage to the box; minor box damage is not; a photo is always needed." },
    { id: "A2", summary: "Accessory issues: supplier replacement part at store cost first, else graded refund; returning anyway shares the postage." },
    { id: "A3", summary: "Default grades per issue: electronic failure medium, missing/wrong accessory high, paint depends, detachment low, breakage high, cracking depends." },
    { id: "A4", summary: "Grade shares of the part's maximum value: low 25 %, medium 50 %, high 100 %." },
    { id: "A5", summary: "Maximum reimbursement per part type in USD (5 to 40), a detachment 5 whatever the part; stand with special design and packaging box depend." },
    { id: "A6", summary: "A 'Depends' grade or value is set by the agent with a reason, at most the part's maximum and the paid amount; until then no amount." },
  ],
  cases: [
    {
      id: "wrong-item",
      clause: "A1",
      summary: "Mis-shipment: keep with a discount, or return.",
      reasons: ["wrong_item"],
      // Interpretation: a mis-shipment is the store's error, so it pays the return.
      freight: { clause: "A1", summary: "The store's mistake, the store's postage.", payer: "merchant" },
      options: [
        {
          clause: "A1",
          summary: "Keep with a discount the agent sets (the text gives no rate).",
          kind: "keep_with_compensation",
          preferred: true,
          amount: { type: "set_by_agent" },
          returnsGoods: false,
        },
        returnInFull,
      ],
    },
    {
      id: "accessory-issue",
      clause: "A2",
      summary: "Missing, damaged or wrong accessories, and defects on a part.",
      // rev. 2: shipping damage to the product itself is handled like an accessory issue.
      reasons: ["missing_accessory", "quality_defect", "carrier_damage"],
      freight: { clause: "A2", summary: "Replacement parts are sent at the store's cost.", payer: "merchant" },
      options: [
        { clause: "A2", summary: "Original replacement part from the supplier.", kind: "replacement", preferred: true, amount: { type: "none" } },
        { clause: "A2", summary: "Graded refund when the supplier has no spare.", kind: "partial_refund", amount: { type: "graded" } },
        { ...returnInFull, clause: "A2", summary: "Returning although a part would fix it: postage shared.", freight: "shared" },
      ],
    },
    {
      id: "severe-box-damage",
      clause: "A1",
      summary: "Severe transit damage to the outer box: keep with a graded refund, or return.",
      reasons: ["packaging_damage"],
      whenAny: [{ type: "packaging_severity", is: "severe" }],
      // Interpretation: transit damage is not the customer's doing; store pays.
      freight: { clause: "A1", summary: "Transit damage returns at the store's cost.", payer: "merchant" },
      options: [
        { clause: "A1", summary: "Keep with a graded refund.", kind: "partial_refund", preferred: true, amount: { type: "graded" } },
        returnInFull,
      ],
    },
    {
      id: "minor-box-damage",
      clause: "A1",
      summary: "Creases and slight deformation of the box are not covered.",
      reasons: ["packaging_damage"],
      whenAny: [{ type: "packaging_severity", is: "minor" }],
      freight: { clause: "A1", summary: "Nothing is returned.", payer: "none" },
      findings: [{ clause: "A1", summary: "Minor box damage is excluded.", code: "not_covered", severity: "block" }],
      options: [],
    },
    {
      // Interpretation: without a recorded severity coverage is unknown: review.
      id: "box-damage-unrated",
      clause: "A1",
      summary: "Box damage whose severity is not recorded yet.",
      reasons: ["packaging_damage"],
      freight: { clause: "A1", summary: "Decided once the severity is known.", payer: "none" },
      findings: [
        {
          clause: "A1",
          summary: "Severity decides coverage.",
          code: "missing_fact",
          severity: "warn",
          message: "record packagingSeverity (minor or severe)",
        },
      ],
      options: [],
    },
  ],
  uncovered: { clause: "A1", summary: "Only the listed problems are covered.", severity: "block" },
  evidenceForAll: { clause: "A1", summary: "Every claim needs at least one photo.", requires: [{ kind: "photo", min: 1 }] },
  grading: {
    clause: "A4",
    summary: "Share of the part's maximum value by grade.",
    sharesPct: { low: 25, medium: 50, high: 100 },
    partValues: {
      clause: "A5",
      // Interpretation: per unit, multiplied by the line's quantity.
      summary: "Maximum reimbursement per part, per unit.",
      valuesCents: {
        detachment_only: 500,
        head_sculpt: 2500,
        head_sculpt_special: 4000,
        jointed_figure: 2000,
        seamless_figure: 4000,
        body_special: 4000,
        clothes_small: 500,
        clothes_middle: 1000,
        clothes_large: 1500,
        clothes_special_small: 1500,
        clothes_special_middle: 2000,
        clothes_special_large: 3000,
        weapon_large: 1500,
        weapon_small: 500,
        scene_prop: 500,
        figure_stand: 1000,
        figure_stand_special: null,
        packaging_box: null,
      },
      // rev. 2: "No broken accessories (detachment issue) 5" prices the issue, whatever the part.
      issueRows: { detachment: "detachment_only" },
    },
    issueGrades: {
      clause: "A3",
      summary: "Default grade per issue type; a line's own grade wins.",
      grades: {
        electronic_failure: "medium",
        missing_or_wrong_accessory: "high",
        paint_defect: "depends",
        detachment: "low",
        structural_breakage: "high",
        surface_cracking: "depends",
      },
    },
    // Interpretation: the facts cannot carry an agent-set value, so Depends
    // always leaves the partial refund without an amount (grade_depends, warn).
    dependsRule: { clause: "A6", summary: "Depends: the agent sets grade or value with a reason." },
  },
  unannouncedReturn: { clause: "X1", summary: "Contact first, then return.", severity: "warn" },
} satisfies PolicyDocumentInput;
