import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { createSession } from "../server/auth/sessions.ts";
import { migrateDatabase, openDatabase } from "../server/db/client.ts";
import { sessions, users } from "../server/db/schema/index.ts";
import { seedReference } from "../server/db/seed/demo.ts";
import { createTestClaim } from "../server/routers/resolution/test-claims.ts";
import { checkInvariants, type Ack } from "./crash-test-checks.ts";
import { callTrpc, kill, startServer, waitHealthy, type RunningServer } from "./crash-test-server.ts";

// Crash test: the real server under a write load (grading, refund proposals, approvals, payouts), SIGKILLed at
// random moments and restarted; then the database must hold every acknowledged change and no impossible state.
//   npx tsx scripts/crash-test.ts [--kills 4] [--port 4190] [--seed 7]      (DATABASE_URL set: on PostgreSQL)

export type CrashOptions = { port: number; kills: number; claims: number; workers: number; seed: number; databaseUrl?: string; log?: (line: string) => void };
export type CrashReport = { seed: number; kills: number; acks: number; lost: number; restartsMs: number[]; steps: number; problems: string[]; database: string };

const weapons = { sku: "AT-WEAP-SET", unitPriceCents: 4500, partType: "weapon_large", issueType: "missing_or_wrong_accessory" };

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Claims to work on and sessions for an agent and a supervisor who passed two-factor, written before the server starts. */
export async function prepare(o: Pick<CrashOptions, "claims" | "databaseUrl">, dataDir: string) {
  const database = await openDatabase(o.databaseUrl ? { url: o.databaseUrl } : { dataDir });
  try {
    await migrateDatabase(database);
    await seedReference(database.db);
    const { db } = database;
    const now = new Date();
    const numbers: { number: string; lineId: number }[] = [];
    for (let i = 0; i < o.claims; i++) {
      const c = await createTestClaim(db, { store: "atelier", reason: "missing_accessory", lines: [weapons], evidence: ["photo", "photo"], reportedAt: new Date(now.getTime() - 86_400_000) });
      numbers.push({ number: c.number, lineId: c.claimLineIds[0]! });
    }
    const token = async (email: string, secondFactor: boolean) => {
      const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
      const s = await createSession(db, { userId: u!.id, ttlHours: 12, now });
      if (secondFactor) {
        await db.update(users).set({ totpEnabledAt: new Date(now.getTime() - 3_600_000) }).where(eq(users.id, u!.id));
        await db.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.userId, u!.id));
      }
      return s.token;
    };
    return { numbers, agent: await token("agent@claimdesk.test", false), supervisor: await token("supervisor@claimdesk.test", true) };
  } finally {
    await database.close();
  }
}

export async function runCrashTest(o: CrashOptions): Promise<CrashReport> {
  const log = o.log ?? (() => {});
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "claimdesk-crash-"));
  const random = mulberry32(o.seed);
  const { numbers, agent, supervisor } = await prepare(o, dataDir);
  const acks: Ack[] = [];
  let lost = 0;
  let steps = 0;
  let stopping = false;
  let server: RunningServer = startServer({ port: o.port, dataDir, databaseUrl: o.databaseUrl });
  const restartsMs: number[] = [];
  restartsMs.push(await waitHealthy(server));

  const base = () => server.url;
  const healthy = async () => {
    while (!stopping) {
      const ok = await fetch(`${base()}/health`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  /** One step until it is answered: a lost answer is retried (with the same idempotency key) once the server is back. */
  async function step(procedure: string, token: string, input: (version: number) => unknown, number: string) {
    for (;;) {
      const claim = await callTrpc(base(), "claims.getClaim", "query", { number }, token);
      if (claim.kind === "lost") {
        lost++;
        await healthy();
        if (stopping) return null;
        continue;
      }
      if (claim.kind === "error") throw new Error(`getClaim ${number}: ${claim.status} ${claim.message}`);
      const res = await callTrpc(base(), procedure, "mutation", input(claim.data.version ?? claim.data.claim?.version), token);
      steps++;
      if (res.kind === "lost") {
        lost++;
        await healthy();
        if (stopping) return null;
        continue;
      }
      if (res.kind === "error" && res.code === "CONFLICT") continue;
      return res;
    }
  }

  async function worker(mine: typeof numbers) {
    for (const { number, lineId } of mine) {
      if (stopping) return;
      for (const grade of ["high", "medium", "high"]) {
        const reason = `crash-${randomUUID()}`;
        const r = await step("resolution.gradeClaimLine", agent, (version) => ({ number, version, claimLineId: lineId, grade, gradeReason: reason }), number);
        if (r?.kind === "ok" && r.data.changed) acks.push({ kind: "grade", number, reason });
        if (r?.kind === "error" && r.status >= 500) throw new Error(`grading ${number}: ${r.status} ${r.message}`);
      }
      const key = randomUUID();
      const proposed = await step("resolution.proposeRefund", agent, (version) => ({ number, version, option: "partial_refund", note: "Crash test.", idempotencyKey: key }), number);
      if (proposed?.kind !== "ok") continue;
      const refundId = proposed.data.refundId as number;
      acks.push({ kind: "propose", number, key, refundId });
      const approved = await step("approvals.approveRefund", supervisor, () => ({ refundId, idempotencyKey: key }), number);
      if (approved?.kind !== "ok") continue;
      acks.push({ kind: "approve", number, refundId });
      const executed = await step("approvals.executeRefund", supervisor, () => ({ refundId }), number);
      if (executed?.kind === "ok") acks.push({ kind: "execute", number, refundId });
    }
  }

  const lanes = Array.from({ length: o.workers }, (_, w) => numbers.filter((_, i) => i % o.workers === w));
  const load = Promise.all(lanes.map(worker));
  for (let k = 0; k < o.kills; k++) {
    // Kill while changes are flowing: after a few new acknowledgements, then at a random moment within ~0.4 s.
    const seen = acks.length;
    const waitFrom = Date.now();
    while (acks.length < seen + 3 && Date.now() - waitFrom < 30_000) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, random() * 400));
    await kill(server, "SIGKILL");
    log(`kill ${k + 1}/${o.kills} after ${acks.length} acknowledged changes`);
    server = startServer({ port: o.port, dataDir, databaseUrl: o.databaseUrl });
    restartsMs.push(await waitHealthy(server));
  }
  await new Promise((r) => setTimeout(r, 1500));
  stopping = true;
  await load;
  await kill(server, "SIGTERM");

  const database = await openDatabase(o.databaseUrl ? { url: o.databaseUrl } : { dataDir });
  try {
    const problems = await checkInvariants(database.db, acks);
    return { seed: o.seed, kills: o.kills, acks: acks.length, lost, restartsMs, steps, problems, database: database.kind };
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const report = await runCrashTest({
    port: arg("port", 4190), kills: arg("kills", 4), claims: arg("claims", 60), workers: arg("workers", 4), seed: arg("seed", Date.now() % 100_000),
    databaseUrl: process.env.DATABASE_URL, log: (l) => console.log(l),
  });
  console.log(JSON.stringify(report, null, 2));
  process.exit(report.problems.length ? 1 : 0);
}
