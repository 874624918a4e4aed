import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

// The real server as a child process (what production runs), plus a tRPC client small enough to tell
// "answered" from "the connection died", which is all the crash, outage and shutdown tests need.

const root = path.resolve(import.meta.dirname, "..");

export type ServerEnv = { port: number; dataDir: string; databaseUrl?: string; extra?: Record<string, string> };

export type RunningServer = { proc: ChildProcess; url: string; exited: Promise<number | null>; output: () => string };

export function startServer(env: ServerEnv): RunningServer {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: String(env.port),
    DATA_DIR: env.dataDir,
    DATABASE_URL: env.databaseUrl,
    SEED_DEMO: "false",
    RUN_JOBS: "false",
    LOG_LEVEL: "warn",
    ...env.extra,
  };
  if (!env.databaseUrl) delete childEnv.DATABASE_URL;
  // node with tsx's loader in-process, not the tsx CLI (which runs the server in a second process that a
  // SIGKILL of the CLI would leave running): the pid we signal is the server itself.
  const proc = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { cwd: root, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  proc.stdout!.on("data", (d) => (out = (out + d).slice(-20_000)));
  proc.stderr!.on("data", (d) => (out = (out + d).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { proc, url: `http://127.0.0.1:${env.port}`, exited, output: () => out };
}

/** Resolves once /health answers 200; fails with the server's own output if it died or never came up. */
export async function waitHealthy(server: RunningServer, timeoutMs = 90_000): Promise<number> {
  const started = Date.now();
  let dead = false;
  void server.exited.then(() => (dead = true));
  while (Date.now() - started < timeoutMs) {
    if (dead) throw new Error(`server exited before it was healthy:\n${server.output()}`);
    try {
      const res = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${server.output()}`);
}

export async function kill(server: RunningServer, signal: NodeJS.Signals = "SIGKILL"): Promise<number | null> {
  server.proc.kill(signal);
  return server.exited;
}

export type CallResult =
  | { kind: "ok"; data: any } // eslint-disable-line @typescript-eslint/no-explicit-any
  | { kind: "error"; status: number; code: string; message: string }
  /** No answer: refused, reset or timed out. The change may or may not have committed. */
  | { kind: "lost"; reason: string };

export async function callTrpc(base: string, procedure: string, type: "query" | "mutation", input: unknown, token: string, timeoutMs = 15_000): Promise<CallResult> {
  const envelope = JSON.stringify({ json: input ?? null });
  const init: RequestInit = {
    method: type === "query" ? "GET" : "POST",
    headers: { cookie: `cd_session=${token}`, ...(type === "mutation" ? { "content-type": "application/json" } : {}) },
    body: type === "mutation" ? envelope : undefined,
    signal: AbortSignal.timeout(timeoutMs),
  };
  const url = `${base}/trpc/${procedure}${type === "query" ? `?input=${encodeURIComponent(envelope)}` : ""}`;
  try {
    const res = await fetch(url, init);
    const body = (await res.json()) as { result?: { data: { json: unknown } }; error?: { json: { message: string; data: { code: string } } } };
    if (res.ok && body.result) return { kind: "ok", data: body.result.data.json };
    return { kind: "error", status: res.status, code: body.error?.json.data.code ?? "UNKNOWN", message: body.error?.json.message ?? "" };
  } catch (error) {
    return { kind: "lost", reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
