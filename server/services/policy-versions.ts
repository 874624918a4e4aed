import { isDeepStrictEqual } from "node:util";
import { desc, eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { defaultPolicies, policyDocumentSchema, type PolicyDocument } from "../../shared/policy/index.ts";
import type { DbOrTx } from "../db/client.ts";
import { policyVersions } from "../db/schema/index.ts";

export type PolicyVersionRef = { id: number; storeId: string; version: number; document: PolicyDocument };

const shippedNote = "Rule book as published by the store";

// Versions are immutable rows, so a parsed document can be kept for the life of the process.
const parsed = new Map<number, PolicyDocument>();

function toRef(row: { id: number; storeId: string; version: number; document: unknown }): PolicyVersionRef {
  let document = parsed.get(row.id);
  if (!document) {
    document = policyDocumentSchema.parse(row.document);
    parsed.set(row.id, document);
  }
  return { id: row.id, storeId: row.storeId, version: row.version, document };
}

const columns = { id: policyVersions.id, storeId: policyVersions.storeId, version: policyVersions.version, document: policyVersions.document };

export async function policyVersionById(db: DbOrTx, id: number): Promise<PolicyVersionRef> {
  const cached = parsed.get(id);
  if (cached) {
    const [row] = await db.select({ storeId: policyVersions.storeId, version: policyVersions.version }).from(policyVersions).where(eq(policyVersions.id, id));
    if (row) return { id, ...row, document: cached };
  }
  const [row] = await db.select(columns).from(policyVersions).where(eq(policyVersions.id, id));
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: `Policy version ${id} does not exist.` });
  return toRef(row);
}

export async function currentPolicyVersion(db: DbOrTx, storeId: string): Promise<PolicyVersionRef> {
  const [row] = await db.select(columns).from(policyVersions).where(eq(policyVersions.storeId, storeId)).orderBy(desc(policyVersions.version)).limit(1);
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: `Store "${storeId}" has no policy.` });
  return toRef(row);
}

export async function currentPolicyVersions(db: DbOrTx): Promise<Record<string, PolicyVersionRef>> {
  const rows = await db
    .selectDistinctOn([policyVersions.storeId], columns)
    .from(policyVersions)
    .orderBy(policyVersions.storeId, desc(policyVersions.version));
  return Object.fromEntries(rows.map((r) => [r.storeId, toRef(r)]));
}

/** Version 1 of each store is the rule book as shipped; later versions come from admins. */
export async function seedPolicyVersions(db: DbOrTx, storeIds: readonly string[]): Promise<void> {
  for (const storeId of storeIds) {
    const doc = defaultPolicies[storeId as keyof typeof defaultPolicies];
    if (!doc) continue;
    await db
      .insert(policyVersions)
      .values({ storeId, version: 1, document: doc, note: shippedNote })
      .onConflictDoNothing();
  }
}

/**
 * A rule book this release ships (revision 2 of the rule book, say) reaches databases made before it: where
 * a store's newest version is still a shipped one (no admin has published since) and differs from the
 * release's, the release's becomes the next version. Claims keep the version they were judged by; an admin's
 * version is never replaced (the admin publishes the change instead). Idempotent, so it runs at every start.
 */
export async function publishShippedRuleBooks(db: DbOrTx): Promise<string[]> {
  const newest = await db
    .selectDistinctOn([policyVersions.storeId], { storeId: policyVersions.storeId, version: policyVersions.version, document: policyVersions.document, createdById: policyVersions.createdById })
    .from(policyVersions)
    .orderBy(policyVersions.storeId, desc(policyVersions.version));
  const published: string[] = [];
  for (const row of newest) {
    const shipped = defaultPolicies[row.storeId as keyof typeof defaultPolicies];
    // Compared as JSON values: the database keeps no key order.
    if (!shipped || row.createdById !== null || isDeepStrictEqual(row.document, JSON.parse(JSON.stringify(shipped)))) continue;
    await db
      .insert(policyVersions)
      .values({ storeId: row.storeId, version: row.version + 1, document: shipped, note: `${shippedNote} (release update)` })
      .onConflictDoNothing();
    published.push(row.storeId);
  }
  return published;
}
