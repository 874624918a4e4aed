import { asc, desc, eq } from "drizzle-orm";
import { evaluateClaim } from "../../../shared/policy/index.ts";
import { evaluatePolicyInput, getPolicyVersionInput, listPolicyParametersInput, storeIdInput } from "../../../shared/schemas/policy.ts";
import { policyVersions, stores, users } from "../../db/schema/index.ts";
import { clausesOf, parametersOf, policyVersionByNumber } from "../../services/policy-admin.ts";
import { currentPolicyVersion } from "../../services/policy-versions.ts";
import { assertStoreAccess, storeScope } from "../../services/scope.ts";
import { router } from "../../trpc/init.ts";
import { agentProcedure } from "../../trpc/procedures.ts";
import { policyAdminProcedures } from "./admin.ts";

export const policyRouter = router({
  /** The store's current rule document and the clauses it applies (its own and the cross-cutting ones). */
  getPolicy: agentProcedure.input(storeIdInput).query(async ({ ctx, input }) => {
    assertStoreAccess(ctx.user, input.storeId, "store");
    const policy = await currentPolicyVersion(ctx.db, input.storeId);
    return { id: policy.id, version: policy.version, document: policy.document, clauses: clausesOf(policy) };
  }),

  /** One version (default: the current one) as it was saved, with who saved it and why: claims judged by it keep citing it. */
  getPolicyVersion: agentProcedure.input(getPolicyVersionInput).query(async ({ ctx, input }) => {
    assertStoreAccess(ctx.user, input.storeId, "store");
    const current = await currentPolicyVersion(ctx.db, input.storeId);
    const [policy, [store]] = await Promise.all([
      policyVersionByNumber(ctx.db, input.storeId, input.version ?? current.version),
      ctx.db.select({ name: stores.name }).from(stores).where(eq(stores.id, input.storeId)),
    ]);
    return { ...policy, storeName: store?.name ?? policy.document.name, currentVersion: current.version, clauses: clausesOf(policy) };
  }),

  /** The editable parameters of a version (default: the current one) with their values, time zone and holidays. */
  listPolicyParameters: agentProcedure.input(listPolicyParametersInput).query(async ({ ctx, input }) => {
    assertStoreAccess(ctx.user, input.storeId, "store");
    const current = await currentPolicyVersion(ctx.db, input.storeId);
    const policy = input.version && input.version !== current.version ? await policyVersionByNumber(ctx.db, input.storeId, input.version) : current;
    return { ...parametersOf(policy), currentVersion: current.version };
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

  /** The caller's stores with their current policy version (policy index and the admin page). */
  listStorePolicies: agentProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db
      .selectDistinctOn([stores.name, stores.id], {
        storeId: stores.id,
        name: stores.name,
        sells: stores.sells,
        version: policyVersions.version,
        note: policyVersions.note,
        updatedAt: policyVersions.createdAt,
        updatedBy: users.name,
      })
      .from(stores)
      .innerJoin(policyVersions, eq(policyVersions.storeId, stores.id))
      .leftJoin(users, eq(users.id, policyVersions.createdById))
      .where(storeScope(ctx.user, stores.id))
      .orderBy(asc(stores.name), asc(stores.id), desc(policyVersions.version));
    return rows;
  }),

  /** A preview for hypothetical facts under the store's current rules; nothing is stored. */
  evaluatePolicy: agentProcedure.input(evaluatePolicyInput).query(async ({ ctx, input }) => {
    assertStoreAccess(ctx.user, input.storeId, "store");
    const policy = await currentPolicyVersion(ctx.db, input.storeId);
    return { policyVersion: policy.version, decision: evaluateClaim(policy.document, input.facts, input.now ?? ctx.now()) };
  }),

  ...policyAdminProcedures,
});
