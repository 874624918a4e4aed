import { z } from "zod";
import { templateKeys } from "./templates.ts";

export const claimMessagesInput = z.object({ number: z.string().trim().min(1).max(20) });

/** The composer's draft for a claim: one situation's template filled from the claim. */
export const draftClaimMessageInput = z.object({ number: z.string().trim().min(1).max(20), key: z.enum(templateKeys, "Choose a template.") });

export const sendClaimMessageInput = z.object({
  number: z.string().trim().min(1).max(20),
  version: z.number().int().positive(),
  /** The template it started from; null for free text. Kept on the message for reporting, the text is what was sent. */
  templateKey: z.enum(templateKeys).nullable().default(null),
  subject: z.string().trim().min(1, "Enter a subject.").max(200, "Subjects are at most 200 characters."),
  body: z
    .string()
    .trim()
    .min(1, "Write the message.")
    .max(10_000, "Messages are at most 10,000 characters.")
    // A template placeholder the agent left unfilled ("[RMA number]") must not reach a customer.
    .refine((b) => !/\{\{\s*\w*\s*\}\}/.test(b), "The message still contains a {{placeholder}}: replace it with the real value."),
});
export type SendClaimMessageInput = z.input<typeof sendClaimMessageInput>;

/** An agent accepts an inbound mail's attachments as the claim's evidence (they never count before). */
export const acceptMailAttachmentsInput = z.object({
  number: z.string().trim().min(1).max(20),
  version: z.number().int().positive(),
  messageId: z.number().int().positive().max(2_147_483_647),
});
