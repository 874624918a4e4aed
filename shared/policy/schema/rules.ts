import { z } from "zod";
import { durationUnits } from "../../time.ts";
import {
  claimReasons,
  deadlineKeys,
  evidenceRequirementKinds,
  factInstants,
  findingCodes,
  freightPayers,
  grades,
  inspectionResults,
  issueTypes,
  optionKinds,
  packagingSeverities,
  partTypes,
  severities,
  voidCauses,
} from "../enums.ts";

// The generic rule kinds a policy document is made of. Every rule entry
// names the clause it implements and says in one line what it does.

export const rule = {
  clause: z.string().min(1),
  summary: z.string().min(1),
};
export const ruleMetaSchema = z.object(rule);

export const pct = z.number().min(0).max(100);
const cents = z.number().int().nonnegative();

export const durationSchema = z.object({
  amount: z.number().int().nonnegative(),
  unit: z.enum(durationUnits),
});

/** A line matches when every flag given equals the line's (absent on the line = false). */
export const lineFilterSchema = z.object({
  electronic: z.boolean().optional(),
  consumable: z.boolean().optional(),
  motor: z.boolean().optional(),
});

/** Claim-level tests a case can be gated on; a case matches when any passes. */
export const claimTestSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("reported_within"), anchor: z.enum(factInstants), within: durationSchema }),
  // No shippedAt, or shipped only after the report.
  z.object({ type: z.literal("not_shipped") }),
  z.object({ type: z.literal("packaging_severity"), is: z.enum([...packagingSeverities, "unknown"]) }),
]);

export const amountRuleSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }),
  z.object({ type: z.literal("paid") }),
  z.object({ type: z.literal("graded") }),
  z.object({
    type: z.literal("paid_less_deduction"),
    // Cap on the agent's deductionPct per inspection result; defaultCapPct otherwise.
    capsPct: z.partialRecord(z.enum(inspectionResults), pct),
    defaultCapPct: pct,
    requireInspection: z.boolean(),
  }),
  z.object({ type: z.literal("paid_less_costs") }),
  z.object({ type: z.literal("price_difference_share"), pct }),
  z.object({ type: z.literal("set_by_agent") }),
]);

export const optionTemplateSchema = z.object({
  ...rule,
  kind: z.enum(optionKinds),
  preferred: z.boolean().default(false),
  amount: amountRuleSchema,
  /** Overrides the case's freight payer for this option. */
  freight: z.enum(freightPayers).optional(),
  /** Whether goods travel back to the store; defaults by kind (see options.ts). */
  returnsGoods: z.boolean().optional(),
  /** After paying, goods still go to the customer (C6: compensation plus reshipment of the right item). */
  reships: z.boolean().optional(),
  /** Offered only when every line's effective grade is listed. */
  whenGrades: z.array(z.enum([...grades, "ungraded"])).optional(),
});

export const windowSchema = z.object({
  ...rule,
  /** The first of these facts that is present starts the window. */
  anchors: z.array(z.enum(factInstants)).min(1),
  length: durationSchema,
  /** Severity of `window_expired` when the report is later than the window. */
  severity: z.enum(severities),
  message: z.string().optional(),
  /** Options offered instead of the case's once outside the window (E5, K2→K5). */
  afterOptions: z.array(optionTemplateSchema).optional(),
  /** Outside the window the claim is judged against the store's warranty instead (K2 → K5). */
  afterUnderWarranty: z.boolean().optional(),
});

export const evidenceRuleSchema = z.object({
  ...rule,
  requires: z.array(
    z.object({ kind: z.enum(evidenceRequirementKinds), min: z.number().int().positive() }),
  ),
});

export const caseFindingSchema = z.object({
  ...rule,
  code: z.enum(findingCodes),
  severity: z.enum(severities),
  message: z.string().optional(),
});

/** How the store handles one or more reasons; each line takes the first case that matches. */
export const caseSchema = z.object({
  ...rule,
  id: z.string().min(1),
  reasons: z.array(z.enum(claimReasons)).min(1),
  lines: lineFilterSchema.optional(),
  whenAny: z.array(claimTestSchema).optional(),
  /** Judged against the store's warranty (warranty_expired past its end). */
  underWarranty: z.boolean().default(false),
  window: windowSchema.optional(),
  evidence: evidenceRuleSchema.optional(),
  freight: z.object({ ...rule, payer: z.enum(freightPayers) }),
  options: z.array(optionTemplateSchema),
  findings: z.array(caseFindingSchema).default([]),
});

export const lineRuleSchema = z.object({
  ...rule,
  reasons: z.array(z.enum(claimReasons)).optional(),
  lines: lineFilterSchema.optional(),
  test: z.discriminatedUnion("type", [
    z.object({ type: z.literal("void_cause"), causes: z.array(z.enum(voidCauses)).min(1) }),
    z.object({
      type: z.literal("failure_cause"),
      causes: z.array(z.enum(["defect", "wear_and_tear"])).min(1),
      /** Severity of a `missing_fact` finding when the line has no failureCause. */
      missingSeverity: z.enum(severities).optional(),
    }),
  ]),
  code: z.enum(findingCodes),
  severity: z.enum(severities),
  /** Options the line gets instead of its case's when the rule hits (E5: improper use, no full refund). */
  replaceOptions: z.array(optionTemplateSchema).optional(),
});

export const conditionRuleSchema = z.object({
  ...rule,
  reasons: z.array(z.enum(claimReasons)).min(1),
  checks: z.array(z.enum(["used", "tested", "programmed", "packagingNotIntact"])).min(1),
  severity: z.enum(severities),
  /** Severity of `missing_fact` while the condition is not recorded yet. */
  missingSeverity: z.enum(severities),
});

export const deadlineRuleSchema = z.object({
  ...rule,
  // report_by comes from windows, never from a deadline rule.
  key: z.enum(deadlineKeys).refine((k) => k !== "report_by", "report_by is derived from windows"),
  from: z.enum(factInstants),
  after: durationSchema,
  afterIfComplex: durationSchema.optional(),
  reasons: z.array(z.enum(claimReasons)).optional(),
  /** Only when one of these options is offered. */
  needsOptions: z.array(z.enum(optionKinds)).optional(),
  /** Only when an offered option sends goods back. */
  needsReturn: z.boolean().optional(),
  /** Not when this fact is present (E7: photo refund vs returned product). */
  unlessFact: z.enum(factInstants).optional(),
  needsAdvancedFreight: z.boolean().optional(),
  needsFreight: z.enum(freightPayers).optional(),
  /** Missing this deadline waives the return right (C9); `withdraws` the options it takes away (C6). */
  waiver: z.object({ ...rule, severity: z.enum(severities), withdraws: z.array(z.enum(optionKinds)).optional() }).optional(),
});

export const gradingSchema = z.object({
  ...rule,
  sharesPct: z.object({ low: pct, medium: pct, high: pct }),
  /** Maximum value per part, per unit, in cents; null = "Depends" (A6). */
  partValues: z
    .object({
      ...rule,
      valuesCents: z.partialRecord(z.enum(partTypes), cents.nullable()),
      /** Issues priced by a row of their own whatever the part (A5: a detachment is worth 5). */
      issueRows: z.partialRecord(z.enum(issueTypes), z.enum(partTypes)).optional(),
    })
    .optional(),
  issueGrades: z.object({ ...rule, grades: z.partialRecord(z.enum(issueTypes), z.enum(grades)) }).optional(),
  dependsRule: ruleMetaSchema.optional(),
});

export const warrantySchema = z.object({
  ...rule,
  months: z.number().int().positive(),
  anchors: z.array(z.enum(factInstants)).min(1),
  /** Cited whenever the end date is computed: a replacement keeps it (L8). */
  replacementRule: ruleMetaSchema.optional(),
  /** Cited when repair pauses extend the end date (L9); with `requiresTracking` a pause counts only with both legs' tracking. */
  pauseRule: z.object({ ...rule, requiresTracking: z.boolean().default(false) }).optional(),
});

export type OptionTemplate = z.output<typeof optionTemplateSchema>;
export type AmountRule = z.output<typeof amountRuleSchema>;
export type WindowRule = z.output<typeof windowSchema>;
export type EvidenceRule = z.output<typeof evidenceRuleSchema>;
export type LineFilter = z.output<typeof lineFilterSchema>;
export type ClaimTest = z.output<typeof claimTestSchema>;
export type DeadlineRule = z.output<typeof deadlineRuleSchema>;
export type LineRule = z.output<typeof lineRuleSchema>;
export type ConditionRule = z.output<typeof conditionRuleSchema>;
export type RuleMeta = z.output<typeof ruleMetaSchema>;
export type CaseRule = z.output<typeof caseSchema>;
export type CaseRuleInput = z.input<typeof caseSchema>;
export type OptionTemplateInput = z.input<typeof optionTemplateSchema>;
export type WindowRuleInput = z.input<typeof windowSchema>;
export type EvidenceRuleInput = z.input<typeof evidenceRuleSchema>;
