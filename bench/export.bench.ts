// npm run bench:export [-- --claims 1000000 --formats csv,xlsx --query closed=1]
// Downloads the claims export (all claims, closed included) over real HTTP from the app running in this
// process on PostgreSQL to curl in another process, as CSV and as XLSX: rows per second and how far the
// server process's RSS grew above where it stood before the download (sampled every 50 ms).
import { mkdirSync, writeFileSync } from "node:fs";
import { execFile } from "node:child_process";
import type { AddressInfo } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import { performance as nodePerformance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { desc } from "drizzle-orm";
import { buildApp } from "../server/app.ts";
import { createSession } from "../server/auth/sessions.ts";
import { exportRuns } from "../server/db/schema/index.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { demo, sessionUserByEmail } from "../server/test/callers.ts";

// --query narrows the export (the queue's URL parameters), e.g. "closed=1&from=2026-01-01&to=2026-03-31" to profile a slice.
const { values } = parseArgs({ options: { claims: { type: "string", default: "1000000" }, query: { type: "string", default: "closed=1" }, formats: { type: "string", default: "csv,xlsx" } } });
const target = Number(values.claims);
const { database, total } = await openBenchDatabase("bench:export", target);

const app = await buildApp({ database, sessionTtlHours: 1, cookieSecure: false });
await app.listen({ port: 0, host: "127.0.0.1" });
const { port } = app.server.address() as AddressInfo;
const supervisor = await sessionUserByEmail(database.db, demo.supervisor);
const { token } = await createSession(database.db, { userId: supervisor.id, ttlHours: 1, now: new Date() });

/**
 * The download runs in another process (curl), as a browser would: received buffers in this process would
 * count against the server's memory, which is what the bound is about.
 */
function download(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(
      "curl",
      ["-sS", "--fail", "-o", "/dev/null", "-w", "%{size_download}", "-H", `cookie: cd_session=${token}`, `http://127.0.0.1:${port}${path}`],
      { maxBuffer: 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(Number(stdout))),
    );
  });
}

type Result = { format: string; rows: number; bytes: number; seconds: number; cpuSeconds: number; mainThreadBusy: number; rowsPerSecond: number; peakRssGrowthMb: number; status: string };
const results: Result[] = [];
for (const format of values.formats.split(",")) {
  global.gc?.();
  await new Promise((r) => setTimeout(r, 500));
  const base = process.memoryUsage().rss;
  let peak = base;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed + m.external);
  }, 50);
  const started = performance.now();
  // This process's CPU time (server and download together): on a busy machine wall time says more about the neighbours.
  const cpu = process.cpuUsage();
  // How busy the main thread was (formatting, the driver's parsing): near 1 means it, not the pool or the database, sets the pace.
  const loop = nodePerformance.eventLoopUtilization();
  const bytes = await download(`/api/exports/claims.${format}?${values.query}`);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = Math.round((used.user + used.system) / 1e4) / 100;
  const mainThreadBusy = Math.round(nodePerformance.eventLoopUtilization(loop).utilization * 100) / 100;
  clearInterval(sampler);
  // The run is booked just after the last byte leaves, so curl can be done a moment before it.
  let [run] = await database.db.select().from(exportRuns).orderBy(desc(exportRuns.id)).limit(1);
  for (let i = 0; i < 100 && run?.status === "running"; i++) {
    await new Promise((r) => setTimeout(r, 50));
    [run] = await database.db.select().from(exportRuns).orderBy(desc(exportRuns.id)).limit(1);
  }
  const r = { format, rows: run!.rowCount, bytes, seconds: Math.round(seconds * 100) / 100, cpuSeconds, mainThreadBusy, rowsPerSecond: Math.round(run!.rowCount / seconds), peakRssGrowthMb: Math.round((peak - base) / 1048576), status: run!.status };
  results.push(r);
  console.error(`${format.padEnd(5)} ${r.rows} rows ${(bytes / 1048576).toFixed(1)} MB in ${r.seconds}s (${r.cpuSeconds}s CPU, main thread ${Math.round(r.mainThreadBusy * 100)}% busy): ${r.rowsPerSecond} rows/s, peak RSS +${r.peakRssGrowthMb} MB, peak heap+external ${Math.round(peakHeap / 1048576)} MB (${r.status})`);
}

await app.close();
await database.close();
mkdirSync("bench/results", { recursive: true });
const meta = { claims: total, node: process.version, cores: availableParallelism(), loadAverage: loadavg()[0] ?? 0, at: new Date().toISOString() };
writeFileSync("bench/results/export.json", `${JSON.stringify({ ...meta, results }, null, 2)}\n`);
writeFileSync(
  "bench/results/export.md",
  [
    `# Claims export over HTTP at ${total.toLocaleString("en-US")} claims (PostgreSQL, ${meta.node}, ${meta.at})`,
    "",
    `${meta.cores} cores, load average ${meta.loadAverage.toFixed(1)} at the end of the run.`,
    "",
    "| format | rows | MB | seconds | CPU seconds | main thread busy | rows/s | peak RSS growth (MB) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map((r) => `| ${r.format} | ${r.rows} | ${(r.bytes / 1048576).toFixed(1)} | ${r.seconds} | ${r.cpuSeconds} | ${Math.round(r.mainThreadBusy * 100)}% | ${r.rowsPerSecond} | ${r.peakRssGrowthMb} |`),
    "",
  ].join("\n"),
);
