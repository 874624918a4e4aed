import { TRPCError } from "@trpc/server";
import { and, desc, eq } from "drizzle-orm";
import { clauseCatalog } from "../../shared/policy/index.ts";
import { diffDocuments, listParameters, safeApplyParameterChanges, type PolicyChangeRequest } from "../../shared/policy/parameters.ts";
import type { CreatePolicyVersionInput, PreviewPolicyChangeInput } from "../../shared/schemas/policy.ts";
import type { Db, DbOrTx } from "../db/client.ts";
import { policyVersions, stores, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { currentPolicyVersion, policyVersionById, type PolicyVersionRef } from "./policy-versions.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { recordAdminAudit } from "./admin-audit.ts";

// Admin-edited policy versions. A version is never changed once stored: an
// edit is a new row N+1, and claims keep the version they were judged by
// (claims.policy_version_id), so an old decision stays reproducible. The row
// itself is the audit record: who (created_by_id), when, why (note), what
// (the document; the diff is derived from it and its predecessor).

/** A store's version by number, with who saved it and why. */
export async function policyVersionByNumber(db: DbOrTx, storeId: string, version: number) {
  const [row] = await db
    .select({ id: policyVersions.id, note: policyVersions.note, createdAt: policyVersions.createdAt, createdBy: users.name })
    .from(policyVersions)
    .leftJoin(users, eq(users.id, policyVersions.createdById))
    .where(and(eq(policyVersions.storeId, storeId), eq(policyVersions.version, version)));
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: `Version ${version} of this store's policy does not exist.` });
  const ref = await policyVersionById(db, row.id);
  return { ...ref, note: row.note, createdAt: row.createdAt, createdBy: row.createdBy };
}

/** The clauses a store applies: its own and the cross-cutting ones, with summaries from its document. */
export function clausesOf(ref: PolicyVersionRef) {
  const own = new Map(ref.document.clauses.map((c) => [c.id, c.summary]));
  return clauseCatalog
    .filter((c) => !c.store || c.store === ref.storeId)
    .map((c) => ({ id: c.id, summary: own.get(c.id) ?? c.summary, crossCutting: !c.store }));
}

export function parametersOf(ref: PolicyVersionRef) {
  return { version: ref.version, timeZone: ref.document.timeZone, holidays: ref.document.holidays, parameters: listParameters(ref.document) };
}

const requestOf = (input: PreviewPolicyChangeInput): PolicyChangeRequest => ({ changes: input.changes ?? [], timeZone: input.timeZone, holidays: input.holidays });

/** What the change would do to the version the form was loaded from; nothing is stored. */
export async function previewPolicyChange(db: Db, input: PreviewPolicyChangeInput) {
  const current = await currentPolicyVersion(db, input.storeId);
  const base = input.baseVersion && input.baseVersion !== current.version ? await policyVersionByNumber(db, input.storeId, input.baseVersion) : current;
  const result = safeApplyParameterChanges(base.document, requestOf(input));
  return {
    baseVersion: base.version,
    currentVersion: current.version,
    nextVersion: current.version + 1,
    diff: result.success ? diffDocuments(base.document, result.data) : [],
    issues: result.success ? [] : result.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })),
  };
}

/** Saves version N+1 in one transaction; CONFLICT when `baseVersion` is no longer the newest. */
export async function createPolicyVersion(db: Db, user: SessionUser, input: CreatePolicyVersionInput) {
  try {
    return await db.transaction(async (tx) => {
      // Serialises policy saves per store, so the newest version read next is really the newest.
      const [store] = await tx.select({ id: stores.id }).from(stores).where(eq(stores.id, input.storeId)).for("update");
      if (!store) throw new TRPCError({ code: "NOT_FOUND", message: "No such store among yours." });
      const current = await currentPolicyVersion(tx, input.storeId);
      if (current.version !== input.baseVersion) throw staleVersion(current.version, input.baseVersion);
      const result = safeApplyParameterChanges(current.document, requestOf(input));
      // The formatter turns the ZodError into per-field messages beside the editor's inputs.
      if (!result.success) throw new TRPCError({ code: "BAD_REQUEST", message: result.error.issues[0]!.message, cause: result.error });
      const diff = diffDocuments(current.document, result.data);
      if (diff.length === 0) throw new TRPCError({ code: "BAD_REQUEST", message: `Nothing changed: version ${current.version} already says this.` });
      const [row] = await tx
        .insert(policyVersions)
        .values({ storeId: input.storeId, version: current.version + 1, document: result.data, note: input.note.trim(), createdById: user.id })
        .returning({ id: policyVersions.id, version: policyVersions.version, createdAt: policyVersions.createdAt });
      await recordAdminAudit(tx, { actorId: user.id, action: "policy_version_created", targetType: "policy", targetId: `${input.storeId}:${row!.version}`, at: row!.createdAt, data: { storeId: input.storeId, version: row!.version, note: input.note.trim(), changes: diff.length } });
      return { ...row!, diff };
    });
  } catch (error) {
    // Belt and braces for the lock above: two saves of the same N+1 collide on the unique index.
    if (isUniqueViolation(error, "policy_versions_store_version_uq")) {
      const [latest] = await db.select({ version: policyVersions.version }).from(policyVersions).where(eq(policyVersions.storeId, input.storeId)).orderBy(desc(policyVersions.version)).limit(1);
      throw staleVersion(latest?.version ?? input.baseVersion + 1, input.baseVersion);
    }
    throw error;
  }
}

function staleVersion(current: number, base: number) {
  return new TRPCError({
    code: "CONFLICT",
    message: `Someone saved version ${current} while you were editing version ${base}. Reload the editor to start from version ${current}.`,
  });
}
