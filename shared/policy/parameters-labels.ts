import type { DeadlineKey, FactInstant, InspectionResult, IssueType, PartType } from "./enums.ts";

// Words an admin reads beside each editable parameter. Kept apart from the
// walker so the labels can change without touching what is editable.

export const deadlineLabels: Record<DeadlineKey, string> = {
  review_due: "Reply to the customer",
  customer_ship_due: "Customer ships the return",
  refund_due: "Refund issued",
  exchange_ship_due: "Exchange shipped",
  freight_reimbursement_due: "Freight reimbursed",
  report_by: "Reporting window closes",
};

export const factLabels: Record<FactInstant, string> = {
  orderPlacedAt: "order placed",
  shippedAt: "shipping",
  deliveredAt: "delivery",
  reportedAt: "the report",
  approvedAt: "approval",
  returnShippedAt: "return shipped",
  returnReceivedAt: "return received",
  inspectedAt: "inspection",
};

export const inspectionLabels: Record<InspectionResult, string> = {
  intact: "intact",
  repack_needed: "needs repacking",
  damaged_unresellable: "damaged, unresellable",
};

export const partLabels: Record<PartType, string> = {
  detachment_only: "Detachment only",
  head_sculpt: "Head sculpt",
  head_sculpt_special: "Head sculpt, special functions",
  jointed_figure: "Jointed figure (hard plastic)",
  seamless_figure: "Seamless figure (silicone)",
  body_special: "Body, special design",
  clothes_small: "Clothes piece, small",
  clothes_middle: "Clothes piece, middle",
  clothes_large: "Clothes piece, large",
  clothes_special_small: "Clothes piece, special design, small",
  clothes_special_middle: "Clothes piece, special design, middle",
  clothes_special_large: "Clothes piece, special design, large",
  weapon_large: "Weapon, large",
  weapon_small: "Weapon, small",
  scene_prop: "Other scene prop",
  figure_stand: "Figure stand",
  figure_stand_special: "Figure stand, special design",
  packaging_box: "Packaging box",
};

export const issueLabels: Record<IssueType, string> = {
  electronic_failure: "Electronic function failure",
  missing_or_wrong_accessory: "Missing or wrong accessory",
  paint_defect: "Wrong or missing paint",
  detachment: "Detached accessory",
  structural_breakage: "Structural breakage",
  surface_cracking: "Surface cracking",
};

/** "quality-defect" / "change_of_mind" → "Quality defect" / "Change of mind". */
export function sentenceCase(id: string): string {
  const words = id.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
