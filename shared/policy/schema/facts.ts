import { z } from "zod";
import {
  claimReasons,
  evidenceKinds,
  failureCauses,
  grades,
  inspectionResults,
  issueTypes,
  packagingSeverities,
  partTypes,
  voidCauses,
} from "../enums.ts";

// Instants must carry a zone ("Z" or "+02:00"): a bare local time would be
// read in whatever zone the server runs in, which differs from the store's.
export const instantSchema = z.iso.datetime({ offset: true });

const cents = z.number().int().nonnegative();

export const claimLineSchema = z.object({
  sku: z.string().min(1),
  unitPriceCents: cents,
  quantity: z.number().int().positive(),
  electronic: z.boolean().optional(),
  consumable: z.boolean().optional(),
  motor: z.boolean().optional(),
  partType: z.enum(partTypes).optional(),
  issueType: z.enum(issueTypes).optional(),
  grade: z.enum(grades).optional(),
  failureCause: z.enum(failureCauses).optional(),
  /** Void causes the agent recorded on this line only (L4/L5, E5 improper use); `voidFindings` hold for every line. */
  voidCauses: z.array(z.enum(voidCauses)).optional(),
  /** A6: the amount the agent set, with a reason, where the grade or the part's value is Depends. */
  agentCents: cents.optional(),
});

export const conditionSchema = z.object({
  used: z.boolean(),
  tested: z.boolean(),
  programmed: z.boolean(),
  packagingIntact: z.boolean(),
  inspection: z.enum(inspectionResults).optional(),
  deductionPct: z.number().min(0).max(100).optional(),
});

const trackingNumber = z.string().trim().min(1).max(80);

/** L9: a pause counts (where the store asks for it) only with both legs' tracking numbers on record. */
export const repairPauseSchema = z
  .object({ leftAt: instantSchema, backAt: instantSchema, leftTracking: trackingNumber.optional(), backTracking: trackingNumber.optional() })
  .refine((p) => Date.parse(p.backAt) >= Date.parse(p.leftAt), {
    message: "backAt must not precede leftAt",
    path: ["backAt"],
  });

/** Exactly the facts of the rule book's engine contract. */
export const claimFactsSchema = z.object({
  reason: z.enum(claimReasons),
  orderPlacedAt: instantSchema,
  shippedAt: instantSchema.optional(),
  deliveredAt: instantSchema.optional(),
  reportedAt: instantSchema,
  lines: z.array(claimLineSchema).min(1),
  evidence: z.array(z.object({ kind: z.enum(evidenceKinds) })).default([]),
  condition: conditionSchema.optional(),
  voidFindings: z.array(z.enum(voidCauses)).default([]),
  packagingSeverity: z.enum(packagingSeverities).optional(),
  complex: z.boolean().optional(),
  approvedAt: instantSchema.optional(),
  returnShippedAt: instantSchema.optional(),
  returnReceivedAt: instantSchema.optional(),
  inspectedAt: instantSchema.optional(),
  returnCarrier: z.string().min(1).optional(),
  repairPauses: z.array(repairPauseSchema).default([]),
  receivedItemValueCents: cents.optional(),
  purchaseCostCents: cents.optional(),
  exportPostageCents: cents.optional(),
  customerAdvancedFreight: z.boolean().optional(),
  /** E4 (rev. 2): the freight the customer advanced, as invoiced; reimbursed as its own payout, outside X2. */
  advancedFreightCents: cents.optional(),
  /** E4 (rev. 2): the prepaid label (or its tracking number) the store sent for merchant-paid freight. */
  prepaidLabel: z.string().trim().min(1).max(120).optional(),
  /** K6: where the agent routed the return (one of the store's destinations). */
  returnDestination: z.string().min(1).optional(),
});

/** Facts after parsing: list fields are always present. */
export type ClaimFacts = z.output<typeof claimFactsSchema>;
/** Facts as a caller may write them (list fields optional). */
export type ClaimFactsInput = z.input<typeof claimFactsSchema>;
export type ClaimLine = z.output<typeof claimLineSchema>;
export type RepairPause = z.output<typeof repairPauseSchema>;
