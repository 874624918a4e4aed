import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { decisionSchema } from "./index.ts";
import { facts } from "./test-kit.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const tsx = path.join(repoRoot, "node_modules/.bin/tsx");

function runCli(input: string) {
  const r = spawnSync(tsx, ["shared/policy/cli.ts"], { cwd: repoRoot, input, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("policy:eval CLI", () => {
  it("[X4] prints only the decision as JSON for a good request", () => {
    const request = { store: "kinetic", facts: facts({ evidence: [{ kind: "connection_video" }] }), now: "2025-06-01T00:00:00Z" };
    const r = runCli(JSON.stringify(request));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const decision = decisionSchema.parse(JSON.parse(r.stdout));
    expect(decision.eligibility).toBe("eligible");
    expect(decision.clauses).toContain("K2");
  });

  it("exits 2 naming the bad field and the unknown store", () => {
    const request = { store: "megastore", facts: { ...facts(), lines: [{ sku: "A", unitPriceCents: -5, quantity: 1 }] }, now: "2025-06-01T00:00:00Z" };
    const r = runCli(JSON.stringify(request));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("store: unknown store");
    expect(r.stderr).toContain("facts.lines[0].unitPriceCents");
  });

  it("exits 2 on input that is not JSON", () => {
    const r = runCli("{store: kinetic");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/invalid JSON/);
  });
});
