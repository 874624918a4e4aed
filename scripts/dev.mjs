// `npm run dev`: the API with reload (tsx watch) and Vite with HMR, proxying /trpc to it. Ctrl-C stops both.
import { spawn } from "node:child_process";

const procs = [
  spawn("node_modules/.bin/tsx", ["watch", "--clear-screen=false", "server/index.ts"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "development" } }),
  spawn("node_modules/.bin/vite", [], { stdio: "inherit" }),
];
const stop = () => procs.forEach((p) => p.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const p of procs) p.on("exit", (code) => { stop(); process.exitCode = code ?? 0; });
