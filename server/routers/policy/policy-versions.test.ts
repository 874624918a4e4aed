import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { seedClaims } from "../../db/seed/demo.ts";
import { callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";

const now = new Date("2026-11-20T15:00:00Z");
const qualityWindow = ["cases", 0, "window", "length", "amount"];
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;
let claimNumber: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedClaims(database.db, { count: 60, seed: 11, now, batchSize: 60 });
  // One kinetic claim made a quality defect reported 40 days after delivery: outside K2's 30 days.
  const { rows } = await database.db.execute<{ number: string; order_id: number; reported_at: string }>(
    sql`select number, order_id, reported_at from claims where store_id = 'kinetic' order by id limit 1`,
  );
  const claim = rows[0]!;
  claimNumber = claim.number;
  await database.db.execute(sql`update claims set reason = 'quality_defect' where number = ${claimNumber}`);
  await database.db.execute(sql`update orders set delivered_at = ${new Date(Date.parse(claim.reported_at) - 40 * 86_400_000)} where id = ${claim.order_id}`);
  c = await callersFor(database.db, now);
});
afterAll(() => database.close());

describe("policy versions", () => {
  it("[K2] a new version changes previews; a claim judged under version 1 keeps version 1 and its decision", async () => {
    const before = await c.agent.claims.evaluateClaim({ number: claimNumber });
    expect(before.policyVersion.version).toBe(1);
    expect(before.decision.eligibility).toBe("needs_review"); // rev. 2: past the window, only the warranty replacement (K5)
    expect(before.decision.options.map((o) => o.kind)).toEqual(["replacement"]);
    expect(before.decision.findings).toContainEqual(expect.objectContaining({ code: "window_expired", clause: "K2" }));

    const saved = await c.admin.policy.createPolicyVersion({ storeId: "kinetic", baseVersion: 1, changes: [{ path: qualityWindow, value: 45 }], note: "Longer window for defects" });
    expect(saved.version).toBe(2);
    expect(saved.diff).toEqual([expect.objectContaining({ clause: "K2", label: "Reporting window", before: 30, after: 45 })]);

    const after = await c.agent.claims.evaluateClaim({ number: claimNumber });
    expect(after.policyVersion.version).toBe(1);
    expect(after.decision).toEqual(before.decision);

    const preview = await c.agent.policy.evaluatePolicy({ storeId: "kinetic", facts: before.facts, now: now.toISOString() });
    expect(preview.policyVersion).toBe(2);
    expect(preview.decision.options.map((o) => o.kind)).toContain("full_refund");
    expect(preview.decision.findings.map((f) => f.code)).not.toContain("window_expired");

    const versions = await c.agent.policy.listPolicyVersions({ storeId: "kinetic" });
    expect(versions.map((v) => [v.version, v.note, v.createdBy])).toEqual([
      [2, "Longer window for defects", "Ada Admin"],
      [1, "Rule book as published by the store", null],
    ]);
    const v1 = await c.agent.policy.getPolicyVersion({ storeId: "kinetic", version: 1 });
    expect(v1).toMatchObject({ version: 1, currentVersion: 2 });
    expect(v1.document.cases[0]!.window!.length.amount).toBe(30);
    const params = await c.agent.policy.listPolicyParameters({ storeId: "kinetic" });
    expect(params.version).toBe(2);
    expect(params.parameters.find((p) => p.key === "cases/0/window/length/amount")?.value).toBe(45);
    expect((await c.agent.policy.getPolicy({ storeId: "kinetic" })).clauses.find((cl) => cl.id === "K2")?.summary).toContain("45 days");
  });

  it("rejects a save from a stale version with CONFLICT, and a no-op with BAD_REQUEST", async () => {
    const base = (await c.admin.policy.listPolicyParameters({ storeId: "layerworks" })).version;
    await c.admin.policy.createPolicyVersion({ storeId: "layerworks", baseVersion: base, changes: [{ path: ["warranty", "months"], value: 24 }], note: "Two-year warranty" });
    await expect(
      c.admin.policy.createPolicyVersion({ storeId: "layerworks", baseVersion: base, changes: [{ path: ["warranty", "months"], value: 18 }], note: "Another admin's edit" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(`version ${base + 1}`) });
    await expect(
      c.admin.policy.createPolicyVersion({ storeId: "layerworks", baseVersion: base + 1, changes: [{ path: ["warranty", "months"], value: 24 }], note: "Same again" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Nothing changed") });
  });

  it("lets exactly one of two simultaneous saves from the same version through", async () => {
    const save = (pct: number) =>
      c.admin.policy.createPolicyVersion({ storeId: "chipyard", baseVersion: 1, changes: [{ path: ["grading", "sharesPct", "low"], value: pct }], note: `Race ${pct}` });
    const results = await Promise.allSettled([save(20), save(30), save(35)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect((await c.admin.policy.listPolicyVersions({ storeId: "chipyard" })).map((v) => v.version)).toEqual([2, 1]);
  });

  it("previews a diff and per-field issues without storing anything", async () => {
    const preview = await c.admin.policy.previewPolicyChange({
      storeId: "everyday",
      baseVersion: 1,
      changes: [{ path: ["grading", "sharesPct", "low"], value: 30 }],
      timeZone: "America/New_York",
      holidays: ["2026-12-25"],
    });
    expect(preview).toMatchObject({ baseVersion: 1, currentVersion: 1, nextVersion: 2, issues: [] });
    expect(preview.diff.map((d) => [d.key, d.clause, d.before, d.after])).toEqual([
      ["grading/sharesPct/low", "G", 25, 30],
      ["timeZone", null, "UTC", "America/New_York"],
      ["holidays", null, [], ["2026-12-25"]],
    ]);
    const bad = await c.admin.policy.previewPolicyChange({ storeId: "everyday", changes: [{ path: ["grading", "sharesPct", "high"], value: 150 }], timeZone: "Nowhere/Land", holidays: ["25.12.2026"] });
    expect(bad.issues.map((i) => i.field)).toEqual(["values.grading/sharesPct/high", "timeZone", "holidays.0"]);
    expect(bad.issues[0]!.message).toMatch(/^Share for grade High/);
    expect((await c.admin.policy.listPolicyVersions({ storeId: "everyday" })).length).toBe(1);
  });

  it("refuses an invalid save with BAD_REQUEST and field errors naming the parameter", async () => {
    const error = await c.admin.policy
      .createPolicyVersion({ storeId: "atelier", baseVersion: 1, changes: [{ path: ["grading", "sharesPct", "medium"], value: -1 }], note: "Typo" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^Share for grade Medium/) });
    await expect(c.admin.policy.createPolicyVersion({ storeId: "atelier", baseVersion: 1, changes: [{ path: ["grading", "sharesPct", "medium"], value: 40 }], note: "ok" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("policy roles and store scope", () => {
  it("lets only admins preview or save versions", async () => {
    const input = { storeId: "kinetic", baseVersion: 2, changes: [{ path: qualityWindow, value: 60 }], note: "Not mine to change" };
    await expect(c.agent.policy.createPolicyVersion(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(c.supervisor.policy.createPolicyVersion(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(c.agent.policy.previewPolicyChange({ storeId: "kinetic", changes: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(c.anonymous.policy.listPolicyParameters({ storeId: "kinetic" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("answers NOT_FOUND for a store the agent does not belong to, and for a missing version", async () => {
    await expect(c.agent.policy.getPolicyVersion({ storeId: "everyday", version: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.agent.policy.listPolicyParameters({ storeId: "chipyard" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.agent.policy.getPolicyVersion({ storeId: "kinetic", version: 99 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await c.agent.policy.listStorePolicies()).map((s) => s.storeId).sort()).toEqual(["atelier", "kinetic", "layerworks"]);
    const all = await c.admin.policy.listStorePolicies();
    expect(all).toHaveLength(5);
    expect(all.find((s) => s.storeId === "kinetic")).toMatchObject({ version: 2, updatedBy: "Ada Admin" });
  });
});
