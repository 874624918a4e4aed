// npm run bench [-- --only queue,writes --summary-only]
// Every benchmark in sequence (each its own process, so one's warm caches and pools do not help the next),
// then bench/results/summary.{json,md}: each target, what was measured, pass or fail, and the machine.
// Needs BENCH_DATABASE_URL (a throwaway PostgreSQL, e.g. scripts/pg-throwaway.sh start /tmp/pg-bench 55440);
// the first run seeds it to 1,000,000 claims (~5 min on an idle machine). bench:client builds dist/, so take
// the e2e lock when others may be building: flock /tmp/e2e.lock npm run bench
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";

const { values } = parseArgs({ options: { only: { type: "string" }, "summary-only": { type: "boolean", default: false } } });
const all = ["policy", "queue", "writes", "export", "load", "client"] as const;
const chosen = values.only ? values.only.split(",") : [...all];
const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url && !values["summary-only"]) {
  console.error("npm run bench measures PostgreSQL: set BENCH_DATABASE_URL, e.g. from scripts/pg-throwaway.sh");
  process.exit(2);
}

const policyOut = "bench/results/policy.txt";
if (!values["summary-only"]) {
  for (const name of all.filter((n) => chosen.includes(n))) {
    console.error(`\n=== bench:${name} (${new Date().toISOString()}, load ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}) ===`);
    const run = spawnSync("node_modules/.bin/tsx", [...(name === "export" ? ["--expose-gc"] : []), `bench/${name}.bench.ts`], { stdio: ["ignore", name === "policy" ? "pipe" : "inherit", "inherit"], encoding: "utf8" });
    if (name === "policy") {
      process.stdout.write(run.stdout);
      writeFileSync(policyOut, run.stdout);
    }
    if (run.status !== 0) console.error(`bench:${name} failed (exit ${run.status}); the summary marks its lines as missing`);
  }
}

const read = <T>(file: string): T | null => (existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null);
type Stat = { p50: number; p95: number; p99: number };
type Line = { area: string; metric: string; target: string; measured: string; pass: boolean | null; at?: string };
const lines: Line[] = [];
const missing = (area: string, target: string) => lines.push({ area, metric: "—", target, measured: "not measured", pass: false });

const policyRate = existsSync(policyOut) ? Number(/([\d,]+) claims\/s/.exec(readFileSync(policyOut, "utf8"))?.[1]?.replace(/,/g, "")) : NaN;
if (Number.isFinite(policyRate)) lines.push({ area: "policy engine", metric: "claims evaluated per second (one core)", target: "≥ 50,000", measured: policyRate.toLocaleString("en-US"), pass: policyRate >= 50_000 });
else missing("policy engine", "≥ 50,000 claims/s");

const queue = read<{ claims: number; date: string; results: { name: string; server: Stat; rawSql: Stat; ratio: number }[] }>("bench/results/queue.json");
if (queue) {
  for (const r of queue.results) {
    const claimPage = r.name.startsWith("claim page");
    const target = claimPage ? "p95 < 15 ms" : r.name.startsWith("facet") ? "p95 < 25 ms (no ratio target)" : "p95 < 25 ms, ≤ 1.5× raw SQL";
    const pass = claimPage ? r.server.p95 < 15 : r.name.startsWith("facet") ? r.server.p95 < 25 : r.server.p95 < 25 && r.ratio <= 1.5;
    lines.push({ area: claimPage ? "claim page" : "queue", metric: r.name, target, measured: `p50 ${r.server.p50} · p95 ${r.server.p95} · p99 ${r.server.p99} ms · raw SQL p50 ${r.rawSql.p50} ms · ×${r.ratio}`, pass, at: queue.date });
  }
} else missing("queue", "p95 < 25 ms, ≤ 1.5× raw SQL");

const writes = read<{ date: string; results: { name: string; server: Stat }[] }>("bench/results/writes.json");
if (writes) {
  for (const r of writes.results) lines.push({ area: "writes", metric: r.name, target: "report (no target)", measured: `p50 ${r.server.p50} · p95 ${r.server.p95} · p99 ${r.server.p99} ms`, pass: null, at: writes.date });
} else missing("writes", "report");

const exp = read<{ at: string; claims: number; results: { format: string; seconds: number; rowsPerSecond: number; peakRssGrowthMb: number; status: string }[] }>("bench/results/export.json");
if (exp) {
  // Issue 6: a million claims in under 20 s, the server growing by less than 100 MB.
  for (const r of exp.results) {
    lines.push({
      area: "export",
      metric: `${r.format} of ${exp.claims.toLocaleString("en-US")} claims`,
      target: "< 20 s, RSS growth < 100 MB",
      measured: `${r.seconds} s (${r.rowsPerSecond.toLocaleString("en-US")} rows/s), RSS +${r.peakRssGrowthMb} MB`,
      pass: r.status === "done" && exp.claims >= 1_000_000 && r.seconds < 20 && r.peakRssGrowthMb < 100,
      at: exp.at,
    });
  }
} else missing("export", "< 20 s, RSS growth < 100 MB");

const load = read<{ date: string; rps: number; durationS: number; latency: Stat; errors: { total: number } }>("bench/results/load.json");
if (load) {
  lines.push({ area: "HTTP load", metric: `requests per second over ${load.durationS} s`, target: "≥ 300", measured: String(load.rps), pass: load.rps >= 300 && load.durationS >= 60, at: load.date });
  lines.push({ area: "HTTP load", metric: "errors (non-2xx, socket, timeouts)", target: "0", measured: String(load.errors.total), pass: load.errors.total === 0, at: load.date });
  lines.push({ area: "HTTP load", metric: "latency", target: "p99 < 150 ms", measured: `p50 ${load.latency.p50} · p95 ${load.latency.p95} · p99 ${load.latency.p99} ms`, pass: load.latency.p99 < 150, at: load.date });
} else missing("HTTP load", "≥ 300 req/s, 0 errors, p99 < 150 ms");

const client = read<{ date: string; budgetKb: number; bundles: { route: string; gzipKb: number; pass: boolean }[]; queueInteractiveMs: { median: number; p95: number; runs: number } }>("bench/results/client.json");
if (client) {
  for (const b of client.bundles) lines.push({ area: "client", metric: `initial JS ${b.route}`, target: `< ${client.budgetKb} KB gzip`, measured: `${b.gzipKb} KB`, pass: b.pass, at: client.date });
  lines.push({ area: "client", metric: "queue interactive (headless Chromium, median)", target: "report (no target)", measured: `${Math.round(client.queueInteractiveMs.median)} ms (p95 ${Math.round(client.queueInteractiveMs.p95)} ms, ${client.queueInteractiveMs.runs} runs)`, pass: null, at: client.date });
} else missing("client", "< 250 KB gzip per route");

let pgVersion = "unknown";
if (url) {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    pgVersion = (await c.query<{ v: string }>("select current_setting('server_version') v")).rows[0]!.v;
  } catch {
    // Summary-only on a machine without the database: the version stays unknown.
  } finally {
    await c.end().catch(() => {});
  }
}
const machine = {
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? "unknown",
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  postgres: pgVersion,
  loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
  commit: (() => {
    try {
      return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })(),
};
const failed = lines.filter((l) => l.pass === false).length;
const summary = { date: new Date().toISOString(), machine, claims: queue?.claims ?? null, passed: lines.filter((l) => l.pass === true).length, failed, lines };
writeFileSync("bench/results/summary.json", `${JSON.stringify(summary, null, 2)}\n`);
const mark = (p: boolean | null) => (p === null ? "—" : p ? "pass" : "**FAIL**");
const md = [
  `# Benchmark summary (${summary.date})`,
  "",
  `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}, PostgreSQL ${machine.postgres}, commit ${machine.commit}; load average at the end ${machine.loadAverage.join(" / ")}.` +
    ` Other engineers share these cores, so the per-file results record when each was taken.`,
  "",
  `${summary.passed} targets met, ${failed} missed.`,
  "",
  "| area | what | target | measured | result |",
  "|---|---|---|---|---|",
  ...lines.map((l) => `| ${l.area} | ${l.metric} | ${l.target} | ${l.measured} | ${mark(l.pass)} |`),
].join("\n");
writeFileSync("bench/results/summary.md", `${md}\n`);
console.log(md);
process.exit(failed ? 1 : 0);
