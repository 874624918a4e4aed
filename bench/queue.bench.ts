// npm run bench:queue [-- --claims 1000000 --runs 50]
// Queue and claim-page latency through the real tRPC router at N claims on PostgreSQL, next to the same
// SQL statements replayed straight through the driver in the same run (the database's own speed).
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { ListClaimsInput } from "../shared/schemas/claim-queue.ts";
import { cappedCountMemo } from "../server/services/capped-counts.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { callerFor, demo, sessionUserByEmail } from "../server/test/callers.ts";
import { summarize } from "./stats.ts";

const { values } = parseArgs({ options: { claims: { type: "string", default: "1000000" }, runs: { type: "string", default: "50" } } });
const target = Number(values.claims);
const runs = Number(values.runs);
// Every page counts its total here, as on a filter's first load: the server's reuse of "10,000+" for a few
// seconds would otherwise drop the count from the measured side only.
cappedCountMemo.enabled = false;
let capture: { query: string; params: unknown[] }[] | null = null;
const { database, total } = await openBenchDatabase("bench:queue", target, { onQuery: (query, params) => capture?.push({ query, params }) });
const pool = database.pool!;

const users = {
  agent: await sessionUserByEmail(database.db, demo.agent),
  supervisor: await sessionUserByEmail(database.db, demo.supervisor),
  admin: await sessionUserByEmail(database.db, demo.admin),
};
type Who = keyof typeof users;
const callers = { agent: callerFor(database.db, users.agent), supervisor: callerFor(database.db, users.supervisor), admin: callerFor(database.db, users.admin) };

async function captured(fn: () => Promise<unknown>) {
  capture = [];
  await fn();
  const statements = capture;
  capture = null;
  return statements;
}

type Row = {
  name: string;
  who: Who;
  server: ReturnType<typeof summarize>;
  rawSql?: ReturnType<typeof summarize>;
  ratio?: number;
  /** This process's CPU per request (ms): what the server adds to the SQL shows here even on a busy machine, where wall-clock ratios wander. */
  nodeCpuMs?: { server: number; rawSql: number };
};
const results: Row[] = [];

/**
 * The router and the raw SQL taken in turns, first one then the other leading: a burst of someone else's
 * work on these shared cores falls on both sides alike instead of on whichever block of 50 it hit, which
 * moved the ratio of a 2 ms query by ±0.5 from one run to the next.
 */
async function timedPair(server: () => Promise<unknown>, raw: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await server(), await raw();
  const sides = [server, raw].map((fn) => ({ fn, samples: [] as number[], cpuMicros: 0 }));
  for (let i = 0; i < runs; i++) {
    for (const side of i % 2 ? [sides[1]!, sides[0]!] : sides) {
      const cpu = process.cpuUsage();
      const t = performance.now();
      await side.fn();
      side.samples.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      side.cpuMicros += used.user + used.system;
    }
  }
  const result = (s: (typeof sides)[number]) => ({ stats: summarize(s.samples), cpuMs: Math.round((s.cpuMicros / 1000 / runs) * 1000) / 1000 });
  return [result(sides[0]!), result(sides[1]!)] as const;
}

async function measure(name: string, who: Who, call: () => Promise<unknown>) {
  const statements = await captured(call);
  const [server, rawSql] = await timedPair(call, () => Promise.all(statements.map((s) => pool.query(s.query, s.params as unknown[]))));
  const row = { name, who, server: server.stats, rawSql: rawSql.stats, ratio: Math.round((server.stats.p50 / rawSql.stats.p50) * 100) / 100, nodeCpuMs: { server: server.cpuMs, rawSql: rawSql.cpuMs } };
  results.push(row);
  console.error(
    `${name.padEnd(44)} ${who.padEnd(10)} p50 ${row.server.p50.toFixed(2).padStart(7)} p95 ${row.server.p95.toFixed(2).padStart(7)} p99 ${row.server.p99.toFixed(2).padStart(7)} ms | raw p50 ${row.rawSql.p50.toFixed(2).padStart(7)} | ×${row.ratio} | node cpu ${server.cpuMs.toFixed(2)} vs ${rawSql.cpuMs.toFixed(2)} ms`,
  );
}

const list = (who: Who, input: ListClaimsInput) => () => callers[who].claims.listClaims(input);
const sorts = ["dueAt", "number", "createdAt", "updatedAt", "priority", "status", "store", "reason"] as const;
for (const sortBy of sorts) {
  for (const sortOrder of ["asc", "desc"] as const) await measure(`queue sort ${sortBy} ${sortOrder}`, "agent", list("agent", { sortBy, sortOrder }));
}
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const sample = (await callers.admin.claims.listClaims({ filters: { includeClosed: true }, sortBy: "createdAt", sortOrder: "desc", pageSize: 25 })).rows[7]!;
const filters: [string, Who, ListClaimsInput][] = [
  ["queue default (open, due first)", "supervisor", {}],
  ["queue all stores incl. closed", "admin", { filters: { includeClosed: true }, sortBy: "createdAt", sortOrder: "desc" }],
  ["filter status in_review", "agent", { filters: { status: ["in_review"] } }],
  ["filter store kinetic", "agent", { filters: { store: ["kinetic"] } }],
  ["filter reason quality_defect", "agent", { filters: { reason: ["quality_defect"] } }],
  ["filter priority urgent", "agent", { filters: { priority: ["urgent"] } }],
  ["view unassigned", "agent", { filters: { assignee: ["unassigned"] } }],
  ["view my claims", "agent", { filters: { assignee: ["me"] } }],
  ["view due today", "agent", { filters: { due: "today" } }],
  ["view overdue", "agent", { filters: { due: "overdue" } }],
  ["filter due in 7 days", "agent", { filters: { due: "next7" } }],
  ["filter no due date", "agent", { filters: { due: "none" } }],
  ["filter assignee (a colleague)", "supervisor", { filters: { assignee: [String(users.agent.id)] } }],
  ["filter status awaiting_evidence, closed too", "agent", { filters: { status: ["awaiting_evidence", "closed"] } }],
  ["filter reported last 30 days (report slice)", "supervisor", { filters: { reportedFrom: isoDay(-29), reportedTo: isoDay(0), includeClosed: true } }],
  ["filter age 8-14 days", "supervisor", { filters: { age: "8-14" } }],
  ["filter age 30+ days", "supervisor", { filters: { age: "30+" } }],
  ["closed included, due first", "agent", { filters: { includeClosed: true } }],
  ["my claims, priority first", "agent", { filters: { assignee: ["me"] }, sortBy: "priority", sortOrder: "desc" }],
  ["unassigned, urgent+high, overdue", "agent", { filters: { assignee: ["unassigned"], priority: ["urgent", "high"], due: "overdue" } }],
  ["search claim number", "admin", { filters: { q: sample.number, includeClosed: true } }],
  ["search customer e-mail", "admin", { filters: { q: sample.customerEmail, includeClosed: true } }],
  ["search customer last name", "admin", { filters: { q: sample.customerName.split(" ")[1]!.toLowerCase(), includeClosed: true } }],
  ["combined status+store+priority", "supervisor", { filters: { status: ["in_review", "awaiting_evidence"], store: ["everyday"], priority: ["high", "urgent"] } }],
  ["page 20 of the open queue", "supervisor", { page: 20 }],
];
for (const [name, who, input] of filters) await measure(name, who, list(who, input));

await measure("facet counts (open queue)", "agent", () => callers.agent.claims.listClaimFacets({ filters: {} }));
await measure("facet counts (status + priority filtered)", "supervisor", () => callers.supervisor.claims.listClaimFacets({ filters: { status: ["in_review"], priority: ["urgent", "high"] } }));
await measure("facet counts (my claims)", "agent", () => callers.agent.claims.listClaimFacets({ filters: { assignee: ["me"] } }));
const open = (await callers.agent.claims.listClaims({ pageSize: 100 })).rows.map((r) => r.number);
let i = 0;
await measure("claim page (getClaim)", "agent", () => callers.agent.claims.getClaim({ number: open[i++ % open.length]! }));
await measure("claim page (evaluateClaim)", "agent", () => callers.agent.claims.evaluateClaim({ number: open[i++ % open.length]! }));

const queueRows = results.filter((r) => !r.name.startsWith("claim page") && !r.name.startsWith("facet"));
const worstP95 = Math.max(...queueRows.map((r) => r.server.p95));
const ratios = queueRows.map((r) => r.ratio!).sort((a, b) => a - b);
const summary = { claims: total, runs, date: new Date().toISOString(), queueWorstP95Ms: worstP95, queueMedianRatio: ratios[Math.floor(ratios.length / 2)], queueMaxRatio: ratios.at(-1), results };
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/queue.json", JSON.stringify(summary, null, 2));
const md = [
  `# Queue benchmark: ${total.toLocaleString("en-US")} claims on PostgreSQL (${runs} runs each, ${summary.date})`,
  "",
  `Worst queue p95 ${worstP95} ms; median ratio to raw SQL ×${summary.queueMedianRatio}, worst ×${summary.queueMaxRatio}.`,
  "",
  "| scenario | role | p50 ms | p95 ms | p99 ms | raw SQL p50 ms | ratio | node CPU ms/request (server / raw SQL) |",
  "|---|---|---:|---:|---:|---:|---:|---:|",
  ...results.map((r) => `| ${r.name} | ${r.who} | ${r.server.p50} | ${r.server.p95} | ${r.server.p99} | ${r.rawSql?.p50 ?? ""} | ${r.ratio ?? ""} | ${r.nodeCpuMs ? `${r.nodeCpuMs.server} / ${r.nodeCpuMs.rawSql}` : ""} |`),
].join("\n");
writeFileSync("bench/results/queue.md", `${md}\n`);
console.log(md);
await database.close();
