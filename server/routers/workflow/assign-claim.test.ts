import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { users } from "../../db/schema/index.ts";
import { seedClaims } from "../../db/seed/demo.ts";
import { callerFor, callersFor } from "../../test/callers.ts";
import { openTestDatabase, testDbKind } from "../../test/database.ts";
import { claimPicker, claimRow, eventsOf, expectGapFreeSeq, forceClaim, makeUser } from "./test-helpers.ts";

const now = new Date("2026-11-20T15:00:00Z");
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;
let pick: ReturnType<typeof claimPicker>;
let jordan: number; // kinetic + everyday
let priya: number; // layerworks + chipyard

beforeAll(async () => {
  database = await openTestDatabase();
  await seedClaims(database.db, { count: 200, seed: 5, now, batchSize: 200 });
  c = await callersFor(database.db, now);
  pick = claimPicker(database.db);
  const byName = async (name: string) => (await database.db.select({ id: users.id }).from(users).where(eq(users.name, name)))[0]!.id;
  jordan = await byName("Jordan Lee");
  priya = await byName("Priya Raman");
});
afterAll(() => database.close());

const openKinetic = "store_id = 'kinetic' and status not in ('closed','rejected','cancelled')";

async function kineticClaim(assigneeId: number | null) {
  const [claim] = await pick(openKinetic);
  const version = await forceClaim(database.db, claim!.id, { assigneeId });
  return { ...claim!, version, ref: { number: claim!.number, version } };
}

describe("workflow.assignClaim", () => {
  it("lets an agent take an unassigned claim: one assigned event with both names, version bumped", async () => {
    const claim = await kineticClaim(null);
    const before = (await eventsOf(database.db, claim.id)).length;
    const result = await c.agent.workflow.assignClaim({ ...claim.ref, assigneeId: c.users.agent.id });
    expect(result).toEqual({ number: claim.number, version: claim.version + 1, changed: true, assigneeId: c.users.agent.id, assigneeName: "Alex Agent" });
    const events = await eventsOf(database.db, claim.id);
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({ type: "assigned", actorId: c.users.agent.id, data: { from: null, to: c.users.agent.id, toName: "Alex Agent" } });
    await expectGapFreeSeq(database.db, claim.id);
  });

  it("lets an agent hand back their own claim, but not assign others or take or drop a colleague's", async () => {
    const own = await kineticClaim(c.users.agent.id);
    await expect(c.agent.workflow.assignClaim({ ...own.ref, assigneeId: jordan })).rejects.toMatchObject({
      code: "FORBIDDEN", message: "Agents can assign claims only to themselves; a supervisor assigns them to others.",
    });
    await expect(c.agent.workflow.assignClaim({ ...own.ref, assigneeId: null })).resolves.toMatchObject({ changed: true, assigneeId: null });

    const colleagues = await kineticClaim(jordan);
    await expect(c.agent.workflow.assignClaim({ ...colleagues.ref, assigneeId: c.users.agent.id })).rejects.toMatchObject({
      code: "FORBIDDEN", message: "This claim is assigned to Jordan Lee; a supervisor can reassign it.",
    });
    await expect(c.agent.workflow.assignClaim({ ...colleagues.ref, assigneeId: null })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only a supervisor can unassign Jordan Lee." });
    expect((await claimRow(database.db, colleagues.id)).assigneeId).toBe(jordan);
  });

  it("lets a supervisor reassign to anyone who works the claim's store, and refuses anyone else by name", async () => {
    const claim = await kineticClaim(c.users.agent.id);
    const moved = await c.supervisor.workflow.assignClaim({ ...claim.ref, assigneeId: jordan });
    expect(moved).toMatchObject({ changed: true, assigneeName: "Jordan Lee" });
    expect((await eventsOf(database.db, claim.id)).at(-1)!.data).toMatchObject({ from: c.users.agent.id, to: jordan, fromName: "Alex Agent", toName: "Jordan Lee" });

    const ref = { number: claim.number, version: moved.version };
    await expect(c.supervisor.workflow.assignClaim({ ...ref, assigneeId: priya })).rejects.toMatchObject({
      code: "BAD_REQUEST", message: "Priya Raman does not work for Kinetic Motion, so cannot take its claims.",
    });
    const gone = await makeUser(database.db, { stores: ["kinetic"], name: "Former Colleague", active: false });
    await expect(c.supervisor.workflow.assignClaim({ ...ref, assigneeId: gone.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("deactivated") });
    await expect(c.supervisor.workflow.assignClaim({ ...ref, assigneeId: 987654 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "There is no colleague with id 987654." });
    // Admins see every store, so they can be given any claim.
    await expect(c.admin.workflow.assignClaim({ ...ref, assigneeId: c.users.admin.id })).resolves.toMatchObject({ changed: true, assigneeName: "Ada Admin" });
  });

  it("answers an assignment that is already so without a new version or event", async () => {
    const claim = await kineticClaim(jordan);
    const events = (await eventsOf(database.db, claim.id)).length;
    await expect(c.supervisor.workflow.assignClaim({ ...claim.ref, assigneeId: jordan })).resolves.toMatchObject({ changed: false, version: claim.version });
    expect(await eventsOf(database.db, claim.id)).toHaveLength(events);
    expect((await claimRow(database.db, claim.id)).version).toBe(claim.version);
  });

  it("refuses to assign a closed claim and says how to get it back", async () => {
    const [claim] = await pick("store_id = 'kinetic' and status = 'closed'");
    await expect(c.supervisor.workflow.assignClaim({ number: claim!.number, version: claim!.version, assigneeId: jordan === claim!.assigneeId ? null : jordan })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED", message: expect.stringContaining("can reopen it"),
    });
  });

  it("names the change someone else made when the version is stale", async () => {
    const claim = await kineticClaim(null);
    await c.supervisor.workflow.assignClaim({ ...claim.ref, assigneeId: jordan });
    await expect(c.agent.workflow.assignClaim({ ...claim.ref, assigneeId: c.users.agent.id })).rejects.toMatchObject({
      code: "CONFLICT", message: expect.stringContaining("assigned by Sam Supervisor"),
    });
  });
});

describe("workflow.setClaimPriority", () => {
  it("records the change once and ignores a priority that is already set", async () => {
    const claim = await kineticClaim(null);
    await forceClaim(database.db, claim.id, { priority: 1 });
    const version = claim.version + 1;
    const changed = await c.agent.workflow.setClaimPriority({ number: claim.number, version, priority: "urgent" });
    expect(changed).toEqual({ number: claim.number, version: version + 1, changed: true, priority: "urgent" });
    expect((await claimRow(database.db, claim.id)).priority).toBe(3);
    expect((await eventsOf(database.db, claim.id)).at(-1)).toMatchObject({ type: "priority_changed", data: { from: "normal", to: "urgent" } });
    await expect(c.agent.workflow.setClaimPriority({ number: claim.number, version: version + 1, priority: "urgent" })).resolves.toMatchObject({ changed: false });
    await expect(c.agent.workflow.setClaimPriority({ number: claim.number, version: version + 1, priority: "critical" as "urgent" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expectGapFreeSeq(database.db, claim.id);
  });
});

// Real concurrency needs real connections: PGlite runs one statement at a time, so these run on PostgreSQL.
if (testDbKind === "postgres") {
  describe("concurrent assignment on PostgreSQL", () => {
    it("lets exactly one of ten simultaneous assignments with the same version through; nine get CONFLICT", async () => {
      const claim = await kineticClaim(null);
      const supervisors = await Promise.all(Array.from({ length: 10 }, () => makeUser(database.db, { role: "supervisor", stores: ["kinetic"] })));
      const outcomes = await Promise.allSettled(
        supervisors.map((s) => callerFor(database.db, s, now).workflow.assignClaim({ ...claim.ref, assigneeId: s.id })),
      );
      const ok = outcomes.filter((o) => o.status === "fulfilled");
      const conflicts = outcomes.filter((o) => o.status === "rejected" && (o.reason as { code?: string }).code === "CONFLICT");
      expect(ok).toHaveLength(1);
      expect(conflicts).toHaveLength(9);
      const winner = (ok[0] as PromiseFulfilledResult<{ assigneeId: number | null }>).value.assigneeId;
      expect(await claimRow(database.db, claim.id)).toMatchObject({ assigneeId: winner, version: claim.version + 1 });
      expect((await eventsOf(database.db, claim.id)).filter((e) => e.type === "assigned" && e.claimVersion === claim.version + 1)).toHaveLength(1);
      await expectGapFreeSeq(database.db, claim.id);
    });
  });
}
