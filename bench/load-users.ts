import { eq, sql } from "drizzle-orm";
import type { Db } from "../server/db/client.ts";
import { users } from "../server/db/schema/index.ts";
import { redeemPasswordToken } from "../server/services/users-account.ts";
import { createUser } from "../server/services/users-admin.ts";
import { demo, sessionUserByEmail } from "../server/test/callers.ts";

export const BENCH_PASSWORD = "bench-load-password-2026";
export type BenchUser = { email: string; role: "agent" | "supervisor" };

/**
 * The load test's people: N agents and M supervisors, created once through the admin service (and their
 * one-time link redeemed) so they sign in over HTTP like anyone else. Agents work the three demo agent
 * stores or a pair of them, supervisors see every store.
 */
export async function ensureBenchUsers(db: Db, agents: number, supervisors: number): Promise<BenchUser[]> {
  const admin = await sessionUserByEmail(db, demo.admin);
  const allStores = (await db.execute<{ id: string }>(sql`select id from stores order by id`)).rows.map((r) => r.id);
  // Every agent works the demo agent's three stores (so any of their claims is visible to any agent), some one more.
  const agentStores = [[], ["everyday"], ["chipyard"]].map((extra) => ["kinetic", "layerworks", "atelier", ...extra].filter((x) => allStores.includes(x)));
  const wanted: (BenchUser & { name: string; storeIds: string[] })[] = [
    ...Array.from({ length: agents }, (_, i) => ({ email: `bench-agent-${i + 1}@claimdesk.test`, name: `Bench Agent ${i + 1}`, role: "agent" as const, storeIds: agentStores[i % agentStores.length]! })),
    ...Array.from({ length: supervisors }, (_, i) => ({ email: `bench-supervisor-${i + 1}@claimdesk.test`, name: `Bench Supervisor ${i + 1}`, role: "supervisor" as const, storeIds: allStores })),
  ];
  const now = new Date();
  for (const w of wanted) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, w.email));
    if (existing) continue;
    const created = await createUser(db, admin, { email: w.email, name: w.name, role: w.role, storeIds: w.storeIds }, now);
    const token = new URL(created.setPasswordPath, "http://x").searchParams.get("token")!;
    await redeemPasswordToken(db, { token, password: BENCH_PASSWORD }, now);
  }
  return wanted.map(({ email, role }) => ({ email, role }));
}
