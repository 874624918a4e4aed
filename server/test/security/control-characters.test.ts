import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlCharacterPath } from "../../trpc/control-characters.ts";
import { malformedRequestMessage } from "../../trpc/init.ts";
import { dataFingerprint, openHttpHarness, trpcRequest, type HttpHarness } from "./http-harness.ts";
import { inputWith, procedures, schemaOf, textFieldPaths } from "./procedure-schemas.ts";

// A NUL (or another control character) in any text input is a 400 that names the field, in every text field of
// every procedure (paths read from the same schemas the fuzzer uses) and in the HTTP routes' queries; it once
// answered 500 from PostgreSQL. And a request tRPC cannot read gets one plain message, never an exception's text.

let h: HttpHarness;
let admin: string;
beforeAll(async () => {
  h = await openHttpHarness();
  admin = await h.sessionFor("admin", { secondFactor: true });
});
afterAll(() => h.close());

type ErrorBody = { error: { json: { message: string; data: { code: string; fieldErrors: Record<string, string[]> | null } } } };

const fields = procedures.flatMap(([path, def]) => textFieldPaths(schemaOf(def)).map((field) => [path, def._def.type, field] as const));

describe("control characters in tRPC inputs", () => {
  it("finds text fields in the router's schemas", () => {
    expect(fields.length).toBeGreaterThan(100);
    expect(fields).toContainEqual(["auth.signIn", "mutation", "email"]);
  });

  it.each(fields)("%s (%s) %s: NUL answers 400 naming the field and changes nothing", async (path, type, field) => {
    const before = await dataFingerprint(h.database);
    const res = await h.app.inject(trpcRequest(path, type as "query" | "mutation", inputWith(field, "a\u0000b"), admin));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
    const body = JSON.parse(res.body) as ErrorBody;
    expect(Object.keys(body.error.json.data.fieldErrors ?? {})).toEqual([field]);
    expect(body.error.json.message).toContain(field);
    expect(await dataFingerprint(h.database)).toBe(before);
  });

  it("refuses other control characters too, in values and keys, and keeps tabs and line breaks", () => {
    for (const c of ["\u0007", "\u001b", "\u007f", "\u009b", "\u000b"]) expect(controlCharacterPath({ notes: [`x${c}y`] })).toBe("notes.0");
    expect(controlCharacterPath({ filters: { "a\u0000": 1 } })).toBe("filters.a\u0000");
    expect(controlCharacterPath({ description: "line one\r\nline\ttwo", n: 3, at: new Date() })).toBeNull();
  });
});

describe("control characters in the HTTP routes", () => {
  it.each(["q", "store", "reason", "status"])("GET /api/exports/claims.csv with a NUL in %s answers 400 naming the field", async (field) => {
    const res = await h.app.inject({ url: `/api/exports/claims.csv?${field}=%00`, cookies: { cd_session: admin } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: expect.stringContaining(`${field}:`) });
  });

  it("answers a NUL in the store API's JSON body with its 400 problem", async () => {
    const res = await h.app.inject({ method: "POST", url: "/api/v1/orders", headers: { "content-type": "application/json" }, payload: JSON.stringify({ number: "A\u0000" }) });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});

describe("malformed tRPC requests", () => {
  const raw = /Maximum call stack|Cannot destructure|Invalid regular expression|is not a function|undefined \(reading/;
  const cases: [string, { method: "GET" | "POST"; url: string; payload?: string }][] = [
    ["a body of null", { method: "POST", url: "/trpc/auth.signIn", payload: "null" }],
    ["a superjson RegExp that does not compile", { method: "POST", url: "/trpc/auth.signIn", payload: JSON.stringify({ json: "(", meta: { values: ["regexp"] } }) }],
    ["input nested 20,000 deep", { method: "GET", url: `/trpc/claims.listClaims?input=${encodeURIComponent(`{"json":${"[".repeat(20_000)}${"]".repeat(20_000)}}`)}` }],
    ["superjson meta nested 20,000 deep", { method: "POST", url: "/trpc/auth.signIn", payload: `{"json":{},"meta":{"values":${"[".repeat(20_000)}${"]".repeat(20_000)}}}` }],
  ];
  it.each(cases)("answers %s with a 4xx and one plain message", async (_name, req) => {
    const res = await h.app.inject({ ...req, cookies: { cd_session: admin }, headers: { "content-type": "application/json" } });
    expect(res.statusCode, res.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
    expect(res.body).not.toMatch(raw);
  });

  it("says the request is malformed when superjson cannot read it", async () => {
    const res = await h.app.inject({ method: "POST", url: "/trpc/auth.signIn", payload: "null", headers: { "content-type": "application/json" } });
    expect((JSON.parse(res.body) as ErrorBody).error.json.message).toBe(malformedRequestMessage);
  });
});
