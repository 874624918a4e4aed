import { createPolicyVersionInput, previewPolicyChangeInput } from "../../../shared/schemas/policy.ts";
import { createPolicyVersion, previewPolicyChange } from "../../services/policy-admin.ts";
import { adminMutationProcedure, adminProcedure } from "../../trpc/procedures.ts";

// Admins change a store's policy by saving a new version; agents and
// supervisors only read versions (index.ts).
export const policyAdminProcedures = {
  /** Diff and per-field issues of a change against the version the editor was loaded from; stores nothing. */
  previewPolicyChange: adminProcedure.input(previewPolicyChangeInput).query(({ ctx, input }) => previewPolicyChange(ctx.db, input)),

  /** Saves version N+1 (optimistic lock on `baseVersion`); returns what changed. */
  createPolicyVersion: adminMutationProcedure.input(createPolicyVersionInput).mutation(({ ctx, input }) => createPolicyVersion(ctx.db, ctx.user, input)),
};
