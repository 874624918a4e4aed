import { z } from "zod";
import { plainActions } from "../workflow/action-procedures.ts";
import { claimActionKeys, claimActions, type ClaimAction } from "../workflow/machine.ts";
import { priorities } from "../workflow/statuses.ts";

// Inputs of the workflow procedures; the action bar's reason dialog and the bulk bar validate with the same schemas.

export const claimNumber = z.string().trim().regex(/^CLM-\d{6,}$/i, "Claim numbers look like CLM-000123.");
/** The claim version the person saw: a stale write gets CONFLICT instead of overwriting someone else's change. */
export const workflowClaimRef = z.object({ number: claimNumber, version: z.number().int().positive("Unknown claim version.") });
export const claimNumberOnly = z.object({ number: claimNumber });

export const BULK_LIMIT = 200;
export const REASON_MIN = 10;

const note = z.string().trim().max(1000, "Notes are at most 1000 characters.");

export const needsReason = (action: ClaimAction) => "needsReason" in claimActions[action] && claimActions[action].needsReason === true;

/** The reason dialog's form: the note is required for reject and cancel, optional otherwise. */
export const actionNoteForm = z
  .object({ action: z.enum(claimActionKeys), note: note.optional() })
  .refine((v) => !needsReason(v.action) || (v.note?.length ?? 0) >= REASON_MIN, {
    path: ["note"],
    message: `Write the reason (at least ${REASON_MIN} characters); it stays on the claim's timeline.`,
  });
export type ActionNoteForm = z.input<typeof actionNoteForm>;

/**
 * Every action name is accepted here, so a money or return action gets a BAD_REQUEST that names the
 * procedure to use instead of a bare "invalid enum value".
 */
export const transitionClaimInput = workflowClaimRef.extend({ action: z.enum(claimActionKeys), note: note.optional() }).refine(
  (v) => !needsReason(v.action) || (v.note?.length ?? 0) >= REASON_MIN,
  { path: ["note"], message: `Write the reason (at least ${REASON_MIN} characters); it stays on the claim's timeline.` },
);
export type TransitionClaimInput = z.input<typeof transitionClaimInput>;

export const assigneeIdField = z.number().int().positive("Unknown assignee.").nullable();

export const assignClaimInput = workflowClaimRef.extend({ assigneeId: assigneeIdField });
export type AssignClaimInput = z.input<typeof assignClaimInput>;

export const setClaimPriorityInput = workflowClaimRef.extend({ priority: z.enum(priorities, { error: "Pick a priority." }) });
export type SetClaimPriorityInput = z.input<typeof setClaimPriorityInput>;

const bulkClaims = z
  .array(workflowClaimRef)
  .min(1, "Select at least one claim.")
  .max(BULK_LIMIT, `At most ${BULK_LIMIT} claims at a time.`)
  .refine((list) => new Set(list.map((c) => c.number.toUpperCase())).size === list.length, "A claim is listed twice.");

export const bulkAssignClaimsInput = z.object({ claims: bulkClaims, assigneeId: assigneeIdField });
export type BulkAssignClaimsInput = z.input<typeof bulkAssignClaimsInput>;

export const bulkTransitionClaimsInput = z
  .object({ claims: bulkClaims, action: z.enum(plainActions, { error: "Pick a status change." }), note: note.optional() })
  .refine((v) => !needsReason(v.action) || (v.note?.length ?? 0) >= REASON_MIN, {
    path: ["note"],
    message: `Write the reason (at least ${REASON_MIN} characters); it stays on each claim's timeline.`,
  });
export type BulkTransitionClaimsInput = z.input<typeof bulkTransitionClaimsInput>;

/** The versions of the rows a person is looking at, so a bulk change can detect what moved meanwhile. */
