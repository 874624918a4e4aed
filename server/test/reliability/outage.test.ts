import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkInvariants, type Ack } from "../../../scripts/crash-test-checks.ts";
import { callTrpc, kill, startServer, waitHealthy, type RunningServer } from "../../../scripts/crash-test-server.ts";
import { prepare } from "../../../scripts/crash-test.ts";
import { openDatabase } from "../../db/client.ts";
import { testDbKind } from "../database.ts";

// PostgreSQL stops under load: the server must answer 503 with a clear message (never a 500 or a hang), say so on
// /health, serve again by itself once the database is back, and leave nothing half-written. It needs a cluster
// it may stop, so it starts its own (scripts/pg-throwaway.sh); vitest.config.ts includes it once, in the
// PostgreSQL project when there is one, else in the PGlite one, and only where the PostgreSQL binaries exist.

const root = path.resolve(import.meta.dirname, "../../..");
const script = path.join(root, "scripts/pg-throwaway.sh");

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

describe("database outage", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "claimdesk-outage-"));
  let server: RunningServer | undefined;
  afterAll(async () => {
    if (server) await kill(server, "SIGTERM");
    execFileSync(script, ["stop", dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers 503 with a clear message while PostgreSQL is down and recovers by itself", async () => {
    const pgPort = await freePort();
    const url = execFileSync(script, ["start", dir, String(pgPort)]).toString().trim();
    const dataDir = path.join(dir, "app");
    const { numbers, agent } = await prepare({ claims: 4, databaseUrl: url }, dataDir);
    server = startServer({ port: 4194 + (testDbKind === "postgres" ? 1 : 0), dataDir, databaseUrl: url });
    await waitHealthy(server);
    const base = server.url;

    // Writes in flight across the stop: each is either acknowledged (and must be there) or refused whole.
    const acks: Ack[] = [];
    const statuses: number[] = [];
    let running = true;
    const writer = (async () => {
      for (let i = 0; running; i++) {
        const { number, lineId } = numbers[i % numbers.length]!;
        const claim = await callTrpc(base, "claims.getClaim", "query", { number }, agent, 5000);
        if (claim.kind !== "ok") {
          if (claim.kind === "error") statuses.push(claim.status);
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        const reason = `outage-${i}`;
        const res = await callTrpc(base, "resolution.gradeClaimLine", "mutation", { number, version: claim.data.version, claimLineId: lineId, grade: i % 2 ? "high" : "medium", gradeReason: reason }, agent, 5000);
        if (res.kind === "ok" && res.data.changed) acks.push({ kind: "grade", number, reason });
        if (res.kind === "error") statuses.push(res.status);
        if (res.kind === "lost") statuses.push(0);
      }
    })();
    await new Promise((r) => setTimeout(r, 1500));

    execFileSync(script, ["stop", dir]);
    const down = await callTrpc(base, "claims.listClaims", "query", {}, agent, 10_000);
    expect(down).toMatchObject({ kind: "error", status: 503, code: "SERVICE_UNAVAILABLE", message: "The database is unavailable; try again shortly." });
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "unavailable" });
    await new Promise((r) => setTimeout(r, 1000));

    execFileSync(script, ["start", dir, String(pgPort)]);
    const backFrom = Date.now();
    let back = await callTrpc(base, "claims.listClaims", "query", {}, agent, 10_000);
    while (back.kind !== "ok" && Date.now() - backFrom < 30_000) {
      await new Promise((r) => setTimeout(r, 200));
      back = await callTrpc(base, "claims.listClaims", "query", {}, agent, 10_000);
    }
    expect(back.kind).toBe("ok");
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ackedBeforeRecovery = acks.length;
    await new Promise((r) => setTimeout(r, 1000));
    running = false;
    await writer;

    console.log(`outage: recovered ${Date.now() - backFrom} ms after restart; answers while down: ${[...new Set(statuses)].join(", ")}`);
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(statuses).not.toContain(0);
    expect(acks.length).toBeGreaterThan(ackedBeforeRecovery);
    const database = await openDatabase({ url });
    try {
      expect(await checkInvariants(database.db, acks)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 300_000);
});
