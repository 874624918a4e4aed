import { z } from "zod";
import { failureCauses, grades, inspectionResults, issueTypes, partTypes } from "../policy/enums.ts";
import type { ClaimStatus } from "../workflow/statuses.ts";

// Inputs of the grading and resolution procedures; the claim page's forms validate with the same schemas,
// so a field error reads the same beside the field and on the wire.

/**
 * While grades and amounts may change: once a refund waits for approval (or later) what the supervisor
 * judges must stay put; a rejection reopens it. The server enforces it, the forms follow it.
 */
export const editableStatuses: readonly ClaimStatus[] = [
  "new", "triage", "awaiting_evidence", "in_review", "awaiting_return", "inspecting", "resolution_proposed",
];

const claimNumber = z.string().regex(/^CLM-\d{6,}$/i, "Claim numbers look like CLM-000123.");
/** The claim version the person saw: a stale write gets CONFLICT instead of overwriting someone else's change. */
export const claimRefInput = z.object({ number: claimNumber, version: z.number().int().positive() });

/** Money typed by a person: integer cents, so forms convert dollars before validating. */
export const centsField = z
  .number({ error: "Enter an amount in dollars, like 12.50." })
  .int("Amounts are whole cents.")
  .min(0, "Amounts cannot be negative.")
  .max(100_000_000, "That amount is far above any order.");
const positiveCents = centsField.refine((v) => v > 0, "Enter an amount above zero.");

const text = (max: number, what: string) => z.string().trim().max(max, `${what} is at most ${max} characters.`);
const optionalText = (max: number, what: string) =>
  text(max, what)
    .optional()
    .transform((v) => (v ? v : undefined));
const reasonText = (what: string) => text(1000, what).min(10, `Write at least 10 characters: ${what.toLowerCase()} is read by a supervisor.`);

// G, A3–A6: one claimed line's grading. "Depends" is set by a person and needs a written reason (A6).
// The grade is optional: a line whose refund is not graded still gets its failure cause (L7) or part type;
// a graded refund without a grade simply has no amount yet (the engine's grade_pending).
export const gradeClaimLineInput = claimRefInput
  .extend({
    claimLineId: z.number().int().positive(),
    issueType: z.enum(issueTypes).optional(),
    partType: z.enum(partTypes).optional(),
    grade: z.enum(grades, { error: "Pick a grade." }).optional(),
    gradeReason: optionalText(1000, "The reason"),
    failureCause: z.enum(failureCauses).optional(),
  })
  .refine((v) => v.grade !== "depends" || (v.gradeReason?.length ?? 0) >= 10, {
    path: ["gradeReason"],
    message: "A 'Depends' grade needs a written reason of at least 10 characters (A6).",
  });
export type GradeClaimLineInput = z.input<typeof gradeClaimLineInput>;

export const goodsOptionKinds = ["replacement", "repair", "exchange"] as const;
export const moneyOptionKinds = ["full_refund", "partial_refund", "keep_with_compensation", "return_for_refund", "cancel_order"] as const;
export type MoneyOptionKind = (typeof moneyOptionKinds)[number];
export const refundMethods = ["original_payment", "store_coupon"] as const;
export type RefundMethod = (typeof refundMethods)[number];

export const proposeResolutionInput = claimRefInput.extend({
  option: z.enum(goodsOptionKinds, { error: "Pick a resolution." }),
  note: optionalText(1000, "The note"),
});

export const proposeRefundInput = claimRefInput
  .extend({
    option: z.enum(moneyOptionKinds, { error: "Pick a refund option." }),
    method: z.enum(refundMethods).default("original_payment"),
    /** Only where the policy leaves the amount to the agent (A1 discount, A6 "Depends"). */
    amountCents: positiveCents.optional(),
    /**
     * X9: the agent's amount per claimed line where the option covers several lines and the amount is theirs
     * (A1 discount, A6 "Depends", goodwill); a line the policy prices itself may be left out.
     */
    lineAmounts: z
      .array(z.object({ claimLineId: z.number().int().positive(), amountCents: centsField }))
      .max(100, "At most 100 lines.")
      .refine((ls) => new Set(ls.map((l) => l.claimLineId)).size === ls.length, "Each line once.")
      .optional(),
    note: optionalText(1000, "The note"),
    /** A supervisor's refund the policy does not offer; needs `reason`. */
    goodwill: z.boolean().default(false),
    reason: optionalText(1000, "The reason"),
    /** One per proposal form: a retried request returns the proposal it already made. */
    idempotencyKey: z.uuid("Reload the page: this form lost its idempotency key."),
  })
  .refine((v) => !v.goodwill || (v.reason?.length ?? 0) >= 10, {
    path: ["reason"],
    message: "A goodwill refund needs a written reason of at least 10 characters.",
  })
  .refine((v) => !v.goodwill || v.amountCents !== undefined || (v.lineAmounts?.length ?? 0) > 0, { path: ["amountCents"], message: "Enter the goodwill amount." });
export type ProposeRefundInput = z.input<typeof proposeRefundInput>;

/** E4: the customer's advanced freight paid back to their PayPal account; the amount is the invoiced one on record. */
export const proposeFreightReimbursementInput = claimRefInput.extend({
  note: optionalText(1000, "The note"),
  idempotencyKey: z.uuid("Reload the page: this form lost its idempotency key."),
});
export type ProposeFreightReimbursementInput = z.input<typeof proposeFreightReimbursementInput>;

export const requestReturnInput = claimRefInput.extend({ note: optionalText(1000, "The note") });

export const recordReturnShippedInput = claimRefInput.extend({
  carrier: text(60, "The carrier").min(2, "Enter the carrier the customer used."),
  trackingNumber: text(80, "The tracking number").min(4, "Enter the parcel's tracking number."),
});
export type RecordReturnShippedInput = z.input<typeof recordReturnShippedInput>;

export const receiveReturnInput = claimRefInput.extend({ note: optionalText(1000, "The note") });

export const recordInspectionInput = claimRefInput.extend({
  used: z.boolean(),
  tested: z.boolean(),
  programmed: z.boolean(),
  packagingIntact: z.boolean(),
  inspection: z.enum(inspectionResults, { error: "Pick what the inspection found." }),
  /** The agent's deduction; the engine clamps it to the store's cap (K4) and says so (deduction_cap). */
  deductionPct: z.number({ error: "Enter a percentage." }).min(0, "At least 0 %.").max(100, "At most 100 %.").optional(),
  note: optionalText(1000, "The note"),
});
export type RecordInspectionInput = z.input<typeof recordInspectionInput>;

export const recordClaimExceptionInput = claimRefInput.extend({ reason: reasonText("The exception's reason") });
export type RecordClaimExceptionInput = z.input<typeof recordClaimExceptionInput>;

/** Amounts the agent looks up that set a refund: C6's received item value, C5's purchase cost and export postage. */
export const recordResolutionAmountsInput = claimRefInput.extend({
  receivedItemValueCents: centsField.optional(),
  purchaseCostCents: centsField.optional(),
  exportPostageCents: centsField.optional(),
});
export type RecordResolutionAmountsInput = z.input<typeof recordResolutionAmountsInput>;

export const shipmentPartInput = z.object({
  sku: text(60, "The SKU").min(1, "Enter the part's SKU."),
  name: text(200, "The name").min(1, "Enter the part's name."),
  quantity: z.number({ error: "Enter a quantity." }).int("Whole parts only.").min(1, "At least 1.").max(999, "At most 999."),
});

export const shipReplacementInput = claimRefInput.extend({
  kind: z.enum(["replacement", "exchange"]).default("replacement"),
  parts: z.array(shipmentPartInput).min(1, "List at least one part.").max(50, "At most 50 parts per shipment."),
  carrier: text(60, "The carrier").min(2, "Enter the carrier."),
  trackingNumber: text(80, "The tracking number").min(4, "Enter the tracking number."),
});
export type ShipReplacementInput = z.input<typeof shipReplacementInput>;

export const carrierRecoveryStatuses = ["filed", "in_progress", "paid", "denied"] as const;

export const fileCarrierRecoveryInput = claimRefInput.extend({
  carrier: text(60, "The carrier").min(2, "Enter the carrier."),
  reference: optionalText(80, "The reference"),
  amountClaimedCents: positiveCents,
  note: optionalText(1000, "The note"),
});
export type FileCarrierRecoveryInput = z.input<typeof fileCarrierRecoveryInput>;

export const updateCarrierRecoveryInput = claimRefInput.extend({
  recoveryId: z.number().int().positive(),
  status: z.enum(carrierRecoveryStatuses),
  amountRecoveredCents: centsField.default(0),
  reference: optionalText(80, "The reference"),
  note: optionalText(1000, "The note"),
});
export type UpdateCarrierRecoveryInput = z.input<typeof updateCarrierRecoveryInput>;

export const claimNumberInput = z.object({ number: claimNumber });
