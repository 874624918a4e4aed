import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeOutput } from "./transformer.ts";

// The fast output path must put on the wire exactly what superjson would, so the browser's superjson reads it.

const leaf = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
);
const key = fc.oneof(fc.string(), fc.constantFrom("a.b", "back\\slash", "0", "", "x.y.z")).filter((k) => !["__proto__", "constructor", "prototype"].includes(k));
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
  array: fc.array(tie("node"), { maxLength: 5 }),
  object: fc.dictionary(key, tie("node"), { maxKeys: 5 }),
})).node;

describe("serializeOutput", () => {
  it("writes superjson's exact wire format for plain data with dates and undefined", () => {
    fc.assert(
      fc.property(tree, (value) => {
        expect(serializeOutput(value)).toEqual(superjson.serialize(value));
        expect(superjson.deserialize(serializeOutput(value) as never)).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps a queue page's dates as dates through the browser's superjson", () => {
    const page = { rows: [{ number: "CLM-000001", dueAt: new Date("2026-11-23T10:00:00Z"), assignee: null, note: undefined }], total: 1 };
    const wire = JSON.parse(JSON.stringify(serializeOutput(page)));
    expect(wire.meta.values).toEqual({ "rows.0.dueAt": ["Date"], "rows.0.note": ["undefined"] });
    expect(superjson.deserialize(wire)).toEqual(page);
  });

  it("hands anything else to superjson itself", () => {
    for (const value of [{ m: new Map([["a", 1]]) }, { s: new Set([1]) }, { n: NaN }, { z: -0 }, { b: 10n }, { d: new Date(Number.NaN) }, new Date(0), undefined, "x", 3]) {
      expect(serializeOutput(value)).toEqual(superjson.serialize(value));
    }
  });
});
