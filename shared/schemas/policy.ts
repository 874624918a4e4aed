import { z } from "zod";
import { claimFactsSchema, instantSchema } from "../policy/index.ts";
import { checkHoliday, checkTimeZone, type PolicyParameter } from "../policy/parameters.ts";
import { parseParameterText } from "../policy/parameters-text.ts";

export const storeIdInput = z.object({ storeId: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, "Unknown store.") });

export const evaluatePolicyInput = storeIdInput.extend({
  facts: claimFactsSchema,
  /** Defaults to the server's clock. */
  now: instantSchema.optional(),
});

const versionNumber = z.number().int().positive().max(1_000_000);

/** Without a version: the store's current one (both). */
export const getPolicyVersionInput = storeIdInput.extend({ version: versionNumber.optional() });
export const listPolicyParametersInput = storeIdInput.extend({ version: versionNumber.optional() });

export const policyNoteSchema = z
  .string()
  .trim()
  .min(3, "Say in a few words why the policy changes (3 characters at least).")
  .max(500, "Keep the note under 500 characters.");

// Values are checked against the document's own parameter list (parameters.ts), so the
// input only bounds sizes here; the checks name each field in the answer.
const changeSchema = z.object({
  path: z.array(z.union([z.string().max(60), z.number().int().nonnegative().max(10_000)])).min(1).max(12),
  value: z.union([z.number(), z.string().max(40), z.null()]),
});

export const previewPolicyChangeInput = storeIdInput.extend({
  /** The version the admin's form was loaded from; the preview compares against it. */
  baseVersion: versionNumber.optional(),
  changes: z.array(changeSchema).max(500).default([]),
  timeZone: z.string().max(64).optional(),
  holidays: z.array(z.string().max(20)).max(400).optional(),
});

export const createPolicyVersionInput = previewPolicyChangeInput.extend({
  /** Optimistic lock: saving fails with CONFLICT when another admin saved a newer version meanwhile. */
  baseVersion: versionNumber,
  note: policyNoteSchema,
});

export type PreviewPolicyChangeInput = z.input<typeof previewPolicyChangeInput>;
export type CreatePolicyVersionInput = z.input<typeof createPolicyVersionInput>;

/**
 * The editor's form: every parameter as the text in its input (null = "Depends"), the calendar and the
 * note. Built from the version's parameter list so each field is checked by the same words as the server.
 */
export function policyEditorSchema(parameters: readonly PolicyParameter[]) {
  return z.object({
    values: z.record(z.string(), z.string().nullable()).superRefine((values, ctx) => {
      for (const p of parameters) {
        const text = values[p.key];
        const { error } = parseParameterText(p, text === undefined ? "" : text);
        if (error) ctx.addIssue({ code: "custom", path: [p.key], message: error });
      }
    }),
    timeZone: z.string().superRefine((tz, ctx) => {
      const message = checkTimeZone(tz);
      if (message) ctx.addIssue({ code: "custom", message });
    }),
    holidays: z.array(
      z.object({
        date: z.string().superRefine((date, ctx) => {
          const message = checkHoliday(date);
          if (message) ctx.addIssue({ code: "custom", message });
        }),
      }),
    ),
    note: policyNoteSchema,
  });
}
export type PolicyEditorValues = z.input<ReturnType<typeof policyEditorSchema>>;
