import { z } from "zod";
import { claimReasons, packagingSeverities, voidCauses, type ClaimReason, type PackagingSeverity, type VoidCause } from "../policy/enums.ts";
import { centsField, claimRefInput } from "./resolution.ts";

// Facts of the case the policy engine reads that a person records on the claim page (issue 14): per-line
// void causes (L4/L5, E5), repair pauses (L9), packaging severity (A1), a complex case (C8), freight the
// customer advanced and the store's prepaid label (E4), a change of reason (K5) and the return
// destination (K6). The same schemas check the tRPC input and the claim page's forms.

/** Words people read for each key; the UI never shows `improper_use`. */
export const voidCauseLabels: Record<VoidCause, string> = {
  improper_assembly: "Improper assembly",
  improper_use: "Improper use",
  lack_of_maintenance: "Lack of maintenance",
  improper_conditions: "Improper conditions (humidity, heat, dust)",
  external_damage: "External damage",
  motor_disassembled: "Motor disassembled",
  wrong_rated_current: "Wrong rated current",
};

export const packagingSeverityLabels: Record<PackagingSeverity, string> = {
  minor: "Minor (creases, slight deformation)",
  severe: "Severe outer-packaging damage",
};

export const claimReasonLabels: Record<ClaimReason, string> = {
  change_of_mind: "Change of mind",
  quality_defect: "Quality defect",
  carrier_damage: "Carrier damage",
  packaging_damage: "Packaging damage",
  wrong_item: "Wrong item",
  missing_accessory: "Missing accessory",
  lost_in_transit: "Lost in transit",
  delivery_delay: "Delivery delay",
  not_as_described: "Not as described",
  warranty: "Warranty",
  cancellation: "Cancellation",
};

const knownDestinations: Record<string, string> = { local_warehouse: "Local warehouse", manufacturer: "Manufacturer" };
/** A store's return destination key (K6) in words; keys a store adds later read as their words. */
export const destinationLabel = (key: string) => knownDestinations[key] ?? key.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

const text = (max: number, what: string) => z.string().trim().max(max, `${what} is at most ${max} characters.`);
const optionalText = (max: number, what: string) =>
  text(max, what)
    .optional()
    .transform((v) => (v ? v : undefined));
const why = (what: string) => text(1000, what).min(5, `Write a few words on why (${what.toLowerCase()} is kept with the change).`);

/** A calendar day as `<input type="date">` gives it; the pause's instants are that day's start in UTC. */
const day = (what: string) => z.iso.date(`Enter the day the product ${what} (YYYY-MM-DD).`);
const tracking = optionalText(80, "The tracking number").refine((v) => v === undefined || v.length >= 4, "A tracking number has at least 4 characters.");

/** L4/L5, E5: the void causes found on one claimed line (an empty list clears them), with what the agent saw. */
export const recordVoidCausesInput = claimRefInput.extend({
  claimLineId: z.number().int().positive(),
  causes: z.array(z.enum(voidCauses, { error: "Pick a cause from the list." })).max(voidCauses.length),
  note: why("The note"),
});
export type RecordVoidCausesInput = z.input<typeof recordVoidCausesInput>;

/** One repair pause as the customer or the agent knows it: the two days and both legs' tracking numbers. */
const repairPauseInput = z
  .object({
    leftOn: day("left the customer"),
    backOn: day("came back to the customer"),
    leftTracking: tracking,
    backTracking: tracking,
  })
  .refine((p) => p.backOn >= p.leftOn, { path: ["backOn"], message: "The product cannot come back before it left." });

/** L9: a new pause, or (with `index`) the pause at that place corrected, e.g. when its tracking numbers arrive. */
export const recordRepairPauseInput = claimRefInput
  .extend({
    index: z.number().int().min(0).optional(),
    leftOn: day("left the customer"),
    backOn: day("came back to the customer"),
    leftTracking: tracking,
    backTracking: tracking,
    note: optionalText(1000, "The note"),
  })
  .refine((p) => p.backOn >= p.leftOn, { path: ["backOn"], message: "The product cannot come back before it left." });
export type RecordRepairPauseInput = z.input<typeof recordRepairPauseInput>;

export const removeRepairPauseInput = claimRefInput.extend({ index: z.number().int().min(0), note: why("The reason") });

/** A1: how bad the outer packaging's damage is. */
export const setPackagingSeverityInput = claimRefInput.extend({
  severity: z.enum(packagingSeverities, { error: "Pick minor or severe." }),
  note: optionalText(1000, "The note"),
});
export type SetPackagingSeverityInput = z.input<typeof setPackagingSeverityInput>;

/** C4: what the goods' state is before the RMA (from the customer's photos and statement); inspection confirms it later. */
export const goodsConditionLabels = {
  used: "Used",
  tested: "Tested",
  programmed: "Programmed",
  packagingIntact: "Original packaging and accessories intact",
} as const;
export const recordGoodsConditionInput = claimRefInput.extend({
  used: z.boolean(),
  tested: z.boolean(),
  programmed: z.boolean(),
  packagingIntact: z.boolean(),
  note: optionalText(1000, "The note"),
});
export type RecordGoodsConditionInput = z.input<typeof recordGoodsConditionInput>;

/** C8: a complex case gets more time for the review; marking or unmarking it needs a reason. */
export const markComplexCaseInput = claimRefInput.extend({ complex: z.boolean(), reason: why("The reason") });
export type MarkComplexCaseInput = z.input<typeof markComplexCaseInput>;

/** E4: merchant-paid freight the customer paid themselves, as invoiced; the payout is approved elsewhere. */
const advancedFreightInput = z.object({
  amountCents: centsField.refine((v) => v > 0, "Enter an amount above zero."),
  invoiceReference: text(80, "The invoice reference").min(2, "Enter the freight invoice's number or reference."),
});
export const recordAdvancedFreightInput = claimRefInput.extend({ ...advancedFreightInput.shape, note: optionalText(1000, "The note") });
export type RecordAdvancedFreightInput = z.input<typeof recordAdvancedFreightInput>;

/** E4: the prepaid label the store sends for merchant-paid freight, or its tracking number. */
export const recordPrepaidLabelInput = claimRefInput.extend({
  label: text(120, "The label").min(4, "Enter the label's number or its tracking number (at least 4 characters)."),
});
export type RecordPrepaidLabelInput = z.input<typeof recordPrepaidLabelInput>;

/** K5 and the like: the claim is judged under another reason from now on. */
export const changeClaimReasonInput = claimRefInput.extend({
  reason: z.enum(claimReasons, { error: "Pick a reason." }),
  note: why("The reason for the change"),
});
export type ChangeClaimReasonInput = z.input<typeof changeClaimReasonInput>;

/** K6: where the customer sends the goods (one of the store's destinations). */
export const setReturnDestinationInput = claimRefInput.extend({
  destination: text(60, "The destination").min(1, "Pick where the return goes."),
  note: optionalText(1000, "The note"),
});
export type SetReturnDestinationInput = z.input<typeof setReturnDestinationInput>;

/** Facts the customer can give when opening a claim (new-claim form, store API). */
export const customerFactsInput = z.object({
  repairPauses: z.array(repairPauseInput).max(10, "At most 10 repair pauses.").optional(),
  advancedFreight: advancedFreightInput.optional(),
});
export type CustomerFactsInput = z.input<typeof customerFactsInput>;

/** A pause's day as the engine's instant. */
export const dayStart = (isoDay: string) => `${isoDay}T00:00:00.000Z`;

/** The customer's facts as stored case facts (the engine's repair pauses and advanced freight, the invoice as a note). */
export function customerCaseFacts(input: z.output<typeof customerFactsInput> | undefined) {
  if (!input) return {};
  const pauses = (input.repairPauses ?? []).map((p) => ({
    leftAt: dayStart(p.leftOn),
    backAt: dayStart(p.backOn),
    ...(p.leftTracking ? { leftTracking: p.leftTracking } : {}),
    ...(p.backTracking ? { backTracking: p.backTracking } : {}),
  }));
  const freight = input.advancedFreight;
  return {
    ...(pauses.length ? { repairPauses: pauses.sort((a, b) => Date.parse(a.leftAt) - Date.parse(b.leftAt)) } : {}),
    ...(freight ? { customerAdvancedFreight: true, advancedFreightCents: freight.amountCents, notes: { advancedFreightInvoice: freight.invoiceReference } } : {}),
  };
}
