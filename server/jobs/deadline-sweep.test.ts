import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { claimEvents, claims, deadlineBreaches, jobs } from "../db/schema/index.ts";
import { createEvidenceTestClaim } from "../routers/evidence/test-claim.ts";
import { callerFor, callersFor } from "../test/callers.ts";
import { openTestDatabase } from "../test/database.ts";
import { DEADLINE_SWEEP, deadlineSweepHandler, sweepDeadlines } from "./deadline-sweep.ts";
import { enqueue } from "./queue.ts";
import { createJobRunner } from "./runner.ts";

const DAY = 86_400_000;
const now = new Date("2026-03-10T12:00:00Z"); // a Tuesday
const reported = new Date(now.getTime() - 10 * DAY); // everyday's review_due (E7, 3 working days) long passed
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;

beforeAll(async () => {
  database = await openTestDatabase();
  c = await callersFor(database.db, now);
});
afterAll(() => database.close());

const lateClaim = (status?: "in_review" | "awaiting_evidence" | "closed") =>
  createEvidenceTestClaim(database.db, { store: "everyday", reason: "change_of_mind", reportedAt: reported, status });
const claimRow = async (id: number) => (await database.db.select().from(claims).where(eq(claims.id, id)))[0]!;
const eventsOf = (id: number) => database.db.select().from(claimEvents).where(eq(claimEvents.claimId, id)).orderBy(asc(claimEvents.seq));
const breachesOf = (id: number) => database.db.select().from(deadlineBreaches).where(eq(deadlineBreaches.claimId, id));

describe("deadline sweep", () => {
  it("flags a passed review deadline once, raises the priority one step, and records it as the system", async () => {
    const claim = await lateClaim();
    const before = await claimRow(claim.id);
    const review = before.deadlines.find((d) => d.key === "review_due")!;
    expect(review).toMatchObject({ clause: "E7" });
    expect(new Date(review.dueAt) < now).toBe(true);

    const first = await sweepDeadlines(database.db, now);
    expect(first.flagged).toBeGreaterThanOrEqual(1);
    const after = await claimRow(claim.id);
    expect(after).toMatchObject({ priority: before.priority + 1, version: before.version + 1 });
    expect(await breachesOf(claim.id)).toEqual([{ claimId: claim.id, key: "review_due", dueAt: new Date(review.dueAt), flaggedAt: now }]);
    const events = await eventsOf(claim.id);
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    expect(events[1]).toMatchObject({
      type: "deadline_breached", actorId: null, claimVersion: after.version,
      data: { key: "review_due", dueAt: review.dueAt, clause: "E7", priority: { from: "normal", to: "high" } },
    });

    // The next sweeps find nothing new on this claim.
    await sweepDeadlines(database.db, new Date(now.getTime() + 60_000));
    expect(await claimRow(claim.id)).toMatchObject({ priority: after.priority, version: after.version });
    expect(await breachesOf(claim.id)).toHaveLength(1);
    // The claim page's timeline names the system as the actor.
    const detail = await c.supervisor.claims.getClaim({ number: claim.number });
    expect(detail.events.at(-1)).toMatchObject({ type: "deadline_breached", actorName: null });
  });

  it("never raises an urgent claim further, but still records the breach", async () => {
    const claim = await lateClaim();
    await database.db.update(claims).set({ priority: 3 }).where(eq(claims.id, claim.id));
    await sweepDeadlines(database.db, now);
    expect((await claimRow(claim.id)).priority).toBe(3);
    expect(await breachesOf(claim.id)).toHaveLength(1);
  });

  it("ignores claims waiting on the customer (paused) and closed claims", async () => {
    const waiting = await lateClaim("in_review");
    // The agent asks for evidence: the claim pauses (our clock stops) before the sweep runs.
    await callerFor(database.db, c.users.supervisor, reported).evidence.requestEvidence({ number: waiting.number, version: 1 });
    expect(await claimRow(waiting.id)).toMatchObject({ status: "awaiting_evidence", dueAt: null });
    const closed = await lateClaim("closed");
    await sweepDeadlines(database.db, now);
    expect(await breachesOf(waiting.id)).toEqual([]);
    expect(await breachesOf(closed.id)).toEqual([]);
    expect((await eventsOf(waiting.id)).map((e) => e.type)).not.toContain("deadline_breached");
  });

  it("runs as a job that books its own next run a minute later", async () => {
    const claim = await lateClaim();
    await enqueue(database.db, DEADLINE_SWEEP, {}, { dedupeKey: DEADLINE_SWEEP, runAt: now });
    const log = { info: () => {}, warn: () => {}, error: () => {} };
    const runner = createJobRunner({ db: database.db, log, clock: () => now, handlers: { [DEADLINE_SWEEP]: deadlineSweepHandler } });
    expect(await runner.runOnce()).toBe(true);
    expect(await breachesOf(claim.id)).toHaveLength(1);
    const pending = await database.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, DEADLINE_SWEEP), eq(jobs.dedupeKey, DEADLINE_SWEEP)));
    expect(pending.filter((j) => j.doneAt === null)).toEqual([expect.objectContaining({ runAt: new Date(now.getTime() + 60_000), attempts: 0 })]);
  });
});
