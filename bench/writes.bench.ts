// npm run bench:writes [-- --claims 1000000 --runs 50]
// The write paths people press all day, through the real tRPC router on claims of the N-claim set:
// take-next, a grading save, a supervisor's refund approval. Each timed call is the whole procedure
// (its transaction, row lock, events and policy re-evaluation); set-up and clean-up stay outside the timing.
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { editableStatuses } from "../shared/schemas/resolution.ts";
import { callersFor } from "../server/test/callers.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { summarize } from "./stats.ts";

const { values } = parseArgs({ options: { claims: { type: "string", default: "1000000" }, runs: { type: "string", default: "50" } } });
const target = Number(values.claims);
const runs = Number(values.runs);
const warmup = 3;
const { database, total } = await openBenchDatabase("bench:writes", target);
const db = database.db;
// Real time, like the HTTP layer: deadlines and policy windows are judged against today.
const c = await callersFor(db);

type Row = { name: string; who: string; server: ReturnType<typeof summarize>; note?: string };
const results: Row[] = [];

async function timed(n: number, step: (i: number) => Promise<{ call: () => Promise<unknown>; after?: () => Promise<unknown> }>) {
  const out: number[] = [];
  for (let i = 0; i < n + warmup; i++) {
    const { call, after } = await step(i);
    const t = performance.now();
    await call();
    const ms = performance.now() - t;
    if (i >= warmup) out.push(ms);
    await after?.();
  }
  return summarize(out);
}

function report(row: Row) {
  results.push(row);
  console.error(`${row.name.padEnd(34)} ${row.who.padEnd(10)} p50 ${row.server.p50.toFixed(2).padStart(7)} p95 ${row.server.p95.toFixed(2).padStart(7)} p99 ${row.server.p99.toFixed(2).padStart(7)} ms`);
}

const version = async (number: string) =>
  Number((await db.execute<{ v: number }>(sql`select version v from claims where number = ${number}`)).rows[0]!.v);

// Take-next: the agent takes the most urgent unassigned open claim of their stores, then hands it back
// (untimed), so every run walks the same 1M-row queue instead of draining it.
report({
  name: "take-next",
  who: "agent",
  server: await timed(runs, async () => {
    let taken: { number: string; version: number } | null = null;
    return {
      call: async () => (taken = await c.agent.workflow.takeNextClaim()),
      after: async () => taken && c.agent.workflow.assignClaim({ number: taken.number, version: taken.version, assigneeId: null }),
    };
  }),
});

// Open, editable claims of the agent's stores with at least one line, picked across the set.
const editable = sql.raw(editableStatuses.map((s) => `'${s}'`).join(", "));
const candidates = (
  await db.execute<{ number: string; line_id: number; store_id: string; reason: string }>(sql`
    select c.number, min(l.id)::int line_id, c.store_id, c.reason
    from claims c join claim_lines l on l.claim_id = c.id
    where c.status in (${editable}) and c.store_id in ('kinetic', 'layerworks', 'atelier')
    group by c.id order by c.id desc limit 2000`)
).rows;

// Grading save: alternating grades on the same line, so each save is a real change (event, re-evaluation).
const graded: { number: string; lineId: number }[] = [];
for (const cand of candidates) {
  if (graded.length >= 20) break;
  try {
    await c.agent.resolution.gradeClaimLine({ number: cand.number, version: await version(cand.number), claimLineId: cand.line_id, grade: "high" });
    graded.push({ number: cand.number, lineId: cand.line_id });
  } catch {
    // Lines this store's grading does not accept as they stand; try the next claim.
  }
}
if (graded.length === 0) throw new Error("no gradable claim found in the set");
report({
  name: "grading save",
  who: "agent",
  server: await timed(runs, async (i) => {
    const g = graded[i % graded.length]!;
    const input = { number: g.number, version: await version(g.number), claimLineId: g.lineId, grade: Math.floor(i / graded.length) % 2 ? ("high" as const) : ("medium" as const) };
    return { call: () => c.agent.resolution.gradeClaimLine(input) };
  }),
});

// Approval: pending refunds proposed by the agent through the services on claims of the set, then
// approved one by one by the supervisor (X3: never by the proposer).
const proposals: { refundId: number; idempotencyKey: string }[] = [];
const usedForGrading = new Set(graded.map((g) => g.number));
for (const cand of candidates) {
  if (proposals.length >= runs + warmup) break;
  if (usedForGrading.has(cand.number)) continue;
  const idempotencyKey = randomUUID();
  const ref = { number: cand.number, version: await version(cand.number) };
  // The policy's own amount first; an agent's amount only where the policy leaves it to them (A1, A6).
  const tries = [["full_refund"], ["partial_refund"], ["partial_refund", 500], ["keep_with_compensation", 500]] as const;
  for (const [option, amountCents] of tries) {
    try {
      const p = await c.agent.resolution.proposeRefund({ ...ref, option, amountCents, note: "Benchmark proposal, amount agreed by phone.", idempotencyKey });
      proposals.push({ refundId: p.refundId, idempotencyKey });
      break;
    } catch {
      // Not offered for this claim (policy verdict, reason, grade): try the next option or claim.
    }
  }
}
if (proposals.length <= warmup) throw new Error(`only ${proposals.length} refund proposals could be made on this set`);
if (proposals.length < runs + warmup) console.error(`only ${proposals.length} refund proposals could be made`);
report({
  name: "refund approval",
  who: "supervisor",
  server: await timed(Math.max(0, proposals.length - warmup), async (i) => {
    const p = proposals[i]!;
    return { call: () => c.supervisor.approvals.approveRefund({ refundId: p.refundId, idempotencyKey: p.idempotencyKey, comment: "Benchmark approval." }) };
  }),
  note: `${proposals.length} proposals made in set-up`,
});

const summary = { claims: total, runs, date: new Date().toISOString(), results };
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/writes.json", `${JSON.stringify(summary, null, 2)}\n`);
const md = [
  `# Write paths: ${total.toLocaleString("en-US")} claims on PostgreSQL (${runs} runs each, ${summary.date})`,
  "",
  "| scenario | role | p50 ms | p95 ms | p99 ms |",
  "|---|---|---:|---:|---:|",
  ...results.map((r) => `| ${r.name} | ${r.who} | ${r.server.p50} | ${r.server.p95} | ${r.server.p99} |`),
].join("\n");
writeFileSync("bench/results/writes.md", `${md}\n`);
console.log(md);
await database.close();
