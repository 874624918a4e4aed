// npm run bench:load [-- --duration 60 --rate 330 --connections 24 --port 4180 --pool 8 --agents 8 --supervisors 3 --report-every 15]
// Mixed load over real HTTP: the production server (tsx server/index.ts, NODE_ENV=production, jobs off) runs
// as a child process on the N-claim PostgreSQL; this process signs in bench agents and supervisors and drives
// autocannon at a fixed overall rate with a weighted mix of what they do all day (queue pages, facets, claim
// pages, approvals, priority changes and grading saves), plus a supervisor's report now and then. Any non-2xx
// answer counts as an error.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { editableStatuses } from "../shared/schemas/resolution.ts";
import type { ListClaimsInput } from "../shared/schemas/claim-queue.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { callerFor, demo, sessionUserByEmail } from "../server/test/callers.ts";
import { BENCH_PASSWORD, ensureBenchUsers } from "./load-users.ts";
import { cpuMeter, loadAverage } from "./load-cpu.ts";
import { summarize } from "./stats.ts";

const { values } = parseArgs({
  options: {
    claims: { type: "string", default: "1000000" },
    duration: { type: "string", default: "60" },
    rate: { type: "string", default: "330" },
    connections: { type: "string", default: "24" },
    port: { type: "string", default: "4180" },
    pool: { type: "string", default: "8" },
    agents: { type: "string", default: "8" },
    supervisors: { type: "string", default: "3" },
    "report-every": { type: "string", default: "15" },
    // A folder for the server's V8 CPU profiles (node --cpu-prof), to see where its time goes under this load.
    "cpu-prof": { type: "string" },
  },
});
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
const { database, total } = await openBenchDatabase("bench:load", Number(values.claims), { poolMax: 2 });
const db = database.db;
const people = await ensureBenchUsers(db, Number(values.agents), Number(values.supervisors));

// Claims the mix reads and writes: open ones of the demo agent stores (every bench agent sees at least one).
const open = (
  await db.execute<{ number: string }>(sql`
    select number from claims where status not in ('closed', 'rejected', 'cancelled') and store_id in ('kinetic', 'layerworks', 'atelier')
    order by random() limit 2000`)
).rows.map((r) => r.number);
const editable = sql.raw(editableStatuses.map((s) => `'${s}'`).join(", "));
// Writers keep their own claims (disjoint per kind), so a version is only ever bumped by the one who holds it.
const writable = (
  await db.execute<{ number: string; version: number; store_id: string; line_id: number }>(sql`
    select c.number, c.version, c.store_id, min(l.id)::int line_id from claims c join claim_lines l on l.claim_id = c.id
    where c.status in (${editable}) and c.store_id in ('kinetic', 'layerworks', 'atelier')
    group by c.id order by c.id desc limit 400`)
).rows;
// Grading writers only get lines the store's grading accepts as they stand (checked once through the router).
const grader = callerFor(db, await sessionUserByEmail(db, demo.agent));
const gradable: typeof writable = [];
for (const w of writable.slice(200)) {
  try {
    await grader.resolution.gradeClaimLine({ number: w.number, version: w.version, claimLineId: w.line_id, grade: "high" });
    gradable.push({ ...w, version: Number((await db.execute<{ v: number }>(sql`select version v from claims where number = ${w.number}`)).rows[0]!.v) });
  } catch {
    // Not gradable this way (policy, status): left out of the mix.
  }
}
await database.close();

const profile = values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${values["cpu-prof"]}`] : [];
// The server's PostgreSQL sessions carry this name, so their CPU is told apart from anyone else's on the cluster.
const applicationName = `claimdesk-load-${process.pid}`;
const server = spawn(process.execPath, [...profile, "--expose-gc", "--import", "tsx", "server/index.ts"], {
  env: { ...process.env, NODE_ENV: "production", DATABASE_URL: url, RUN_JOBS: "false", SEED_DEMO: "false", PORT: String(port), DB_POOL_MAX: values.pool, LOG_LEVEL: "warn", PGAPPNAME: applicationName },
  stdio: ["ignore", "inherit", "inherit"],
});
const stopServer = () => new Promise<void>((resolve) => {
  if (server.exitCode !== null) return resolve();
  server.once("exit", () => resolve());
  server.kill("SIGTERM");
});
// However this process ends (a failed step included), the server it started ends with it.
process.on("exit", () => server.exitCode === null && server.kill("SIGTERM"));
for (let i = 0; ; i++) {
  if (server.exitCode !== null) throw new Error("the server exited during start-up");
  if (await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)) break;
  if (i > 120) throw new Error("the server did not answer /health within 60 s");
  await new Promise((r) => setTimeout(r, 500));
}

// Real sign-ins over HTTP; each person keeps their session cookie.
const trpcBody = (input: unknown) => JSON.stringify({ 0: { json: input } });
async function signIn(email: string) {
  const res = await fetch(`${base}/trpc/auth.signIn?batch=1`, { method: "POST", headers: { "content-type": "application/json" }, body: trpcBody({ email, password: BENCH_PASSWORD }) });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("cd_session="));
  if (!res.ok || !cookie) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  return cookie.split(";")[0]!;
}
const sessions = { agent: [] as string[], supervisor: [] as string[] };
for (const p of people) sessions[p.role].push(await signIn(p.email));

type Req = { method: "GET" | "POST"; path: string; body?: string; claim?: Claim; name?: string };
type Kind = { name: string; role: "agent" | "supervisor"; weight: number; next: () => Req };
type Claim = { number: string; version: number; lineId: number; busy: boolean; flip: number };
const get = (proc: string, input: unknown) => ({ method: "GET" as const, path: `/trpc/${proc}?batch=1&input=${encodeURIComponent(trpcBody(input))}` });
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const today = new Date();
const day = (d: Date) => d.toISOString().slice(0, 10);
const range = { from: day(new Date(today.getTime() - 29 * 86_400_000)), to: day(today) };

const queueInputs: ListClaimsInput[] = [
  {},
  { sortBy: "priority", sortOrder: "desc" },
  { sortBy: "updatedAt", sortOrder: "desc" },
  { filters: { assignee: ["me"] } },
  { filters: { assignee: ["unassigned"] } },
  { filters: { status: ["in_review"] } },
  { filters: { priority: ["urgent", "high"] } },
  { filters: { due: "overdue" } },
  { filters: { due: "today" } },
  { filters: { reason: ["quality_defect"] } },
  { page: 2 },
];
const priorityPool: Claim[] = writable.slice(0, 200).map((r) => ({ number: r.number, version: r.version, lineId: r.line_id, busy: false, flip: 0 }));
const gradingPool: Claim[] = gradable.map((r) => ({ number: r.number, version: r.version, lineId: r.line_id, busy: false, flip: 0 }));
const free = (pool: Claim[]): Claim | undefined => {
  for (let i = 0; i < 20 && pool.length; i++) {
    const c = pick(pool);
    if (!c.busy) return c;
  }
  return pool.find((c) => !c.busy);
};
// All of a pool's claims in flight (or none found): the writer reads the queue instead.
const readInstead = (): Req => ({ ...get("claims.listClaims", {}), name: "queue page" });

const kinds: Kind[] = [
  { name: "queue page", role: "agent", weight: 30, next: () => get("claims.listClaims", pick(queueInputs)) },
  { name: "queue facets", role: "agent", weight: 4, next: () => get("claims.listClaimFacets", { filters: pick(queueInputs).filters ?? {} }) },
  { name: "claim page", role: "agent", weight: 22, next: () => get("claims.getClaim", { number: pick(open) }) },
  { name: "claim actions", role: "agent", weight: 8, next: () => get("workflow.listClaimActions", { number: pick(open) }) },
  { name: "queue page", role: "supervisor", weight: 10, next: () => get("claims.listClaims", pick(queueInputs)) },
  { name: "approvals list", role: "supervisor", weight: 8, next: () => get("approvals.listApprovals", {}) },
  {
    name: "set priority",
    role: "agent",
    weight: 8,
    next: () => {
      const claim = free(priorityPool);
      if (!claim) return readInstead();
      claim.busy = true;
      const priority = (claim.flip++ % 2 ? "normal" : "high") as "normal" | "high";
      return { method: "POST", path: "/trpc/workflow.setClaimPriority?batch=1", body: trpcBody({ number: claim.number, version: claim.version, priority }), claim };
    },
  },
  {
    name: "grading save",
    role: "agent",
    weight: 4,
    next: () => {
      const claim = free(gradingPool);
      if (!claim) return readInstead();
      claim.busy = true;
      const grade = claim.flip++ % 2 ? "medium" : "high";
      return { method: "POST", path: "/trpc/resolution.gradeClaimLine?batch=1", body: trpcBody({ number: claim.number, version: claim.version, claimLineId: claim.lineId, grade }), claim };
    },
  },
];
if (!gradingPool.length) console.error("no gradable claim found: the mix runs without grading saves");
const weightTotal = kinds.reduce((s, k) => s + k.weight, 0);
const chooseKind = () => {
  let r = Math.random() * weightTotal;
  for (const k of kinds) if ((r -= k.weight) < 0) return k;
  return kinds[0]!;
};

// Warm-up (untimed): every kind a few times, so the measured minute sees a process past JIT and cold caches.
for (let round = 0; round < 5; round++) {
  await Promise.all(
    kinds.filter((k) => k.name !== "set priority" && k.name !== "grading save").map(async (k) => {
      const r = k.next();
      const res = await fetch(base + r.path, { headers: { cookie: pick(sessions[k.role]) } });
      if (!res.ok) throw new Error(`warm-up ${k.name} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    }),
  );
}

type Ctx = { kind?: string; started?: number; claim?: Claim };
const samples = new Map<string, number[]>();
const failures: { kind: string; status: number; body: string }[] = [];

// Reports: a supervisor opens the dashboard now and then (30 days, volume then SLA), not hundreds of times
// a minute; each one aggregates the whole range, so they run on their own clock beside the mix.
const reports: { name: string; ms: number; status: number }[] = [];
const reportProcs = ["reports.getVolumeReport", "reports.getSlaReport"];
let reportTurn = 0;
const reportTimer = setInterval(() => {
  const proc = reportProcs[reportTurn++ % reportProcs.length]!;
  const started = performance.now();
  void fetch(base + get(proc, range).path, { headers: { cookie: pick(sessions.supervisor) } }).then(
    async (res) => {
      await res.arrayBuffer();
      reports.push({ name: proc, ms: performance.now() - started, status: res.status });
    },
    () => reports.push({ name: proc, ms: performance.now() - started, status: 0 }),
  );
}, Number(values["report-every"]) * 1000);

const meter = await cpuMeter(url!, server.pid!, applicationName);
const cpuBefore = await meter.snapshot();
const loadBefore = loadAverage();
const result = await autocannon({
  url: base,
  connections: Number(values.connections),
  duration: Number(values.duration),
  overallRate: Number(values.rate),
  requests: [
    {
      setupRequest: (req: autocannon.Request, context: Ctx) => {
        const kind = chooseKind();
        const r = kind.next();
        context.kind = `${r.name ?? kind.name} (${kind.role})`;
        context.claim = r.claim;
        context.started = performance.now();
        return { ...req, method: r.method, path: r.path, body: r.body, headers: { ...req.headers, cookie: pick(sessions[kind.role]), "content-type": "application/json" } };
      },
      onResponse: (status: number, body: string, context: Ctx) => {
        const ms = performance.now() - (context.started ?? performance.now());
        const name = context.kind ?? "?";
        (samples.get(name) ?? samples.set(name, []).get(name)!).push(ms);
        const claim = context.claim;
        if (claim) {
          claim.busy = false;
          // A save that changed something bumps the version; one that did not leaves it.
          if (status === 200 && body.includes('"changed":true')) claim.version++;
        }
        if (status < 200 || status >= 300) failures.push({ kind: name, status, body: body.slice(0, 300) });
      },
    },
  ] as autocannon.Request[],
});
clearInterval(reportTimer);
while (reports.length < reportTurn) await new Promise((r) => setTimeout(r, 200));
const cpu = meter.between(cpuBefore, await meter.snapshot());
const loadAfter = loadAverage();
await meter.close();
await stopServer();
const reportFailures = reports.filter((r) => r.status < 200 || r.status >= 300).length;

const all = [...samples.values()].flat();
const byKind = [...samples.entries()].map(([name, s]) => ({ name, ...summarize(s) })).sort((a, b) => b.n - a.n);
const errors = result.errors + result.timeouts + result.non2xx + reportFailures;
const perRequest = (seconds: number) => Math.round((seconds * 1e5) / Math.max(1, result.requests.total)) / 100;
const summary = {
  claims: total,
  date: new Date().toISOString(),
  durationS: Number(values.duration),
  targetRate: Number(values.rate),
  connections: Number(values.connections),
  dbPoolMax: Number(values.pool),
  people: { agents: sessions.agent.length, supervisors: sessions.supervisor.length },
  requests: result.requests.total,
  rps: Math.round(result.requests.average),
  latency: { ...summarize(all), autocannonP99: result.latency.p99 },
  errors: { total: errors, non2xx: result.non2xx, socket: result.errors, timeouts: result.timeouts, sample: failures.slice(0, 5) },
  byKind,
  reports: reports.map((r) => ({ name: r.name, status: r.status, ms: Math.round(r.ms) })),
  cpu: { ...cpu, serverMsPerRequest: perRequest(cpu.serverS), postgresMsPerRequest: perRequest(cpu.postgresS), loadAverageBefore: loadBefore, loadAverageAfter: loadAfter },
};
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/load.json", `${JSON.stringify(summary, null, 2)}\n`);
const md = [
  `# Mixed HTTP load: ${total.toLocaleString("en-US")} claims on PostgreSQL (${summary.date})`,
  "",
  `${summary.people.agents} agents and ${summary.people.supervisors} supervisors signed in, ${summary.connections} connections, target ${summary.targetRate} req/s for ${summary.durationS} s, DB_POOL_MAX=${summary.dbPoolMax}.`,
  "",
  `**${summary.rps} req/s**, ${summary.requests} requests, ${errors} errors (non-2xx ${result.non2xx}, socket ${result.errors}, timeouts ${result.timeouts}); latency p50 ${summary.latency.p50} ms, p95 ${summary.latency.p95} ms, p99 ${summary.latency.p99} ms.`,
  "",
  "| request | n | p50 ms | p95 ms | p99 ms | max ms |",
  "|---|---:|---:|---:|---:|---:|",
  ...byKind.map((k) => `| ${k.name} | ${k.n} | ${k.p50} | ${k.p95} | ${k.p99} | ${k.max} |`),
  "",
  `CPU over the measured minute: server ${cpu.serverS} s (${summary.cpu.serverMsPerRequest} ms/request), its PostgreSQL backends ${cpu.postgresS} s (${summary.cpu.postgresMsPerRequest} ms/request), load driver ${cpu.driverS} s; load average ${loadBefore} before, ${loadAfter} after.`,
  "",
  `Beside the mix, a supervisor's 30-day report every ${values["report-every"]} s: ${summary.reports.map((r) => `${r.name.replace("reports.get", "")} ${r.ms} ms (${r.status})`).join(", ") || "none"}.`,
].join("\n");
writeFileSync("bench/results/load.md", `${md}\n`);
console.log(md);
if (failures.length) console.error("first failures:", failures.slice(0, 5));
