import { asc, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import type { ClaimStatus } from "../../../shared/workflow/statuses.ts";
import type { Db } from "../../db/client.ts";
import { claimEvents, claims, userStores, users } from "../../db/schema/index.ts";
import type { SessionUser } from "../../trpc/context.ts";

/** The agent's demo stores: tests pick claims from them so every role can see the same claim. */
export const agentStores = ["kinetic", "layerworks", "atelier"] as const;

type ClaimRow = { id: number; number: string; version: number; status: ClaimStatus; storeId: string; assigneeId: number | null; dueAt: Date | null };

/**
 * Claims matching a raw SQL condition, in id order, skipping those an earlier test already used: each test
 * gets claims nobody else touched. Raw SQL keeps the tests' selection independent of the code under test.
 */
export function claimPicker(db: Db) {
  const used = new Set<number>();
  return async function pick(where: string, n = 1): Promise<ClaimRow[]> {
    const res = await db.execute<ClaimRow>(
      sql.raw(`select id, number, version, status, store_id as "storeId", assignee_id as "assigneeId", due_at as "dueAt" from claims where ${where} order by id`),
    );
    const rows = res.rows.filter((r) => !used.has(r.id)).slice(0, n);
    if (rows.length < n) throw new Error(`test data: only ${rows.length} claims match ${where}`);
    for (const r of rows) used.add(r.id);
    return rows.map((r) => ({ ...r, dueAt: r.dueAt ? new Date(r.dueAt) : null }));
  };
}

/** Puts a claim into a state directly (test set-up only), bumping its version like a real change would. */
export async function forceClaim(db: Db, id: number, patch: Partial<typeof claims.$inferInsert>): Promise<number> {
  const [row] = await db
    .update(claims)
    .set({ ...patch, version: sql`${claims.version} + 1` })
    .where(eq(claims.id, id))
    .returning({ version: claims.version });
  return row!.version;
}

export async function eventsOf(db: Db, claimId: number) {
  return db
    .select({ seq: claimEvents.seq, type: claimEvents.type, data: claimEvents.data, actorId: claimEvents.actorId, claimVersion: claimEvents.claimVersion, at: claimEvents.at })
    .from(claimEvents)
    .where(eq(claimEvents.claimId, claimId))
    .orderBy(asc(claimEvents.seq));
}

/** The claim's events are numbered 1..n with no gap and no repeat. */
export async function expectGapFreeSeq(db: Db, claimId: number) {
  const seqs = (await eventsOf(db, claimId)).map((e) => e.seq);
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
}

export async function claimRow(db: Db, id: number) {
  const [row] = await db
    .select({
      status: claims.status, version: claims.version, assigneeId: claims.assigneeId, priority: claims.priority, dueAt: claims.dueAt,
      pausedAt: claims.pausedAt, pausedMs: claims.pausedMs, closedAt: claims.closedAt,
    })
    .from(claims)
    .where(eq(claims.id, id));
  return row!;
}

let made = 0;
/** A fresh colleague with a log-in-less account, as the session layer would describe them. */
export async function makeUser(db: Db, opts: { role?: SessionUser["role"]; stores: string[]; name?: string; active?: boolean }): Promise<SessionUser> {
  const n = ++made;
  const name = opts.name ?? `Test Agent ${n}`;
  const [u] = await db
    .insert(users)
    .values({ email: `wf-${process.pid}-${n}-${Math.random().toString(36).slice(2, 7)}@claimdesk.test`, name, role: opts.role ?? "agent", active: opts.active ?? true })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  if (opts.stores.length) await db.insert(userStores).values(opts.stores.map((storeId) => ({ userId: u!.id, storeId })));
  return { ...u!, sessionId: "test", storeIds: opts.role === "admin" ? null : [...opts.stores].sort() };
}
