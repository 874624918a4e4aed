import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { users } from "../../db/schema/index.ts";
import { seedClaims } from "../../db/seed/demo.ts";
import { callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";
import { claimPicker, claimRow, eventsOf, forceClaim } from "./test-helpers.ts";

const now = new Date("2026-11-20T15:00:00Z");
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;
let pick: ReturnType<typeof claimPicker>;
let jordan: number;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedClaims(database.db, { count: 250, seed: 3, now, batchSize: 250 });
  c = await callersFor(database.db, now);
  pick = claimPicker(database.db);
  jordan = (await database.db.select({ id: users.id }).from(users).where(eq(users.name, "Jordan Lee")))[0]!.id;
});
afterAll(() => database.close());

async function prepared(store: string, n: number, patch: Parameters<typeof forceClaim>[2]) {
  const rows = await pick(`store_id = '${store}'`, n);
  return Promise.all(rows.map(async (r) => ({ ...r, version: await forceClaim(database.db, r.id, { closedAt: null, ...patch }) })));
}
const ref = (r: { number: string; version: number }) => ({ number: r.number, version: r.version });

describe("workflow.bulkAssignClaims", () => {
  it("assigns each claim in its own transaction and reports every outcome", async () => {
    const kinetic = await prepared("kinetic", 3, { status: "in_review", assigneeId: null, priority: 1 });
    const [chipyard] = await prepared("chipyard", 1, { status: "in_review", assigneeId: null });
    const [already] = await prepared("kinetic", 1, { status: "triage", assigneeId: jordan });
    // Someone changes one of the selected claims after the person loaded the queue.
    const stale = kinetic[2]!;
    await c.admin.workflow.setClaimPriority({ ...ref(stale), priority: "urgent" });

    const result = await c.supervisor.workflow.bulkAssignClaims({ claims: [...kinetic, chipyard!, already!].map(ref), assigneeId: jordan });
    expect(result.results.map((r) => [r.number, r.ok ? "ok" : r.code])).toEqual([
      [kinetic[0]!.number, "ok"],
      [kinetic[1]!.number, "ok"],
      [stale.number, "CONFLICT"],
      [chipyard!.number, "BAD_REQUEST"],
      [already!.number, "ok"],
    ]);
    expect(result.summary).toEqual({ changed: 2, unchanged: 1, conflicts: 1, failed: 1 });
    expect(result.results[3]).toMatchObject({ message: "Jordan Lee does not work for Chipyard, so cannot take its claims." });
    expect(result.results[0]).toMatchObject({ changed: true, version: kinetic[0]!.version + 1 });
    for (const k of kinetic.slice(0, 2)) expect((await claimRow(database.db, k.id)).assigneeId).toBe(jordan);
    expect((await claimRow(database.db, stale.id)).assigneeId).toBeNull();
    expect((await claimRow(database.db, chipyard!.id)).assigneeId).toBeNull();
  });

  it("lets an agent take a batch for themselves; colleagues' and other stores' claims are refused one by one", async () => {
    const [free] = await prepared("atelier", 1, { status: "new", assigneeId: null });
    const [taken] = await prepared("kinetic", 1, { status: "in_review", assigneeId: jordan });
    const [foreign] = await prepared("everyday", 1, { status: "new", assigneeId: null });
    const result = await c.agent.workflow.bulkAssignClaims({ claims: [free!, taken!, foreign!].map(ref), assigneeId: c.users.agent.id });
    expect(result.results.map((r) => (r.ok ? "ok" : r.code))).toEqual(["ok", "FORBIDDEN", "NOT_FOUND"]);
    expect((await eventsOf(database.db, free!.id)).at(-1)).toMatchObject({ type: "assigned", data: { to: c.users.agent.id } });
  });

  it("refuses an empty, oversized or duplicated selection before touching anything", async () => {
    const [one] = await prepared("kinetic", 1, { status: "in_review", assigneeId: null });
    await expect(c.supervisor.workflow.bulkAssignClaims({ claims: [], assigneeId: jordan })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const many = Array.from({ length: 201 }, (_, i) => ({ number: `CLM-${String(900000 + i)}`, version: 1 }));
    const error = await c.supervisor.workflow.bulkAssignClaims({ claims: many, assigneeId: jordan }).catch((e) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(error.cause.issues[0].message).toBe("At most 200 claims at a time.");
    await expect(c.supervisor.workflow.bulkAssignClaims({ claims: [ref(one!), ref(one!)], assigneeId: jordan })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await claimRow(database.db, one!.id)).assigneeId).toBeNull();
  });
});

describe("workflow.bulkTransitionClaims", () => {
  it("moves what the machine allows and explains each refusal", async () => {
    const [fresh] = await prepared("kinetic", 1, { status: "new" });
    const [triaged] = await prepared("layerworks", 1, { status: "triage" });
    const [done] = await prepared("atelier", 1, { status: "closed" });
    const result = await c.agent.workflow.bulkTransitionClaims({ claims: [fresh!, triaged!, done!].map(ref), action: "start_review" });
    expect(result.summary).toEqual({ changed: 2, unchanged: 0, conflicts: 0, failed: 1 });
    expect(result.results[2]).toMatchObject({ ok: false, code: "PRECONDITION_FAILED", message: expect.stringContaining("while the claim is closed") });
    for (const claim of [fresh!, triaged!]) {
      expect((await claimRow(database.db, claim.id)).status).toBe("in_review");
      expect((await eventsOf(database.db, claim.id)).at(-1)).toMatchObject({ type: "status_changed", data: { action: "start_review", to: "in_review" } });
    }
  });

  it("carries the reason to every claim it cancels", async () => {
    const claims = await prepared("everyday", 2, { status: "triage" });
    const note = "Duplicate claims opened by the web form.";
    const result = await c.supervisor.workflow.bulkTransitionClaims({ claims: claims.map(ref), action: "cancel", note });
    expect(result.summary.changed).toBe(2);
    for (const claim of claims) expect((await eventsOf(database.db, claim.id)).at(-1)!.data).toMatchObject({ action: "cancel", reason: note });
  });

  it("refuses a missing reason, a money action and a role that may never take the action", async () => {
    const [claim] = await prepared("kinetic", 1, { status: "closed" });
    await expect(c.supervisor.workflow.bulkTransitionClaims({ claims: [ref(claim!)], action: "cancel" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.supervisor.workflow.bulkTransitionClaims({ claims: [ref(claim!)], action: "approve_refund" as "close" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.agent.workflow.bulkTransitionClaims({ claims: [ref(claim!)], action: "reopen" })).rejects.toMatchObject({
      code: "FORBIDDEN", message: '"Reopen" needs the supervisor or admin role.',
    });
    expect((await claimRow(database.db, claim!.id)).status).toBe("closed");
  });
});
