import { z } from "zod";
import { appRouter } from "../../routers/_app.ts";
import type { JsonSchema } from "./json-schema-arbitrary.ts";

// Every procedure of the live router with the JSON schema of its input, as the fuzzer and the
// control-character test read them.

export type Procedure = { _def: { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[] } };

/** Ending the admin's own sessions would only make every later call a 401. */
const skipped = new Set(["auth.signOut", "auth.signOutOtherSessions"]);

export const procedures = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, Procedure> } })._def.procedures)
  .filter(([p, def]) => !skipped.has(p) && def._def.type !== "subscription")
  .sort(([a], [b]) => a.localeCompare(b));

export function schemaOf(def: Procedure): JsonSchema | null {
  const input = def._def.inputs[0];
  if (!input) return null;
  return z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

/** Dotted paths of every text field a schema allows (array items as index 0, anyOf branches merged). */
export function textFieldPaths(schema: JsonSchema | null | undefined, path = "", depth = 0): string[] {
  if (!schema || depth > 8) return [];
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const out: string[] = [];
  if (types.includes("string") || (schema.enum ?? []).some((v) => typeof v === "string") || typeof schema.const === "string") out.push(path || "_");
  for (const [key, sub] of Object.entries(schema.properties ?? {})) out.push(...textFieldPaths(sub, path ? `${path}.${key}` : key, depth + 1));
  if (schema.items) out.push(...textFieldPaths(schema.items, path ? `${path}.0` : "0", depth + 1));
  if (typeof schema.additionalProperties === "object") out.push(...textFieldPaths(schema.additionalProperties, path ? `${path}.k` : "k", depth + 1));
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) out.push(...textFieldPaths(branch, path, depth + 1));
  return [...new Set(out)];
}

/** The smallest input with `value` at a dotted path (numeric parts become array indexes). */
export function inputWith(path: string, value: string): unknown {
  if (path === "_") return value;
  const parts = path.split(".");
  const root: Record<string, unknown> | unknown[] = /^\d+$/.test(parts[0]!) ? [] : {};
  let at: Record<string, unknown> | unknown[] = root;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const next = last ? value : /^\d+$/.test(parts[i + 1]!) ? [] : {};
    (at as Record<string, unknown>)[part] = next;
    if (!last) at = next as Record<string, unknown> | unknown[];
  });
  return root;
}
