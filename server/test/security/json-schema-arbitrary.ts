import fc from "fast-check";

// A small JSON-schema → fast-check translation, enough for what `z.toJSONSchema` emits for our inputs
// (objects, arrays, strings with enum/pattern/length/format, integers and numbers with bounds, anyOf, const).
// Values are mostly valid, so the fuzzer gets past the zod parse into the procedures themselves.

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  additionalProperties?: boolean | JsonSchema;
};

/** Strings people paste into forms and attackers into URLs: SQL, markup, traversal, odd Unicode. */
export const hostileStrings = [
  "' OR '1'='1", "'; drop table claims; --", "\" or 1=1 --", "%' and 1=1 and '%'='", "\\", "%", "_", "$1", "${jndi:ldap://x}",
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "../../etc/passwd", "..\\..\\windows", "\u0000", "\uFEFF", "𝕏😀", "\u202Eevil",
  "CLM-000001' --", "a".repeat(5000),
];

const hostile = fc.constantFrom(...hostileStrings);

/** Real values for patterned fields (claim numbers, store ids), so some calls reach existing rows. */
export type Hints = { pattern: RegExp; values: string[] }[];
let hints: Hints = [];
export const useHints = (h: Hints) => {
  hints = h;
};

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  const hint = s.pattern ? hints.find((h) => h.pattern.test(s.pattern!)) : undefined;
  if (hint) return fc.oneof(fc.constantFrom(...hint.values), fc.stringMatching(new RegExp(s.pattern!)));
  if (s.format === "date-time") return fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === "uuid") return fc.uuid();
  if (s.format === "email") return fc.emailAddress();
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? Infinity) && v.length >= (s.minLength ?? 0));
  const plain = fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 60, 200), unit: "grapheme" });
  return fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: hostile });
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : -1e9);
  const hi = Math.min(s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : 1e9), Number.MAX_SAFE_INTEGER);
  if (integer) {
    // Small ids hit real rows; the bounds hit the edges.
    return fc.oneof(fc.integer({ min: Math.max(lo, -1e9), max: Math.min(hi, 1e9) }), fc.integer({ min: Math.max(lo, 0), max: Math.min(hi, 50) }), fc.constantFrom(lo, hi));
  }
  return fc.double({ min: Math.max(lo, -1e12), max: Math.min(hi, 1e12), noNaN: true, noDefaultInfinity: true });
}

export function arbitraryFor(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a) => arbitraryFor(a, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      return stringArb(s);
    case "integer":
      return numberArb(s, true);
    case "number":
      return numberArb(s, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const maxLength = Math.min(s.maxItems ?? 5, depth > 2 ? 2 : 5);
      return fc.array(s.items ? arbitraryFor(s.items, depth + 1) : fc.jsonValue(), { minLength: Math.min(s.minItems ?? 0, maxLength), maxLength });
    }
    case "object": {
      const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, arbitraryFor(v, depth + 1)]));
      return fc.record(props, { requiredKeys: s.required ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 3 });
  }
}

/** Mostly schema-shaped values, some broken on purpose: a field of the wrong type, or anything at all. */
export function fuzzInput(schema: JsonSchema | null): fc.Arbitrary<unknown> {
  const anything = fc.jsonValue({ maxDepth: 4 });
  if (!schema) return fc.oneof(fc.constant(undefined), anything);
  const valid = arbitraryFor(schema);
  const broken = fc.tuple(valid, fc.string({ maxLength: 20 }), anything).map(([v, key, junk]) =>
    v && typeof v === "object" && !Array.isArray(v) ? { ...(v as object), [Object.keys(v as object)[0] ?? key]: junk } : junk,
  );
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 2, arbitrary: broken }, { weight: 1, arbitrary: anything });
}
