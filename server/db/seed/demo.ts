import { eq, inArray, sql } from "drizzle-orm";
import { hashPassword } from "../../auth/passwords.ts";
import type { Db } from "../client.ts";
import { claims, stores, userStores, users } from "../schema/index.ts";
import type { Role } from "../../../shared/roles.ts";
import { currentPolicyVersions, seedPolicyVersions } from "../../services/policy-versions.ts";
import { demoStores } from "./catalog.ts";
import { generateBatch } from "./generate.ts";
import { insertBatch, nextIds, syncSequences } from "./insert-batch.ts";
import { createRng } from "../../../shared/random.ts";

/** Demo log-ins, printed on the console and in the README. Demo only: change or deactivate them in production. */
export const demoAccounts = [
  { email: "agent@claimdesk.test", password: "agent-demo-2026", name: "Alex Agent", role: "agent", stores: ["kinetic", "layerworks", "atelier"] },
  { email: "supervisor@claimdesk.test", password: "supervisor-demo-2026", name: "Sam Supervisor", role: "supervisor", stores: demoStores.map((s) => s.id) },
  { email: "admin@claimdesk.test", password: "admin-demo-2026", name: "Ada Admin", role: "admin", stores: [] },
] as const satisfies readonly { email: string; password: string; name: string; role: Role; stores: readonly string[] }[];

// Colleagues without log-ins, so the queue shows realistic assignees.
const colleagues = [
  { name: "Jordan Lee", stores: ["kinetic", "everyday"] },
  { name: "Priya Raman", stores: ["layerworks", "chipyard"] },
  { name: "Mateo Cruz", stores: ["everyday", "atelier"] },
  { name: "Hana Sato", stores: ["chipyard", "atelier", "kinetic"] },
] as const;

export async function seedReference(db: Db): Promise<void> {
  await db.insert(stores).values(demoStores.map((s) => ({ ...s }))).onConflictDoNothing();
  await seedPolicyVersions(db, demoStores.map((s) => s.id));
  const existing = await db.select({ id: users.id }).from(users).limit(1);
  if (existing.length) return;
  const people = [
    ...(await Promise.all(demoAccounts.map(async (a) => ({ ...a, passwordHash: await hashPassword(a.password) })))),
    ...colleagues.map((c) => ({ ...c, email: `${c.name.split(" ")[0]!.toLowerCase()}@claimdesk.test`, role: "agent" as const, passwordHash: null })),
  ];
  for (const p of people) {
    const [row] = await db.insert(users).values({ email: p.email, name: p.name, role: p.role, passwordHash: p.passwordHash }).returning({ id: users.id });
    if (p.stores.length) await db.insert(userStores).values(p.stores.map((storeId) => ({ userId: row!.id, storeId })));
  }
}

async function assigneesByStore(db: Db): Promise<Record<string, number[]>> {
  const rows = await db
    .select({ userId: userStores.userId, storeId: userStores.storeId })
    .from(userStores)
    .innerJoin(users, eq(users.id, userStores.userId))
    .where(inArray(users.role, ["agent", "supervisor"]));
  const out: Record<string, number[]> = {};
  for (const r of rows) (out[r.storeId] ??= []).push(r.userId);
  return out;
}

export type SeedClaimsOptions = { count: number; seed?: number; now?: Date; spanDays?: number; batchSize?: number; onProgress?: (done: number) => void };

export async function seedClaims(db: Db, opts: SeedClaimsOptions): Promise<void> {
  const rng = createRng(opts.seed ?? 20261123);
  const ids = await nextIds(db);
  const assignees = await assigneesByStore(db);
  const policies = await currentPolicyVersions(db);
  const approvers = (await db.select({ id: users.id }).from(users).where(inArray(users.role, ["supervisor", "admin"]))).map((u) => u.id);
  const storeIds = demoStores.map((s) => s.id);
  const batchSize = opts.batchSize ?? 5000;
  const now = opts.now ?? new Date();
  for (let done = 0; done < opts.count; ) {
    const n = Math.min(batchSize, opts.count - done);
    await insertBatch(db, generateBatch(rng, ids, n, { now, spanDays: opts.spanDays ?? 90, storeIds, assignees, policies, approvers }));
    done += n;
    opts.onProgress?.(done);
  }
  await syncSequences(db);
}

/** First start on an empty database: reference data, then the demo claims. */
export async function seedIfEmpty(db: Db, claimCount: number): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(claims);
  await seedReference(db);
  if ((row?.n ?? 0) > 0 || claimCount === 0) return false;
  await seedClaims(db, { count: claimCount });
  return true;
}
