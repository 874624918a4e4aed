import { z } from "zod";
import { crossCuttingClauseIds } from "../clauses.ts";
import { isValidTimeZone, parseLocalDate } from "../../time.ts";
import { claimReasons, freightPayers, severities } from "../enums.ts";
import {
  caseSchema,
  conditionRuleSchema,
  deadlineRuleSchema,
  durationSchema,
  evidenceRuleSchema,
  gradingSchema,
  lineRuleSchema,
  rule,
  ruleMetaSchema,
  warrantySchema,
} from "./rules.ts";

export * from "./rules.ts";

// A store's after-sales policy as data. The engine knows a handful of generic
// rule kinds (rules.ts: cases, windows, evidence, options with amount rules,
// line rules, condition rules, deadlines, grading); a store is a document
// combining them, so a sixth store is a sixth document. Fields an admin edits
// (time zone, holidays, window lengths, shares, part values) are plain data.

export const policyDocumentSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_-]*$/),
    name: z.string().min(1),
    version: z.string().min(1),
    currency: z.literal("USD"),
    timeZone: z.string().default("UTC"),
    holidays: z.array(z.string()).default([]),
    clauses: z.array(z.object({ id: z.string().regex(/^[A-Z][0-9]*$/), summary: z.string().min(1) })),
    cases: z.array(caseSchema),
    uncovered: z.object({ ...rule, severity: z.enum(severities) }),
    evidenceForAll: evidenceRuleSchema.optional(),
    grading: gradingSchema,
    warranty: warrantySchema.optional(),
    lineRules: z.array(lineRuleSchema).default([]),
    conditionRules: z.array(conditionRuleSchema).default([]),
    deadlines: z.array(deadlineRuleSchema).default([]),
    unannouncedReturn: z.object({ ...rule, severity: z.enum(severities) }),
    returnCarrier: z.object({ ...rule, allowed: z.array(z.string().min(1)).min(1), severity: z.enum(severities) }).optional(),
    rma: z.object({ ...rule, prefix: z.string().regex(/^[A-Z]+$/), digits: z.number().int().min(1).max(15) }).optional(),
    returnDestination: z.object({ ...rule, default: z.string(), alternatives: z.array(z.string()) }).optional(),
    payoutNote: z
      .object({
        ...rule,
        minBusinessDays: z.number().int(),
        maxBusinessDays: z.number().int(),
        /** K7: the text contradicts itself about the refund's timing or destination; shown on every decision that cites it. */
        conflict: z.string().min(1).optional(),
      })
      .optional(),
    /** X8: returns are inspected before a refund is paid (K7, C10). */
    returnInspection: ruleMetaSchema.optional(),
    /** E9: orders ship within this time of placement (holidays not counted); later, delay and cancellation claims say so. */
    processing: z
      .object({ ...rule, within: durationSchema, reasons: z.array(z.enum(claimReasons)).min(1), freight: z.enum(freightPayers) })
      .optional(),
    /** E4: merchant-paid return freight is a prepaid label; freight the customer advanced is reimbursed on its own. */
    prepaidReturn: ruleMetaSchema.optional(),
    intake: z.array(z.object({ ...rule, subjectPrefix: z.string().min(1), reason: z.enum(claimReasons) })).default([]),
  })
  .superRefine((doc, ctx) => {
    if (!isValidTimeZone(doc.timeZone)) {
      ctx.addIssue({ code: "custom", path: ["timeZone"], message: `unknown time zone "${doc.timeZone}"` });
    }
    doc.holidays.forEach((h, i) => {
      if (parseLocalDate(h) === undefined) {
        ctx.addIssue({ code: "custom", path: ["holidays", i], message: `"${h}" is not a YYYY-MM-DD date` });
      }
    });
    const ids = new Set<string>();
    doc.cases.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: "custom", path: ["cases", i, "id"], message: `duplicate case id "${c.id}"` });
      ids.add(c.id);
    });
    const known = new Set([...crossCuttingClauseIds, ...doc.clauses.map((c) => c.id)]);
    for (const [path, clause] of clauseReferences(doc)) {
      if (!known.has(clause)) {
        ctx.addIssue({ code: "custom", path, message: `clause "${clause}" is neither cross-cutting nor listed in clauses` });
      }
    }
  });

/** Every `clause` field in the document with its path, for the reference check. */
function clauseReferences(value: unknown, path: (string | number)[] = []): [(string | number)[], string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => clauseReferences(v, [...path, i]));
  if (value === null || typeof value !== "object") return [];
  const out: [(string | number)[], string][] = [];
  for (const [k, v] of Object.entries(value)) {
    if (k === "clause" && typeof v === "string") out.push([[...path, k], v]);
    else out.push(...clauseReferences(v, [...path, k]));
  }
  return out;
}

export type PolicyDocument = z.output<typeof policyDocumentSchema>;
/** A document as written in source (defaults may be omitted). */
export type PolicyDocumentInput = z.input<typeof policyDocumentSchema>;
