import { describe, expect, it } from "vitest";
import { runCrashTest } from "../../../scripts/crash-test.ts";
import { testDbKind } from "../database.ts";
import { scratchDatabase } from "./scratch-database.ts";

// SIGKILL the real server mid-write three times; every acknowledged change must survive and nothing impossible
// may appear (scripts/crash-test.ts has the load and the invariants). Reproduce with CRASH_SEED=<seed>.

const seed = Number(process.env.CRASH_SEED ?? 20261123);

describe("crash safety", () => {
  it(`keeps every acknowledged change and no impossible state through SIGKILLs (${testDbKind}, seed ${seed})`, async () => {
    const scratch = testDbKind === "postgres" ? await scratchDatabase(process.env.TEST_DATABASE_URL!, "crash") : null;
    try {
      const report = await runCrashTest({ port: testDbKind === "postgres" ? 4193 : 4192, kills: 3, claims: 24, workers: 3, seed, databaseUrl: scratch?.url });
      console.log(`crash test (${report.database}): ${report.kills} kills, ${report.acks} acknowledged changes, ${report.lost} answers lost, restarts ${report.restartsMs.join("/")} ms`);
      expect(report.problems).toEqual([]);
      expect(report.acks).toBeGreaterThanOrEqual(9);
      expect(report.lost).toBeGreaterThan(0);
    } finally {
      await scratch?.drop();
    }
  }, 600_000);
});
