// npm run bench:client [-- --runs 10 --port 4182 --no-build]
// 1. Initial JS per route from Vite's manifest: the entry, the layout (signed-in pages) and the route's own
//    chunk with everything they import statically, each file gzipped. Budget: 250 KB gzip per route.
// 2. Time until the queue is interactive in headless Chromium: from navigation start until the first row is
//    visible and the search box takes input; median of N cold loads (fresh browser context each), on the
//    production server with an embedded demo database.
// It builds into its own directory (under the system temp dir) and serves that with the production app code, so it
// neither needs nor disturbs the dist/ that end-to-end runs serve.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../e2e/chromium.ts";
import { paths } from "../client/lib/paths.ts";
import { summarize } from "./stats.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "10" }, port: { type: "string", default: "4182" }, "no-build": { type: "boolean", default: false } } });
const runs = Number(values.runs);
const port = Number(values.port);
const BUDGET_KB = 250;

const outDir = join(tmpdir(), "claimdesk-bench-client-dist");
if (!values["no-build"]) execFileSync("node_modules/.bin/vite", ["build", "--outDir", outDir, "--emptyOutDir"], { stdio: ["ignore", "ignore", "inherit"] });

type Chunk = { file: string; imports?: string[]; isEntry?: boolean };
const manifest = JSON.parse(readFileSync(join(outDir, ".vite/manifest.json"), "utf8")) as Record<string, Chunk>;
const gz = new Map<string, number>();
const gzipKb = (file: string) => {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length / 1024);
  return gz.get(file)!;
};
/** A chunk and, transitively, every chunk it imports statically (what the browser fetches before it runs). */
function closure(key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
  into.add(key);
  for (const k of chunk.imports ?? []) closure(k, into);
  return into;
}
const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
const layout = "app/routes/layout.tsx";
/**
 * Every route of the app's router, read from its source so a new page is measured without anyone listing it:
 * top-level routes (sign-in, set-password) load without the layout, the layout's children with it.
 */
function appRoutes(): [string, string, boolean][] {
  const source = readFileSync("client/app/router.tsx", "utf8");
  const found: [string, string, boolean][] = [];
  for (const m of source.matchAll(/path: (?:paths\.(\w+)|"([^"]+)"), lazy: page\(\(\) => import\("\.\/(routes\/[\w-]+\.tsx)"\)\)/g)) {
    const [, named, literal, file] = m;
    const path = named ? paths[named as keyof typeof paths] : literal!;
    if (typeof path !== "string") throw new Error(`paths.${named} is not a plain path`);
    const key = `app/${file}`;
    if (key !== layout) found.push([path.startsWith("/") ? path : `/${path}`, key, !path.startsWith("/")]);
  }
  if (found.length < 10) throw new Error(`only ${found.length} routes found in client/app/router.tsx: has its shape changed?`);
  return found;
}
const routes = appRoutes();
const bundles = routes.map(([path, key, signedIn]) => {
  const keys = closure(entryKey);
  if (signedIn) closure(layout, keys);
  closure(key, keys);
  const files = [...keys].map((k) => manifest[k]!.file);
  const kb = Math.round(files.reduce((s, f) => s + gzipKb(f), 0) * 10) / 10;
  const largest = files.map((f) => ({ file: f, kb: Math.round(gzipKb(f) * 10) / 10 })).sort((a, b) => b.kb - a.kb).slice(0, 3);
  return { route: path, chunks: files.length, gzipKb: kb, pass: kb < BUDGET_KB, largest };
});
for (const b of bundles) console.error(`${b.route.padEnd(26)} ${String(b.chunks).padStart(3)} chunks ${b.gzipKb.toFixed(1).padStart(7)} KB gzip ${b.pass ? "ok" : "OVER"}`);

// Time to an interactive queue on the production server (embedded demo database, 2,000 claims).
const dataDir = mkdtempSync(join(tmpdir(), "bench-client-"));
const server = spawn("node_modules/.bin/tsx", ["bench/client-server.ts"], {
  env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, STATIC_DIR: outDir, PORT: String(port), SEED_CLAIMS: "2000" },
  stdio: ["ignore", "ignore", "inherit"],
});
process.on("exit", () => {
  if (server.exitCode === null) server.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  if (server.exitCode !== null) throw new Error("the server exited during start-up");
  if (await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)) break;
  if (i > 240) throw new Error("the server did not answer /health within 120 s");
  await new Promise((r) => setTimeout(r, 500));
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const login = await browser.newContext({ baseURL: base });
const signIn = await login.newPage();
await signIn.goto("/sign-in");
await signIn.getByLabel("E-mail").fill("agent@claimdesk.test");
await signIn.getByLabel("Password").fill("agent-demo-2026");
await signIn.getByRole("button", { name: "Sign in" }).click();
await signIn.getByRole("heading", { name: "Claims" }).waitFor();
const storageState = await login.storageState();
await login.close();

const samples: number[] = [];
for (let i = 0; i < runs + 1; i++) {
  const context = await browser.newContext({ baseURL: base, storageState });
  const page = await context.newPage();
  await page.goto("/queue", { waitUntil: "commit" });
  // performance.now() counts from navigation start; polled every animation frame.
  const ms = await page.waitForFunction(
    () => {
      const row = document.querySelector("table tbody tr td");
      const search = document.querySelector<HTMLInputElement>('input[aria-label="Search claims"]');
      const visible = row instanceof HTMLElement && row.offsetParent !== null && row.getBoundingClientRect().height > 0;
      return visible && search && !search.disabled && !search.readOnly ? performance.now() : false;
    },
    undefined,
    { polling: "raf", timeout: 30_000 },
  );
  const value = (await ms.jsonValue()) as number;
  // It really takes input: type into the search box and read it back.
  await page.getByLabel("Search claims").fill("clm");
  if ((await page.getByLabel("Search claims").inputValue()) !== "clm") throw new Error("the search box did not take input");
  if (i > 0) samples.push(value); // the first load warms the server, not the browser
  await context.close();
}
await browser.close();
await new Promise<void>((resolve) => {
  server.once("exit", () => resolve());
  server.kill("SIGTERM");
});
const interactive = summarize(samples);
console.error(`queue interactive: median ${interactive.p50.toFixed(0)} ms over ${samples.length} cold loads`);

const summary = { date: new Date().toISOString(), budgetKb: BUDGET_KB, bundles, queueInteractiveMs: { median: interactive.p50, ...interactive, runs: samples.length } };
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/client.json", `${JSON.stringify(summary, null, 2)}\n`);
const md = [
  `# Client: initial JS per route and time to an interactive queue (${summary.date})`,
  "",
  `Queue interactive (navigation start → first row visible and search box takes input, headless Chromium, cold context, median of ${samples.length}): **${interactive.p50.toFixed(0)} ms** (p95 ${interactive.p95.toFixed(0)} ms).`,
  "",
  `| route | chunks | initial JS KB gzip | budget ${BUDGET_KB} KB | largest chunks |`,
  "|---|---:|---:|---|---|",
  ...bundles.map((b) => `| ${b.route} | ${b.chunks} | ${b.gzipKb} | ${b.pass ? "pass" : "**over**"} | ${b.largest.map((l) => `${l.file.replace("assets/", "")} ${l.kb}`).join(", ")} |`),
].join("\n");
writeFileSync("bench/results/client.md", `${md}\n`);
console.log(md);
