import { z } from "zod";
import { storeKeys } from "./enums.ts";
import { claimFactsSchema, instantSchema } from "./schema/facts.ts";
import { evaluateClaim } from "./engine/evaluate.ts";
import { defaultPolicies, isStoreKey } from "./index.ts";

// The `policy:eval` request: one JSON object naming a store, the facts and
// the evaluation instant. Kept apart from cli.ts so tests can call it directly.

export const evalRequestSchema = z.object({
  store: z.string().refine(isStoreKey, { message: `unknown store; expected one of ${storeKeys.join(", ")}` }),
  facts: claimFactsSchema,
  now: instantSchema,
});

export type EvalOutcome = { readonly ok: true; readonly output: string } | { readonly ok: false; readonly error: string };

/** `facts.lines[0].unitPriceCents` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(input)" : out;
}

export function runEvalRequest(text: string): EvalOutcome {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `invalid JSON on standard input: ${(e as Error).message}` };
  }
  const parsed = evalRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${formatPath(i.path)}: ${i.message}`);
    return { ok: false, error: `invalid request:\n${lines.join("\n")}` };
  }
  const { store, facts, now } = parsed.data;
  const policy = defaultPolicies[store as keyof typeof defaultPolicies];
  return { ok: true, output: JSON.stringify(evaluateClaim(policy, facts, now), null, 2) };
}
