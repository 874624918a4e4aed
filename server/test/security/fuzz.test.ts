import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createTestClaim, daysBefore } from "../../routers/resolution/test-claims.ts";
import { dataFingerprint, leakPatterns, openHttpHarness, trpcRequest, type HttpHarness } from "./http-harness.ts";
import { fuzzInput, hostileStrings, useHints } from "./json-schema-arbitrary.ts";
import { procedures, schemaOf } from "./procedure-schemas.ts";

// Every procedure's input fuzzed over HTTP as an admin with a confirmed second factor (the widest access):
// never a 5xx, never internals on the wire, and a refused request changes nothing.
// Reproduce a failure with FUZZ_SEED=<seed printed in the failure>; FUZZ_RUNS raises the runs per procedure.

const seed = Number(process.env.FUZZ_SEED ?? 20261123);
const numRuns = Number(process.env.FUZZ_RUNS ?? 6);

let h: HttpHarness;
let admin: string;
/** The data as the previous request left it: one fingerprint per request instead of two. */
let last = "";
beforeAll(async () => {
  h = await openHttpHarness();
  admin = await h.sessionFor("admin", { secondFactor: true });
  const numbers: string[] = [];
  for (const store of ["kinetic", "atelier"]) {
    const c = await createTestClaim(h.db, { store, reason: "quality_defect", lines: [{ sku: "FZ-1", unitPriceCents: 2500 }], reportedAt: daysBefore(new Date(), 1) });
    numbers.push(c.number);
  }
  useHints([
    { pattern: /CLM-/, values: numbers },
    { pattern: /^\^\[a-z\]\[a-z0-9_/, values: ["kinetic", "atelier", "chipyard", ...hostileStrings.slice(0, 3)] },
  ]);
});
afterAll(() => h.close());

function problemsWith(status: number, body: string): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`status ${status}`);
  for (const p of leakPatterns) if (p.test(body)) problems.push(`body matches ${p}`);
  return problems;
}

describe("fuzzing every procedure's input over HTTP", () => {
  it.each(procedures)("%s", async (path, def) => {
    const schema = schemaOf(def);
    await fc.assert(
      fc.asyncProperty(fuzzInput(schema), async (input) => {
        last ||= await dataFingerprint(h.database);
        const res = await h.app.inject(trpcRequest(path, def._def.type as "query" | "mutation", input, admin));
        const problems = problemsWith(res.statusCode, res.body);
        const after = await dataFingerprint(h.database);
        if (res.statusCode >= 400 && after !== last) problems.push(`refused with ${res.statusCode} but data changed`);
        last = after;
        if (problems.length) throw new Error(`${path} ${JSON.stringify(input)?.slice(0, 300)} → ${problems.join("; ")}: ${res.body.slice(0, 300)}`);
      }),
      { seed, numRuns, endOnFailure: true },
    );
  });
});
