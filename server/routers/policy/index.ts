import { asc, desc, eq } from "drizzle-orm";
import { clauseCatalog, evaluateClaim } from "../../../shared/policy/index.ts";
import { evaluatePolicyInput, storeIdInput } from "../../../shared/schemas/policy.ts";
import { policyVersions, users } from "../../db/schema/index.ts";
import { currentPolicyVersion } from "../../services/policy-versions.ts";
import { assertStoreAccess } from "../../services/scope.ts";
import { router } from "../../trpc/init.ts";
import { agentProcedure } from "../../trpc/procedures.ts";

export const policyRouter = router({
  /** The store's current rule document and the clauses it applies (its own and the cross-cutting ones). */
  getPolicy: agentProcedure.input(storeIdInput).query(async ({ ctx, input }) => {
    assertStoreAccess(ctx.user, input.storeId, "store");
    const policy = await currentPolicyVersion(ctx.db, input.storeId);
    const clauses = clauseCatalog.filter((c) => !c.store || c.store === input.storeId);
    return { id: policy.id, version: policy.version, document: policy.document, clauses };
  }),

  listPolicyVersions: agentProcedure.input(storeIdInput).query(async ({ ctx, input }) => {
    assertStoreAccess(ctx.user, input.storeId, "store");
    return ctx.db
      .select({ id: policyVersions.id, version: policyVersions.version, note: policyVersions.note, createdAt: policyVersions.createdAt, createdBy: users.name })
      .from(policyVersions)
      .leftJoin(users, eq(users.id, policyVersions.createdById))
      .where(eq(policyVersions.storeId, input.storeId))
      .orderBy(desc(policyVersions.version), asc(policyVersions.id));
  }),

  /** A preview for hypothetical facts under the store's current rules; nothing is stored. */
  evaluatePolicy: agentProcedure.input(evaluatePolicyInput).query(async ({ ctx, input }) => {
    assertStoreAccess(ctx.user, input.storeId, "store");
    const policy = await currentPolicyVersion(ctx.db, input.storeId);
    return { policyVersion: policy.version, decision: evaluateClaim(policy.document, input.facts, input.now ?? ctx.now()) };
  }),
});
