import {
  addEvidenceItemInput,
  claimNumberInput,
  previewEvidenceRequestInput,
  requestEvidenceInput,
} from "../../../shared/schemas/evidence.ts";
import { addEvidence, listEvidence } from "../../services/evidence.ts";
import { previewEvidenceRequest, requestEvidence } from "../../services/evidence-request.ts";
import { router } from "../../trpc/init.ts";
import { agentProcedure } from "../../trpc/procedures.ts";

/**
 * Evidence, evidence requests and the claim's conversation. Files are uploaded over plain HTTP beside
 * tRPC (server/http/evidence-upload.ts); here: evidence without a file, the list, and the request.
 * Every procedure is open to agents of the claim's store (and supervisors, admins); another store's
 * claim answers NOT_FOUND.
 */
export const evidenceRouter = router({
  listEvidence: agentProcedure.input(claimNumberInput).query(({ ctx, input }) => listEvidence(ctx.db, ctx.user, input.number)),

  /** Invoice, serial or tracking number, or a fault statement typed from the customer's mail. */
  addEvidenceItem: agentProcedure
    .input(addEvidenceItemInput)
    .mutation(({ ctx, input }) => addEvidence(ctx.db, ctx.user, input, { kind: input.kind, note: input.note }, ctx.now())),

  /** The message "Request evidence" would queue, for the person to read first. */
  previewEvidenceRequest: agentProcedure
    .input(previewEvidenceRequestInput)
    .query(({ ctx, input }) => previewEvidenceRequest(ctx.db, ctx.user, input.number, input.note, ctx.now())),

  /** X5: asks the customer for what the policy still needs and moves the claim to "Awaiting evidence". */
  requestEvidence: agentProcedure.input(requestEvidenceInput).mutation(({ ctx, input }) => requestEvidence(ctx.db, ctx.user, input, ctx.now())),

});
