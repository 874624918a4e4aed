import type { CaseRuleInput, PolicyDocumentInput } from "../schema/document.ts";

// layerworks: 3D-printer kits, warranty per part (seed 001).

const warrantyHandling: Omit<CaseRuleInput, "id" | "clause" | "summary" | "reasons"> = {
  underWarranty: true,
  evidence: {
    clause: "L6",
    summary: "Invoice number, serial number and at least one photo or video.",
    requires: [
      { kind: "invoice_number", min: 1 },
      { kind: "serial_number", min: 1 },
      { kind: "photo_or_video", min: 1 },
    ],
  },
  // Interpretation: sending a replacement part is the merchant's cost; only
  // the factory repair service and its shipping are excluded (L3).
  freight: { clause: "L1", summary: "Replacement parts are sent at the merchant's cost.", payer: "merchant" },
  options: [
    { clause: "L1", summary: "Replacement of the faulty part, preferred.", kind: "replacement", preferred: true, amount: { type: "none" } },
    { clause: "L3", summary: "Repair; service and shipping are the customer's.", kind: "repair", amount: { type: "none" }, freight: "customer" },
  ],
};

export const layerworks = {
  key: "layerworks",
  name: "Layerworks 3D printers",
  version: "2025.1",
  currency: "USD",
  timeZone: "UTC",
  holidays: [],
  clauses: [
    { id: "L1", summary: "A kit's warranty covers each part on its own: every claimed line is judged separately." },
    { id: "L2", summary: "Warranty lasts 12 months from delivery (from shipping when delivery is unknown)." },
    { id: "L3", summary: "Factory repair service and its shipping are not covered: repairs ship at the customer's cost." },
    { id: "L4", summary: "Improper assembly, use, maintenance, conditions or external damage void the warranty." },
    { id: "L5", summary: "A motor's warranty is also void if it was disassembled or run at a different rated current." },
    { id: "L6", summary: "Warranty requests need invoice and serial numbers and a photo or video; '[Warranty Request]' mails open warranty claims." },
    { id: "L7", summary: "Consumables (zip ties, screws, nuts, bearings) are covered for manufacturing defects, not wear and tear." },
    { id: "L8", summary: "A replacement part does not restart the warranty; the original end date stays." },
    { id: "L9", summary: "Time away for repair pauses the warranty and extends its end, only with both legs' tracking numbers on record." },
  ],
  cases: [
    { id: "warranty", clause: "L2", summary: "Warranty request judged per part.", reasons: ["warranty"], ...warrantyHandling },
    // Interpretation: the text only knows warranty cases, so a defect report is one.
    { id: "defect-as-warranty", clause: "L2", summary: "A defect report is a warranty case.", reasons: ["quality_defect"], ...warrantyHandling },
  ],
  uncovered: { clause: "L2", summary: "The text covers warranty only; other reasons go to a person.", severity: "warn" },
  grading: { clause: "G", summary: "Default grade shares.", sharesPct: { low: 25, medium: 50, high: 100 } },
  warranty: {
    clause: "L2",
    summary: "12 months from delivery, or from shipping when delivery is unknown.",
    months: 12,
    anchors: ["deliveredAt", "shippedAt"],
    // Interpretation: the facts carry no "replacement delivered" date, so the
    // end is always computed from the original delivery and never restarts.
    replacementRule: { clause: "L8", summary: "End date computed from the original delivery, never from a replacement." },
    pauseRule: { clause: "L9", summary: "Repair pauses with both legs' tracking extend the end date.", requiresTracking: true },
  },
  lineRules: [
    {
      clause: "L4",
      summary: "Misuse recorded by the agent voids every line.",
      reasons: ["warranty", "quality_defect"],
      test: {
        type: "void_cause",
        causes: ["improper_assembly", "improper_use", "lack_of_maintenance", "improper_conditions", "external_damage"],
      },
      code: "warranty_void",
      severity: "block",
    },
    {
      clause: "L5",
      summary: "Motor-specific misuse voids motor lines only.",
      reasons: ["warranty", "quality_defect"],
      lines: { motor: true },
      test: { type: "void_cause", causes: ["motor_disassembled", "wrong_rated_current"] },
      code: "warranty_void",
      severity: "block",
    },
    {
      clause: "L7",
      summary: "Worn-out consumables are not covered; the cause must be known.",
      reasons: ["warranty", "quality_defect"],
      lines: { consumable: true },
      // Interpretation: until the agent records the cause, the line needs review.
      test: { type: "failure_cause", causes: ["wear_and_tear"], missingSeverity: "warn" },
      code: "wear_and_tear",
      severity: "block",
    },
  ],
  unannouncedReturn: { clause: "X1", summary: "Products are sent for repair only on an open claim.", severity: "warn" },
  intake: [
    {
      clause: "L6",
      summary: "Mails whose subject starts with the tag open a warranty claim.",
      subjectPrefix: "[Warranty Request]",
      reason: "warranty",
    },
  ],
} satisfies PolicyDocumentInput;
