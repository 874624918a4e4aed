// The engine's vocabularies. `as const` arrays so that the server's database
// enums, the zod schemas and the UI's pickers all come from one list.

export const storeKeys = ["kinetic", "layerworks", "everyday", "chipyard", "atelier"] as const;
export type StoreKey = (typeof storeKeys)[number];

export const claimReasons = [
  "change_of_mind",
  "quality_defect",
  "carrier_damage",
  "packaging_damage",
  "wrong_item",
  "missing_accessory",
  "lost_in_transit",
  "delivery_delay",
  "not_as_described",
  "warranty",
  "cancellation",
] as const;
export type ClaimReason = (typeof claimReasons)[number];

export const evidenceKinds = [
  "photo",
  "video",
  "packaging_photo",
  "panoramic_photo",
  "comparison_screenshot",
  "fault_statement",
  "invoice_number",
  "serial_number",
  "tracking_number",
  "connection_video",
] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** What a requirement may name: a kind, or `photo_or_video` (photo + video). */
export const evidenceRequirementKinds = [...evidenceKinds, "photo_or_video"] as const;
export type EvidenceRequirementKind = (typeof evidenceRequirementKinds)[number];

export const grades = ["low", "medium", "high", "depends"] as const;
export type Grade = (typeof grades)[number];
/** Grades that carry a share; `depends` is set by a person (A6). */
export const fixedGrades = ["low", "medium", "high"] as const;
export type FixedGrade = (typeof fixedGrades)[number];

export const eligibilities = ["eligible", "ineligible", "needs_review"] as const;
export type Eligibility = (typeof eligibilities)[number];

export const severities = ["block", "warn", "info"] as const;
export type Severity = (typeof severities)[number];

export const freightPayers = ["merchant", "customer", "shared", "none"] as const;
export type FreightPayer = (typeof freightPayers)[number];

export const optionKinds = [
  "full_refund",
  "partial_refund",
  "replacement",
  "repair",
  "exchange",
  "keep_with_compensation",
  "return_for_refund",
  "cancel_order",
] as const;
export type OptionKind = (typeof optionKinds)[number];

export const findingCodes = [
  // from the rule book
  "window_expired",
  "evidence_missing",
  "warranty_void",
  "warranty_expired",
  "not_covered",
  "policy_conflict",
  "wrong_carrier",
  "return_right_waived",
  "unannounced_return",
  "condition_breach",
  "wear_and_tear",
  "grade_depends",
  "refund_cap",
  "deduction_cap",
  "inconsistent_facts", // X7 (rev. 2): two recorded facts contradict each other
  "processing_late", // E9 (rev. 2): the order shipped later than the store's processing time
  // added by the engine
  "missing_fact", // a rule needs a fact the claim does not have yet
  "grade_pending", // a graded amount waits for the agent's grade or part type
  "rma_required", // C1: the return needs an RMA number on the parcel
  "return_destination", // K6: where the parcel goes
  "payout_time", // K7, C10: informational payout delay
  "option_unlock", // X9: what the agent could record to unlock an option on a line
  "freight_label", // E4: the store's prepaid label is still to be sent
] as const;
export type FindingCode = (typeof findingCodes)[number];

export const deadlineKeys = [
  "review_due",
  "customer_ship_due",
  "refund_due",
  "exchange_ship_due",
  "freight_reimbursement_due",
  "report_by",
] as const;
export type DeadlineKey = (typeof deadlineKeys)[number];

export const partTypes = [
  "detachment_only",
  "head_sculpt",
  "head_sculpt_special",
  "jointed_figure",
  "seamless_figure",
  "body_special",
  "clothes_small",
  "clothes_middle",
  "clothes_large",
  "clothes_special_small",
  "clothes_special_middle",
  "clothes_special_large",
  "weapon_large",
  "weapon_small",
  "scene_prop",
  "figure_stand",
  "figure_stand_special",
  "packaging_box",
] as const;
export type PartType = (typeof partTypes)[number];

export const issueTypes = [
  "electronic_failure",
  "missing_or_wrong_accessory",
  "paint_defect",
  "detachment",
  "structural_breakage",
  "surface_cracking",
] as const;
export type IssueType = (typeof issueTypes)[number];

export const failureCauses = ["defect", "wear_and_tear"] as const;
export type FailureCause = (typeof failureCauses)[number];

/** Causes an agent can record that void a warranty (layerworks L4, L5). */
export const voidCauses = [
  "improper_assembly",
  "improper_use",
  "lack_of_maintenance",
  "improper_conditions",
  "external_damage",
  "motor_disassembled",
  "wrong_rated_current",
] as const;
export type VoidCause = (typeof voidCauses)[number];

export const inspectionResults = ["intact", "repack_needed", "damaged_unresellable"] as const;
export type InspectionResult = (typeof inspectionResults)[number];

/** X8 (rev. 2): what must have happened before a refund that takes the goods back is paid out. */
export const payoutGates = ["return_received", "inspected"] as const;
export type PayoutGate = (typeof payoutGates)[number];

export const packagingSeverities = ["minor", "severe"] as const;
export type PackagingSeverity = (typeof packagingSeverities)[number];

/** Instants in the facts that rules may anchor on. */
export const factInstants = [
  "orderPlacedAt",
  "shippedAt",
  "deliveredAt",
  "reportedAt",
  "approvedAt",
  "returnShippedAt",
  "returnReceivedAt",
  "inspectedAt",
] as const;
export type FactInstant = (typeof factInstants)[number];
