import { z } from "zod";
import { checkHoliday, checkParameterValue, checkTimeZone, parameterName } from "./parameters-check.ts";
import { collectSlots, keyOf, listParameters, type ParameterKind, type ParameterPath, type ParameterSlot, type ParameterValue } from "./parameters-list.ts";
import { quotesOnce, retext } from "./parameters-retext.ts";
import { policyDocumentSchema, type PolicyDocument } from "./schema/document.ts";

// Admin-edited policy versions: list what may change, apply changes into a new
// validated document, and say what differs between two documents. Pure, so the
// server stores with it and the editor previews with it.

export { listParameters, keyOf, parameterKinds, type PolicyParameter, type ParameterKind, type ParameterPath, type ParameterValue } from "./parameters-list.ts";
export { checkParameterValue, checkTimeZone, checkHoliday, parameterName, unitWords } from "./parameters-check.ts";

export interface PolicyChange {
  path: ParameterPath;
  value: ParameterValue;
}
export interface PolicyChangeRequest {
  changes?: readonly PolicyChange[];
  timeZone?: string;
  holidays?: readonly string[];
}
/** Issue paths: ["values", key] for a parameter, ["timeZone"], ["holidays", i], ["changes", i] for an unknown path. */
export type PolicyChangeResult = { success: true; data: PolicyDocument } | { success: false; error: z.ZodError };

type Issue = { code: "custom"; path: (string | number)[]; message: string };
type Mutable = Record<string | number, unknown>;

function setAt(root: unknown, path: ParameterPath, value: unknown) {
  const parent = path.slice(0, -1).reduce<Mutable>((v, k) => v[k] as Mutable, root as Mutable);
  parent[path.at(-1)!] = value;
}
const at = (root: unknown, path: ParameterPath) => path.reduce<unknown>((v, k) => (v as Mutable)[k], root);

/** Rewrites the texts quoting the old number: the owning rules always, the clause summary only when unambiguous. */
function retextSlot(next: PolicyDocument, slot: ParameterSlot, all: ParameterSlot[], before: number, after: number) {
  for (const owner of slot.owners) {
    const rule = at(next, owner) as { summary?: string; message?: string };
    if (rule.summary) rule.summary = retext(rule.summary, slot.kind, before, after);
    if (rule.message) rule.message = retext(rule.message, slot.kind, before, after);
  }
  const clause = next.clauses.find((c) => c.id === slot.clause);
  // E7 quotes "3 working days" for two deadlines: which one it means is unknowable, so leave it.
  const rivals = all.filter((s) => s !== slot && s.clause === slot.clause && s.kind === slot.kind && s.value === before);
  if (clause && rivals.length === 0 && quotesOnce(clause.summary, slot.kind, before)) clause.summary = retext(clause.summary, slot.kind, before, after);
}

export function safeApplyParameterChanges(doc: PolicyDocument, request: PolicyChangeRequest): PolicyChangeResult {
  const slots = collectSlots(doc);
  const byPath = new Map(slots.flatMap((s) => s.paths.map((p) => [keyOf(p), s] as const)));
  const next = structuredClone(doc);
  const issues: Issue[] = [];
  const applied = new Map<ParameterSlot, ParameterValue>();

  (request.changes ?? []).forEach((change, i) => {
    const slot = byPath.get(keyOf(change.path));
    if (!slot) return issues.push({ code: "custom", path: ["changes", i, "path"], message: `"${keyOf(change.path)}" is not an editable parameter.` });
    const problem = checkParameterValue(slot, change.value);
    if (problem) return issues.push({ code: "custom", path: ["values", slot.key], message: problem });
    applied.set(slot, change.value);
  });
  for (const [slot, value] of applied) {
    if (value === slot.value) continue;
    for (const p of slot.paths) setAt(next, p, value);
    if (typeof slot.value === "number" && typeof value === "number") retextSlot(next, slot, slots, slot.value, value);
  }
  if (request.timeZone !== undefined) {
    const problem = checkTimeZone(request.timeZone);
    if (problem) issues.push({ code: "custom", path: ["timeZone"], message: problem });
    else next.timeZone = request.timeZone.trim();
  }
  if (request.holidays !== undefined) {
    const problems = request.holidays.map(checkHoliday);
    problems.forEach((message, i) => message && issues.push({ code: "custom", path: ["holidays", i], message }));
    // Order and duplicates carry no meaning; a sorted set keeps diffs and reviews quiet.
    if (!problems.some(Boolean)) next.holidays = [...new Set(request.holidays)].sort();
  }
  if (next.payoutNote && next.payoutNote.minBusinessDays > next.payoutNote.maxBusinessDays) {
    const max = slots.find((s) => keyOf(s.path) === "payoutNote/maxBusinessDays")!;
    issues.push({ code: "custom", path: ["values", max.key], message: `${parameterName(max)} cannot be shorter than the fastest payout.` });
  }
  if (issues.length) return { success: false, error: new z.ZodError(issues) };

  // The document schema has the last word (clause references, shapes); name the parameter where one is at fault.
  const parsed = policyDocumentSchema.safeParse(next);
  if (parsed.success) return { success: true, data: parsed.data };
  const slotFor = (path: PropertyKey[]) => slots.find((s) => s.paths.some((p) => keyOf(p) === path.join("/")));
  return {
    success: false,
    error: new z.ZodError(
      parsed.error.issues.map((i) => {
        const slot = slotFor(i.path);
        return { code: "custom" as const, path: slot ? ["values", slot.key] : i.path.map(String), message: slot ? `${parameterName(slot)}: ${i.message}` : i.message };
      }),
    ),
  };
}

/** The new document, validated; throws a ZodError whose issues name each faulty field. */
export function applyParameterChanges(doc: PolicyDocument, request: PolicyChangeRequest): PolicyDocument {
  const result = safeApplyParameterChanges(doc, request);
  if (!result.success) throw result.error;
  return result.data;
}

export type DiffValue = ParameterValue | readonly string[];
export interface PolicyDiffEntry {
  key: string;
  path: ParameterPath;
  label: string;
  context: string;
  /** Null for the calendar: time zone and holidays come from the rule book's time rules, not a numbered clause. */
  clause: string | null;
  kind: ParameterKind | "time_zone" | "holidays";
  before: DiffValue | undefined;
  after: DiffValue | undefined;
}

/** What an admin changed from `a` to `b`: every parameter whose value differs, then time zone and holidays. */
export function diffDocuments(a: PolicyDocument, b: PolicyDocument): PolicyDiffEntry[] {
  const before = new Map(listParameters(a).map((p) => [p.key, p]));
  const out: PolicyDiffEntry[] = [];
  for (const p of listParameters(b)) {
    const old = before.get(p.key);
    before.delete(p.key);
    if (old && old.value === p.value) continue;
    out.push({ key: p.key, path: p.path, label: p.label, context: p.context, clause: p.clause, kind: p.kind, before: old?.value, after: p.value });
  }
  for (const p of before.values()) out.push({ key: p.key, path: p.path, label: p.label, context: p.context, clause: p.clause, kind: p.kind, before: p.value, after: undefined });
  if (a.timeZone !== b.timeZone) {
    out.push({ key: "timeZone", path: ["timeZone"], label: "Time zone", context: "Every deadline is computed in it", clause: null, kind: "time_zone", before: a.timeZone, after: b.timeZone });
  }
  const hA = [...a.holidays].sort();
  const hB = [...b.holidays].sort();
  if (hA.join() !== hB.join()) {
    out.push({ key: "holidays", path: ["holidays"], label: "Holidays", context: "Not counted as working days", clause: null, kind: "holidays", before: hA, after: hB });
  }
  return out;
}
