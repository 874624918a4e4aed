import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "../../routers/_app.ts";
import { createTestClaim, daysBefore } from "../../routers/resolution/test-claims.ts";
import { dataFingerprint, leakPatterns, openHttpHarness, trpcRequest, type HttpHarness } from "./http-harness.ts";
import type { JsonSchema } from "./json-schema-arbitrary.ts";

// Every text field of every search, filter and report input, found from the router's own schemas, gets the
// classic injections: the answer is a 200 with the right rows or a 400 naming the field, never a 500.

const payloads = [
  "' OR '1'='1", "' OR 1=1 --", "'; drop table claims; --", "1; select pg_sleep(5)", "\" OR \"\"=\"", "') OR ('a'='a", "%", "_", "%_%", "\\", "\\%",
  "' UNION SELECT email, password_hash FROM users --", "$$; drop table users; $$", "CLM-000001' OR 'x'='x", "kinetic' OR '1'='1", "admin'--",
];

type Procedure = { _def: { type: string; inputs: z.ZodType[] } };
const all = (appRouter as unknown as { _def: { procedures: Record<string, Procedure> } })._def.procedures;
const readers = Object.entries(all).filter(([p, d]) => d._def.type === "query" && d._def.inputs[0] && (/\.(list|get)\w*(Report|s)$|\.list\w+/.test(p)));

const baseInput = (path: string): Record<string, unknown> => (path.startsWith("reports.") ? { from: "2026-01-01", to: "2026-12-31" } : {});

/** Paths (a.b, a.b[]) of every string the input schema accepts, enum-free: those are where text reaches SQL. */
function textFields(s: JsonSchema, at: string[] = []): string[][] {
  if (s.anyOf) return s.anyOf.flatMap((a) => textFields(a, at));
  if (s.type === "string" && !s.enum && s.const === undefined) return [at];
  if (s.type === "array" && s.items) return textFields(s.items, [...at, "[]"]);
  if (s.type === "object") return Object.entries(s.properties ?? {}).flatMap(([k, v]) => textFields(v, [...at, k]));
  return [];
}

function withValue(base: Record<string, unknown>, field: string[], value: string): Record<string, unknown> {
  const copy = structuredClone(base);
  let node: Record<string, unknown> = copy;
  field.forEach((key, i) => {
    if (key === "[]") return;
    const last = i === field.length - 1 || (i === field.length - 2 && field[i + 1] === "[]");
    if (last) node[key] = field[i + 1] === "[]" ? [value] : value;
    else node = (node[key] ??= {}) as Record<string, unknown>;
  });
  return copy;
}

let h: HttpHarness;
let admin: string;
beforeAll(async () => {
  h = await openHttpHarness();
  admin = await h.sessionFor("admin", { secondFactor: true });
  for (const store of ["kinetic", "atelier", "chipyard"]) {
    await createTestClaim(h.db, { store, reason: "quality_defect", lines: [{ sku: "SQLI-1", unitPriceCents: 1000 }], reportedAt: daysBefore(new Date(), 2) });
  }
});
afterAll(() => h.close());

describe("SQL injection in searches, filters and reports", () => {
  it("finds text fields to attack in the queue, people, approvals, audit and report inputs", () => {
    const covered = readers.filter(([, d]) => textFields(z.toJSONSchema(d._def.inputs[0]!, { io: "input", unrepresentable: "any" }) as JsonSchema).length);
    expect(covered.map(([p]) => p)).toEqual(expect.arrayContaining(["claims.listClaims", "users.listUsers", "reports.getVolumeReport"]));
  });

  it.each(readers)("%s", async (path, def) => {
    const schema = z.toJSONSchema(def._def.inputs[0]!, { io: "input", unrepresentable: "any" }) as JsonSchema;
    const before = await dataFingerprint(h.database);
    for (const field of textFields(schema)) {
      for (const payload of payloads) {
        const input = withValue(baseInput(path), field, payload);
        const res = await h.app.inject(trpcRequest(path, "query", input, admin));
        const where = `${path} ${field.join(".")}=${JSON.stringify(payload)}`;
        expect(res.statusCode, `${where}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        for (const p of leakPatterns) expect(res.body, where).not.toMatch(p);
        if (res.statusCode === 400) expect(res.json().error.json.data.fieldErrors, where).not.toBeNull();
      }
    }
    expect(await dataFingerprint(h.database)).toBe(before);
  });

  it("treats quotes and LIKE wildcards in the queue search as plain text", async () => {
    const total = (await h.db.execute<{ n: number }>(sql`select count(*)::int as n from claims`)).rows[0]!.n;
    expect(total).toBeGreaterThanOrEqual(3);
    for (const q of ["' OR '1'='1", "%", "_", "%_%", "\\"]) {
      const literal = (await h.db.execute<{ n: number }>(sql`select count(*)::int as n from claims where strpos(search_text, ${q.toLowerCase()}) > 0`)).rows[0]!.n;
      const res = await h.app.inject(trpcRequest("claims.listClaims", "query", { filters: { q } }, admin));
      expect(res.statusCode).toBe(200);
      expect(res.json().result.data.json.total, q).toBe(literal);
    }
  });
});
