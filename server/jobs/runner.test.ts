import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { jobs } from "../db/schema/index.ts";
import { openTestDatabase, testDbKind } from "../test/database.ts";
import { enqueue } from "./queue.ts";
import { claimNextJob, createJobRunner, type JobHandler, type JobLog } from "./runner.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const quiet: JobLog = { info: () => {}, warn: () => {}, error: () => {} };
const jobRow = async (id: number) => (await database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
const t0 = new Date("2026-03-10T12:00:00Z");
/** A clock the test moves by hand, so backoff is checked to the millisecond. */
const manualClock = (start = t0) => {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
};
let kindSerial = 0;
const uniqueKind = (name: string) => `${name}_${++kindSerial}`;
const until = async (check: () => Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("job runner", () => {
  it("runs a due job with its payload and marks it done; a job not yet due waits", async () => {
    const kind = uniqueKind("echo");
    const seen: unknown[] = [];
    const clock = manualClock();
    const runner = createJobRunner({ db: database.db, log: quiet, clock: clock.now, handlers: { [kind]: async (job) => void seen.push(job.payload) } });
    const id = (await enqueue(database.db, kind, { hello: "world" }, { runAt: t0 }))!;
    const later = (await enqueue(database.db, kind, { hello: "later" }, { runAt: new Date(t0.getTime() + 60_000) }))!;
    expect(await runner.runOnce()).toBe(true);
    expect(await runner.runOnce()).toBe(false);
    expect(seen).toEqual([{ hello: "world" }]);
    expect(await jobRow(id)).toMatchObject({ attempts: 1, doneAt: t0, lockedAt: null, lockedBy: runner.workerId, failedAt: null });
    clock.advance(60_000);
    expect(await runner.runOnce()).toBe(true);
    expect((await jobRow(later)).doneAt).not.toBeNull();
  });

  it("retries with exponential backoff, records the error, and gives up after maxAttempts", async () => {
    const kind = uniqueKind("flaky");
    const clock = manualClock();
    let calls = 0;
    const handler: JobHandler = async () => {
      calls++;
      throw new Error(`carrier API down (${calls})`);
    };
    const runner = createJobRunner({ db: database.db, log: quiet, clock: clock.now, backoff: { baseMs: 1000, maxMs: 60_000 }, handlers: { [kind]: handler } });
    const id = (await enqueue(database.db, kind, {}, { runAt: t0, maxAttempts: 3 }))!;

    expect(await runner.runOnce()).toBe(true);
    expect(await jobRow(id)).toMatchObject({ attempts: 1, lastError: "carrier API down (1)", runAt: new Date(t0.getTime() + 1000), failedAt: null, lockedAt: null });
    expect(await runner.runOnce()).toBe(false); // not due again yet
    clock.advance(1000);
    expect(await runner.runOnce()).toBe(true);
    expect(await jobRow(id)).toMatchObject({ attempts: 2, lastError: "carrier API down (2)", runAt: new Date(t0.getTime() + 1000 + 2000) });
    clock.advance(2000);
    expect(await runner.runOnce()).toBe(true);
    const failed = await jobRow(id);
    expect(failed).toMatchObject({ attempts: 3, lastError: "carrier API down (3)", failedAt: new Date(t0.getTime() + 3000), doneAt: null });
    clock.advance(3_600_000);
    expect(await runner.runOnce()).toBe(false);
    expect(calls).toBe(3);
  });

  it("clears the error when a retry succeeds, and fails a job nobody handles", async () => {
    const kind = uniqueKind("second_time_lucky");
    const clock = manualClock();
    let calls = 0;
    const runner = createJobRunner({
      db: database.db, log: quiet, clock: clock.now, backoff: { baseMs: 10, maxMs: 10 },
      handlers: { [kind]: async () => { if (++calls === 1) throw new Error("once"); } },
    });
    const id = (await enqueue(database.db, kind, {}, { runAt: t0 }))!;
    await runner.runOnce();
    clock.advance(10);
    await runner.runOnce();
    expect(await jobRow(id)).toMatchObject({ attempts: 2, lastError: null, failedAt: null });
    expect((await jobRow(id)).doneAt).not.toBeNull();

    const orphan = (await enqueue(database.db, uniqueKind("nobody_handles"), {}, { runAt: t0, maxAttempts: 1 }))!;
    await runner.runOnce();
    expect(await jobRow(orphan)).toMatchObject({ lastError: expect.stringMatching(/^No handler for job kind/), failedAt: clock.now() });
  });

  it("keeps one pending job per dedupe key, and lets a finished job book its next run", async () => {
    const kind = uniqueKind("recurring");
    const clock = manualClock();
    const first = await enqueue(database.db, kind, {}, { runAt: t0, dedupeKey: kind });
    expect(first).not.toBeNull();
    expect(await enqueue(database.db, kind, {}, { runAt: t0, dedupeKey: kind })).toBeNull();
    const runner = createJobRunner({
      db: database.db, log: quiet, clock: clock.now,
      handlers: { [kind]: async (_job, { now }) => ({ next: { kind, runAt: new Date(now.getTime() + 60_000), dedupeKey: kind } }) },
    });
    await runner.runOnce();
    const pending = await database.db.select().from(jobs).where(eq(jobs.kind, kind));
    expect(pending).toHaveLength(2);
    expect(pending.find((j) => j.id !== first)).toMatchObject({ dedupeKey: kind, runAt: new Date(t0.getTime() + 60_000), doneAt: null });
  });

  it("survives a restart: a job enqueued before the runner stopped runs under the next one", async () => {
    const kind = uniqueKind("after_restart");
    const ran: number[] = [];
    const handlers = { [kind]: async (job: { id: number }) => void ran.push(job.id) };
    const first = createJobRunner({ db: database.db, log: quiet, pollMs: 20, handlers }).start();
    await first.stop();
    const id = (await enqueue(database.db, kind))!;
    const second = createJobRunner({ db: database.db, log: quiet, pollMs: 20, handlers }).start();
    await until(async () => (await jobRow(id)).doneAt !== null);
    await second.stop();
    expect(ran).toEqual([id]);
  });

  it("takes over a job whose runner died holding it, once its lock has expired", async () => {
    const kind = uniqueKind("crashed");
    const clock = manualClock();
    const id = (await enqueue(database.db, kind, {}, { runAt: t0 }))!;
    // The dead runner claimed it and never finished (process killed).
    expect((await claimNextJob(database.db, "dead-runner", clock.now(), 60_000))?.id).toBe(id);
    const ran: number[] = [];
    const runner = createJobRunner({ db: database.db, log: quiet, clock: clock.now, lockTimeoutMs: 60_000, handlers: { [kind]: async (job) => void ran.push(job.id) } });
    expect(await runner.runOnce()).toBe(false);
    clock.advance(60_001);
    expect(await runner.runOnce()).toBe(true);
    expect(ran).toEqual([id]);
    expect(await jobRow(id)).toMatchObject({ attempts: 2, lockedBy: runner.workerId });
  });

  it("stops cleanly: waits for the running job to finish and takes no new one", async () => {
    const kind = uniqueKind("slow");
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = 0;
    const runner = createJobRunner({ db: database.db, log: quiet, pollMs: 20, handlers: { [kind]: async () => { started++; await gate; } } });
    const a = (await enqueue(database.db, kind))!;
    const b = (await enqueue(database.db, kind))!;
    runner.start();
    await until(async () => started === 1);
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await jobRow(a)).doneAt).not.toBeNull();
    expect(await jobRow(b)).toMatchObject({ doneAt: null, attempts: 0, lockedAt: null });
    expect(started).toBe(1);
  });
});

// Several runners on one PostgreSQL (several server processes) race for the same rows; PGlite has one connection.
if (testDbKind === "postgres") {
  describe("job runners on PostgreSQL", () => {
    it("never run the same job twice, however many poll at once", async () => {
      const kind = uniqueKind("contended");
      const runs: { id: number; worker: string }[] = [];
      const ids: number[] = [];
      for (let i = 0; i < 60; i++) ids.push((await enqueue(database.db, kind, { i }))!);
      const runners = Array.from({ length: 4 }, (_, n) => {
        const worker = `runner-${n}`;
        return createJobRunner({
          db: database.db, log: quiet, pollMs: 5, workerId: worker,
          handlers: { [kind]: async (job) => { runs.push({ id: job.id, worker }); await new Promise((r) => setTimeout(r, 5)); } },
        });
      });
      for (const r of runners) r.start();
      await until(async () => (await database.db.select({ doneAt: jobs.doneAt }).from(jobs).where(eq(jobs.kind, kind))).every((j) => j.doneAt !== null), 30_000);
      await Promise.all(runners.map((r) => r.stop()));
      expect(runs.map((r) => r.id).sort((x, y) => x - y)).toEqual(ids);
      expect(new Set(runs.map((r) => r.worker)).size).toBeGreaterThan(1);
      const rows = await database.db.select().from(jobs).where(eq(jobs.kind, kind));
      expect(rows.every((j) => j.attempts === 1)).toBe(true);
    });
  });
}
