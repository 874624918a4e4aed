import { z } from "zod";
import { claimReasons, evidenceKinds, type EvidenceKind } from "../policy/enums.ts";
import { customerFactsInput } from "./case-facts.ts";
import { textEvidenceKinds } from "./evidence.ts";

// Opening a claim: the agent's form, the store API and inbound e-mail all end in the same input, so a
// claim is checked the same way whichever door it came through.

export const intakeSources = ["agent", "api", "email"] as const;
export type IntakeSource = (typeof intakeSources)[number];

export const claimLineInput = z.object({
  orderLineId: z.number().int().positive(),
  quantity: z.number({ error: "Quantity as a whole number." }).int("Quantity as a whole number.").min(1, "Claim at least 1."),
  note: z.string().trim().max(1000, "At most 1000 characters.").optional(),
});

/** An evidence item recorded with the claim; `file` is an already stored file (see evidence-files.ts). */
export const intakeEvidenceInput = z.object({
  kind: z.enum(evidenceKinds),
  note: z.string().trim().max(1000).optional(),
  file: z
    .object({ fileName: z.string().max(200), mimeType: z.string().max(100), sizeBytes: z.number().int().min(0), storageKey: z.string().min(1) })
    .optional(),
});
export type IntakeEvidence = z.output<typeof intakeEvidenceInput>;

/** The form's fields (what an agent picks): shared by `intake.preview` and `intake.openClaim`. */
export const claimDraftInput = z.object({
  orderId: z.number().int().positive(),
  reason: z.enum(claimReasons, { error: "Pick a reason." }),
  lines: z
    .array(claimLineInput)
    .min(1, "Pick at least one line of the order.")
    .max(100)
    .refine((lines) => new Set(lines.map((l) => l.orderLineId)).size === lines.length, "Each order line once."),
  description: z.string().trim().max(5000, "At most 5000 characters.").optional(),
  /** When the customer reported it (e.g. the date of their e-mail); defaults to now. Never in the future. */
  reportedAt: z.coerce.date().optional(),
  /** What the customer tells us that the policy reads: repair pauses with tracking (L9), freight they advanced (E4). */
  customerFacts: customerFactsInput.optional(),
});
export type ClaimDraft = z.output<typeof claimDraftInput>;

/** The service's input: the draft plus where it came from and the evidence recorded with it. */
export const openClaimInput = claimDraftInput.extend({
  storeId: z.string().min(1),
  source: z.enum(intakeSources),
  evidence: z.array(intakeEvidenceInput).max(50).optional(),
});
export type OpenClaimInput = z.input<typeof openClaimInput>;

/** Evidence the agent types in (a number, a statement); files are uploaded to the claim once it exists. */
export const typedEvidenceInput = z.object({
  kind: z.enum(textEvidenceKinds as [EvidenceKind, ...EvidenceKind[]], { error: "Only numbers and statements can be typed in; upload files." }),
  note: z.string().trim().min(3, "Write the number or the statement (at least 3 characters).").max(1000, "At most 1000 characters."),
});
export const agentOpenClaimInput = claimDraftInput.extend({ evidence: z.array(typedEvidenceInput).max(20).optional() });
export type AgentOpenClaimInput = z.input<typeof agentOpenClaimInput>;

/** The preview also counts the files the agent has picked but not uploaded yet, by kind. */
export const previewClaimInput = claimDraftInput.extend({ evidenceKinds: z.array(z.enum(evidenceKinds)).max(50).optional() });

export const findOrdersInput = z.object({
  query: z.string().trim().min(2, "Type at least 2 characters of an order number or e-mail.").max(254),
});
