import { z } from "zod";
import {
  deadlineKeys,
  eligibilities,
  evidenceRequirementKinds,
  findingCodes,
  freightPayers,
  optionKinds,
  payoutGates,
  severities,
} from "../enums.ts";

// The rule book's decision shape. Additions, all optional for a reader that
// only knows the rule book: `message` and `sku` on findings (sku when a finding
// concerns one line only, L1), `freight` and `clause` on options (one claim can
// offer a repair at the customer's cost and a replacement at the merchant's,
// L3), `lines` (each line's own eligibility) and `clauses` (X4); on options
// `lineRefunds` (X9) and `payableAfter`/`payable` (X8); `freightReimbursement` (E4).

export const findingSchema = z.object({
  code: z.enum(findingCodes),
  clause: z.string(),
  severity: z.enum(severities),
  message: z.string().optional(),
  sku: z.string().optional(),
});

export const evidenceStatusSchema = z.object({
  kind: z.enum(evidenceRequirementKinds),
  required: z.number().int().nonnegative(),
  provided: z.number().int().nonnegative(),
});

export const lineRefundSchema = z.object({ sku: z.string(), refundCents: z.number().int().nonnegative() });

export const optionSchema = z.object({
  kind: z.enum(optionKinds),
  preferred: z.boolean(),
  refundCents: z.number().int().nonnegative().optional(),
  /** X9: the claimed lines (skus) this option covers; refundCents is the sum over them. */
  lines: z.array(z.string()).optional(),
  /** X9: each covered line's own amount, when every one is known; a refund is split by these. */
  lineRefunds: z.array(lineRefundSchema).optional(),
  freight: z.enum(freightPayers).optional(),
  clause: z.string().optional(),
  /** C6: once paid, the right item is still shipped to the customer. */
  reships: z.boolean().optional(),
  /** X8: what must happen before this refund is paid out (it may be approved before). */
  payableAfter: z.enum(payoutGates).optional(),
  /** X8: whether that has happened on the facts given. */
  payable: z.boolean().optional(),
});

export const deadlineSchema = z.object({
  key: z.enum(deadlineKeys),
  dueAt: z.iso.datetime(),
  clause: z.string(),
});

export const decisionSchema = z.object({
  eligibility: z.enum(eligibilities),
  findings: z.array(findingSchema),
  evidence: z.array(evidenceStatusSchema),
  freight: z.enum(freightPayers),
  options: z.array(optionSchema),
  deadlines: z.array(deadlineSchema),
  warrantyEndsAt: z.iso.datetime().optional(),
  /** E4 (rev. 2): freight the customer advanced, reimbursed as its own payout outside the X2 cap. */
  freightReimbursement: z.object({ cents: z.number().int().nonnegative(), clause: z.string() }).optional(),
  lines: z.array(z.object({ sku: z.string(), eligibility: z.enum(eligibilities) })),
  clauses: z.array(z.string()),
});

export type Finding = z.infer<typeof findingSchema>;
export type EvidenceStatus = z.infer<typeof evidenceStatusSchema>;
export type DecisionOption = z.infer<typeof optionSchema>;
export type LineRefund = z.infer<typeof lineRefundSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type Decision = z.infer<typeof decisionSchema>;
