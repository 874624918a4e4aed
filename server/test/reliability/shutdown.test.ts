import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { kill, startServer, waitHealthy, type RunningServer } from "../../../scripts/crash-test-server.ts";
import { prepare } from "../../../scripts/crash-test.ts";
import { testDbKind } from "../database.ts";
import { scratchDatabase } from "./scratch-database.ts";

// SIGTERM (a deploy, a container stop) while a request is still arriving: that request completes, nobody new gets
// in, and the process exits 0 having closed the database cleanly.

const dataDir = mkdtempSync(path.join(os.tmpdir(), "claimdesk-shutdown-"));
let server: RunningServer | undefined;
let drop: (() => Promise<void>) | undefined;
afterAll(async () => {
  if (server && server.proc.exitCode === null) await kill(server, "SIGKILL");
  await drop?.();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A POST whose body arrives in two halves, `gapMs` apart: in flight for that long. */
function slowPost(port: number, urlPath: string, body: string, token: string, gapMs: number, afterFirstHalf: () => void) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: urlPath, method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), cookie: `cd_session=${token}` } },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d)).on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    afterFirstHalf();
    setTimeout(() => req.end(body.slice(half)), gapMs);
  });
}

const connects = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = http.get({ host: "127.0.0.1", port, path: "/health", agent: false }, () => resolve(true));
    s.on("error", () => resolve(false));
  });

describe("graceful shutdown", () => {
  it("drains the request in flight, refuses new connections and exits 0", async () => {
    const scratch = testDbKind === "postgres" ? await scratchDatabase(process.env.TEST_DATABASE_URL!, "shutdown") : null;
    drop = scratch?.drop;
    const { numbers, agent } = await prepare({ claims: 1, databaseUrl: scratch?.url }, dataDir);
    const port = 4196 + (testDbKind === "postgres" ? 1 : 0);
    server = startServer({ port, dataDir, databaseUrl: scratch?.url });
    await waitHealthy(server);
    const { number } = numbers[0]!;

    const body = JSON.stringify({ json: { number, version: 1, priority: "urgent" } });
    let refusedWhileDraining: boolean | undefined;
    const inFlight = slowPost(port, "/trpc/workflow.setClaimPriority", body, agent, 1500, () => {
      setTimeout(async () => {
        server!.proc.kill("SIGTERM");
        await new Promise((r) => setTimeout(r, 400));
        refusedWhileDraining = !(await connects(port));
      }, 200);
    });

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).result.data.json).toMatchObject({ priority: "urgent" });
    expect(refusedWhileDraining).toBe(true);
    expect(await server.exited).toBe(0);
    expect(server.output()).not.toMatch(/error|fatal/i);
  }, 180_000);
});
