import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { seedClaims } from "../../db/seed/demo.ts";
import type { SessionUser } from "../../trpc/context.ts";
import { callerFor, callersFor } from "../../test/callers.ts";
import { openTestDatabase, testDbKind } from "../../test/database.ts";
import { claimPicker, claimRow, eventsOf, expectGapFreeSeq, forceClaim, makeUser } from "./test-helpers.ts";

const now = new Date("2026-11-20T15:00:00Z");
const DAY = 86_400_000;
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;
let pick: ReturnType<typeof claimPicker>;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedClaims(database.db, { count: 300, seed: 23, now, batchSize: 300 });
  c = await callersFor(database.db, now);
  pick = claimPicker(database.db);
});
afterAll(() => database.close());

describe("workflow.takeNextClaim", () => {
  it("hands out the store's unassigned open claims by priority, then due date, then age, each once", async () => {
    const chipAgent = await makeUser(database.db, { stores: ["chipyard"], name: "Chip Agent" });
    // Everything else in chipyard belongs to somebody, so the five below are the whole unassigned pile.
    await database.db.execute(sql`update claims set assignee_id = ${c.users.supervisor.id} where store_id = 'chipyard'`);
    const [e, b, a, d, cc, closed] = await pick("store_id = 'chipyard'", 6);
    const at = (days: number) => new Date(now.getTime() + days * DAY);
    const open = { status: "in_review" as const, assigneeId: null, closedAt: null };
    await forceClaim(database.db, a!.id, { ...open, priority: 3, dueAt: at(5), createdAt: at(-3) });
    await forceClaim(database.db, b!.id, { ...open, priority: 3, dueAt: at(1), createdAt: at(-5) });
    await forceClaim(database.db, cc!.id, { ...open, priority: 2, dueAt: at(-1), createdAt: at(-20) });
    await forceClaim(database.db, d!.id, { ...open, priority: 3, dueAt: null, createdAt: at(-30) });
    await forceClaim(database.db, e!.id, { ...open, priority: 3, dueAt: at(1), createdAt: at(-10) });
    await forceClaim(database.db, closed!.id, { status: "closed", assigneeId: null, priority: 3, dueAt: at(-9) });

    const caller = callerFor(database.db, chipAgent, now);
    const taken: string[] = [];
    for (let i = 0; i < 5; i++) taken.push((await caller.workflow.takeNextClaim())!.number);
    expect(taken).toEqual([e, b, a, d, cc].map((x) => x!.number));
    await expect(caller.workflow.takeNextClaim()).resolves.toBeNull();
    expect((await claimRow(database.db, closed!.id)).assigneeId).toBeNull();

    for (const claim of [e, b, a, d, cc]) {
      const row = await claimRow(database.db, claim!.id);
      expect(row.assigneeId).toBe(chipAgent.id);
      const last = (await eventsOf(database.db, claim!.id)).at(-1)!;
      expect(last).toMatchObject({ type: "assigned", actorId: chipAgent.id, claimVersion: row.version, data: { from: null, to: chipAgent.id, via: "take_next" } });
      await expectGapFreeSeq(database.db, claim!.id);
    }
  });

  it("returns a version the next change can use, and never reaches outside the caller's stores", async () => {
    const atelierAgent = await makeUser(database.db, { stores: ["atelier"] });
    const [claim] = await pick("store_id = 'atelier'");
    await database.db.execute(sql`update claims set priority = 0 where store_id = 'atelier'`);
    const version = await forceClaim(database.db, claim!.id, { status: "new", assigneeId: null, priority: 3, closedAt: null });
    const caller = callerFor(database.db, atelierAgent, now);
    const got = await caller.workflow.takeNextClaim();
    expect(got).toEqual({ number: claim!.number, version: version + 1 });
    await expect(caller.workflow.transitionClaim({ ...got!, action: "start_review" })).resolves.toMatchObject({ status: "in_review" });

    // Another store's urgent, overdue, unassigned claim is never offered.
    const outsider = await makeUser(database.db, { stores: [] });
    await expect(callerFor(database.db, outsider, now).workflow.takeNextClaim()).resolves.toBeNull();
  });

  it("is refused to anonymous callers", async () => {
    await expect(c.anonymous.workflow.takeNextClaim()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

// Real concurrency needs real connections: PGlite runs one statement at a time, so this runs on PostgreSQL.
if (testDbKind === "postgres") {
  describe("take next under load on PostgreSQL", () => {
    it("gives twenty agents pressing it at once twenty different claims", async () => {
      const pile = await pick("store_id = 'layerworks'", 25);
      for (const claim of pile) await forceClaim(database.db, claim.id, { status: "in_review", assigneeId: null, closedAt: null });
      await database.db.execute(sql`update claims set assignee_id = ${c.users.supervisor.id} where store_id = 'layerworks' and id not in (${sql.join(pile.map((p) => sql`${p.id}`), sql`, `)})`);
      const agents: SessionUser[] = [];
      for (let i = 0; i < 20; i++) agents.push(await makeUser(database.db, { stores: ["layerworks"] }));

      const got = await Promise.all(agents.map((agent) => callerFor(database.db, agent, now).workflow.takeNextClaim()));
      const numbers = got.map((g) => g?.number);
      expect(numbers.every(Boolean)).toBe(true);
      expect(new Set(numbers).size).toBe(20);

      for (const [i, g] of got.entries()) {
        const claim = pile.find((p) => p.number === g!.number)!;
        expect((await claimRow(database.db, claim.id)).assigneeId).toBe(agents[i]!.id);
        expect((await eventsOf(database.db, claim.id)).filter((e) => e.type === "assigned" && e.actorId === agents[i]!.id)).toHaveLength(1);
        await expectGapFreeSeq(database.db, claim.id);
      }
      const left = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from claims where store_id = 'layerworks' and assignee_id is null`);
      expect(Number(left.rows[0]!.n)).toBe(5);
    });
  });
}
