import superjson from "superjson";

/**
 * superjson's wire format, written for what procedures actually return (plain objects, arrays, strings, finite
 * numbers, booleans, null, undefined and Dates) in one pass. superjson's general walker (identity maps, a path
 * array copied per level, class registries) was 10-14% of the server's CPU under the mixed HTTP load. Anything
 * else (Map, Set, bigint, NaN, -0, errors, class instances, a cycle) goes to superjson itself, so the client's
 * `superjson.deserialize` reads both the same. Inputs are still parsed by superjson.
 */
type Annotations = Record<string, [string]>;
type Serialized = { json: unknown; meta?: { values: Annotations; v: 1 } };

class NotPlain extends Error {}

const escapeKey = (key: string) => (key.includes(".") || key.includes("\\") ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key);
const MAX_DEPTH = 100;

/** `path` is the escaped dotted path superjson would write; null at the root (an empty key is a path too). */
function walk(value: unknown, path: string | null, notes: { values: Annotations | null }, depth: number): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value) || Object.is(value, -0)) throw new NotPlain();
      return value;
    case "undefined":
      (notes.values ??= {})[path!] = ["undefined"];
      return null;
    case "object":
      break;
    default:
      throw new NotPlain();
  }
  if (value === null) return null;
  if (depth > MAX_DEPTH) throw new NotPlain();
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new NotPlain();
    (notes.values ??= {})[path!] = ["Date"];
    return value.toISOString();
  }
  const prefix = path === null ? "" : `${path}.`;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = walk(value[i], prefix + i, notes, depth + 1);
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new NotPlain();
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") throw new NotPlain();
    out[key] = walk((value as Record<string, unknown>)[key], prefix + escapeKey(key), notes, depth + 1);
  }
  return out;
}

export function serializeOutput(value: unknown): Serialized {
  // A bare Date or undefined at the root is annotated differently; superjson knows how.
  if (typeof value !== "object" || value === null || value instanceof Date) return superjson.serialize(value) as Serialized;
  try {
    const notes: { values: Annotations | null } = { values: null };
    const json = walk(value, null, notes, 0);
    return notes.values ? { json, meta: { values: notes.values, v: 1 } } : { json };
  } catch (error) {
    if (error instanceof NotPlain) return superjson.serialize(value) as Serialized;
    throw error;
  }
}

export const transformer = {
  input: superjson,
  output: { serialize: serializeOutput, deserialize: (value: unknown) => superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]) },
};
