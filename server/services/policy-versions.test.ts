import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { defaultPolicies } from "../../shared/policy/index.ts";
import { policyVersions } from "../db/schema/index.ts";
import { useResolutionDb } from "../routers/resolution/harness.ts";
import { publishShippedRuleBooks } from "./policy-versions.ts";

const t = useResolutionDb();
const versionsOf = (storeId: string) =>
  t.db.select({ version: policyVersions.version, note: policyVersions.note, document: policyVersions.document }).from(policyVersions).where(eq(policyVersions.storeId, storeId)).orderBy(asc(policyVersions.version));

describe("rule books shipped with a release", () => {
  it("reach a database made before them as the next version, once, and never over an admin's version", async () => {
    // A fresh database already has this release's rule books: nothing to publish.
    expect(await publishShippedRuleBooks(t.db)).toEqual([]);

    // A database from before rev. 2: kinetic's K2 window still refused late defects, layerworks was edited by an admin.
    const old = structuredClone(defaultPolicies.kinetic);
    delete old.cases[0]!.window!.afterOptions;
    old.cases[0]!.window!.severity = "block";
    await t.db.update(policyVersions).set({ document: old }).where(and(eq(policyVersions.storeId, "kinetic"), eq(policyVersions.version, 1)));
    const edited = { ...structuredClone(defaultPolicies.layerworks), name: "Layerworks (edited)" };
    await t.db.insert(policyVersions).values({ storeId: "layerworks", version: 2, document: edited, note: "Admin's edit", createdById: t.c.users.admin.id });

    expect(await publishShippedRuleBooks(t.db)).toEqual(["kinetic"]);
    const kinetic = await versionsOf("kinetic");
    expect(kinetic.map((v) => v.version)).toEqual([1, 2]);
    expect(kinetic[1]!.note).toBe("Rule book as published by the store (release update)");
    expect((kinetic[1]!.document as typeof old).cases[0]!.window!.afterOptions).toHaveLength(1);
    expect((await versionsOf("layerworks")).map((v) => v.version)).toEqual([1, 2]);

    expect(await publishShippedRuleBooks(t.db)).toEqual([]);
  });
});
