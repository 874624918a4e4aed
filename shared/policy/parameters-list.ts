import type { DurationUnit } from "../time.ts";
import { grades, inspectionResults, issueTypes, partTypes, type InspectionResult } from "./enums.ts";
import { deadlineLabels, factLabels, inspectionLabels, issueLabels, partLabels, sentenceCase } from "./parameters-labels.ts";
import type { AmountRule, CaseRule, PolicyDocument } from "./schema/document.ts";

// The numbers (and grades) an admin may change in a policy document, found by
// walking the generic rule kinds of rules.ts. Everything else in a document
// (which reasons a case covers, which evidence it needs) is the rule book's
// structure and changes only with the code.

export const parameterKinds = ["days", "hours", "working_days", "months", "business_days", "percent", "cents", "cents_or_depends", "grade"] as const;
export type ParameterKind = (typeof parameterKinds)[number];
export type ParameterPath = readonly (string | number)[];
/** A number for the durations, percentages and cents; null = "Depends" (A6); a grade key for A3. */
export type ParameterValue = number | string | null;

export interface PolicyParameter {
  /** Stable field name: the first path joined by "/" (no dots, so forms can use it as a key). */
  key: string;
  path: ParameterPath;
  /** Every place holding this value: a shared rule (E2's 30-day window) sits in each case it governs. */
  paths: ParameterPath[];
  label: string;
  /** What it belongs to (the cases, the deadline's start), to tell equal labels apart. */
  context: string;
  clause: string;
  /** The rule's own one-line summary. */
  description: string;
  kind: ParameterKind;
  value: ParameterValue;
  min?: number;
  max?: number;
  choices?: readonly string[];
}

/** A parameter plus the rule objects whose text quotes its value (rewritten when it changes). */
export interface ParameterSlot extends PolicyParameter {
  owners: ParameterPath[];
}

const durationKinds: Record<DurationUnit, ParameterKind> = { natural_days: "days", hours: "hours", working_days: "working_days", months: "months" };

const limits: Partial<Record<ParameterKind, { min: number; max: number }>> = {
  days: { min: 0, max: 3650 },
  hours: { min: 0, max: 8760 },
  working_days: { min: 0, max: 260 },
  months: { min: 0, max: 120 },
  business_days: { min: 0, max: 365 },
  percent: { min: 0, max: 100 },
  cents: { min: 0, max: 100_000_000 },
  cents_or_depends: { min: 0, max: 100_000_000 },
};

export const keyOf = (path: ParameterPath) => path.join("/");

type Draft = Omit<ParameterSlot, "key" | "paths" | "min" | "max"> & { min?: number };

function amountSlots(amount: AmountRule, at: ParameterPath, base: Omit<Draft, "path" | "label" | "kind" | "value">): Draft[] {
  if (amount.type === "price_difference_share") {
    return [{ ...base, path: [...at, "pct"], label: "Compensation share of the price difference", kind: "percent", value: amount.pct }];
  }
  if (amount.type !== "paid_less_deduction") return [];
  const listed = inspectionResults.filter((r) => amount.capsPct[r] !== undefined);
  const out: Draft[] = listed.map((r: InspectionResult) => ({
    ...base,
    path: [...at, "capsPct", r],
    label: `Deduction cap when ${inspectionLabels[r]}`,
    kind: "percent",
    value: amount.capsPct[r]!,
  }));
  // The default cap only matters for inspection results without their own cap.
  if (listed.length < inspectionResults.length) {
    const label = listed.length ? "Deduction cap, other conditions" : "Deduction cap";
    out.push({ ...base, path: [...at, "defaultCapPct"], label, kind: "percent", value: amount.defaultCapPct });
  }
  return out;
}

function caseSlots(c: CaseRule, i: number): Draft[] {
  const at = ["cases", i] as const;
  const context = sentenceCase(c.id);
  const out: Draft[] = [];
  if (c.window) {
    const w = c.window;
    out.push({ path: [...at, "window", "length", "amount"], owners: [[...at, "window"]], label: "Reporting window", context, clause: w.clause, description: w.summary, kind: durationKinds[w.length.unit], value: w.length.amount });
  }
  c.whenAny?.forEach((t, j) => {
    if (t.type !== "reported_within") return;
    const label = `Reported within, from ${factLabels[t.anchor]}`;
    out.push({ path: [...at, "whenAny", j, "within", "amount"], owners: [at], label, context, clause: c.clause, description: c.summary, kind: durationKinds[t.within.unit], value: t.within.amount });
  });
  const options = [...c.options.map((o, k) => [o, [...at, "options", k]] as const), ...(c.window?.afterOptions ?? []).map((o, k) => [o, [...at, "window", "afterOptions", k]] as const)];
  for (const [o, oat] of options) {
    out.push(...amountSlots(o.amount, [...oat, "amount"], { owners: [oat], context: `${context} · ${sentenceCase(o.kind)}`, clause: o.clause, description: o.summary }));
  }
  return out;
}

function drafts(doc: PolicyDocument): Draft[] {
  const out = doc.cases.flatMap(caseSlots);
  doc.deadlines.forEach((d, i) => {
    const at = ["deadlines", i] as const;
    const reasons = d.reasons ? ` · ${d.reasons.map(sentenceCase).join(", ").toLowerCase()}` : "";
    const base = { owners: [at], context: `after ${factLabels[d.from]}${reasons}`, clause: d.clause, description: d.summary };
    out.push({ ...base, path: [...at, "after", "amount"], label: deadlineLabels[d.key], kind: durationKinds[d.after.unit], value: d.after.amount });
    if (d.afterIfComplex) {
      out.push({ ...base, path: [...at, "afterIfComplex", "amount"], label: `${deadlineLabels[d.key]}, complex case`, kind: durationKinds[d.afterIfComplex.unit], value: d.afterIfComplex.amount });
    }
  });
  if (doc.warranty) {
    const w = doc.warranty;
    // A warranty of 0 months would be no warranty: the schema requires a positive length.
    out.push({ path: ["warranty", "months"], owners: [["warranty"]], label: "Warranty length", context: `from ${w.anchors.map((a) => factLabels[a]).join(", else ")}`, clause: w.clause, description: w.summary, kind: "months", value: w.months, min: 1 });
  }
  const g = doc.grading;
  for (const grade of ["low", "medium", "high"] as const) {
    out.push({ path: ["grading", "sharesPct", grade], owners: [["grading"]], label: `Share for grade ${sentenceCase(grade)}`, context: "", clause: g.clause, description: g.summary, kind: "percent", value: g.sharesPct[grade] });
  }
  if (g.partValues) {
    const pv = g.partValues;
    // Enum order, not the object's: a document read back from JSONB has its keys reordered.
    for (const part of partTypes.filter((t) => pv.valuesCents[t] !== undefined)) {
      out.push({ path: ["grading", "partValues", "valuesCents", part], owners: [], label: `Maximum value: ${partLabels[part]}`, context: "", clause: pv.clause, description: pv.summary, kind: "cents_or_depends", value: pv.valuesCents[part]! });
    }
  }
  if (g.issueGrades) {
    const ig = g.issueGrades;
    for (const issue of issueTypes.filter((t) => ig.grades[t] !== undefined)) {
      out.push({ path: ["grading", "issueGrades", "grades", issue], owners: [], label: `Default grade: ${issueLabels[issue]}`, context: "", clause: ig.clause, description: ig.summary, kind: "grade", value: ig.grades[issue]! });
    }
  }
  if (doc.payoutNote) {
    const p = doc.payoutNote;
    const base = { owners: [["payoutNote"]], context: "Informational, told to the customer", clause: p.clause, description: p.summary, kind: "business_days" as const };
    out.push({ ...base, path: ["payoutNote", "minBusinessDays"], label: "Funds arrive after at least", value: p.minBusinessDays });
    out.push({ ...base, path: ["payoutNote", "maxBusinessDays"], label: "Funds arrive after at most", value: p.maxBusinessDays });
  }
  return out;
}

function valueAt(doc: unknown, path: ParameterPath): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], doc);
}

/**
 * Slots with the shared ones merged: two places are one parameter when they sit at the same spot inside
 * identical rule objects (the same window written once in source and spread into several cases).
 */
export function collectSlots(doc: PolicyDocument): ParameterSlot[] {
  const byIdentity = new Map<string, ParameterSlot>();
  for (const d of drafts(doc)) {
    const owner = d.owners[0];
    const identity = owner ? `${JSON.stringify(valueAt(doc, owner))}|${keyOf(d.path.slice(owner.length))}` : keyOf(d.path);
    const hit = byIdentity.get(identity);
    if (hit) {
      hit.paths.push(d.path);
      hit.owners.push(...d.owners);
      if (!hit.context.split(", ").includes(d.context)) hit.context = `${hit.context}, ${d.context}`;
      continue;
    }
    const range = limits[d.kind];
    byIdentity.set(identity, {
      ...d,
      key: keyOf(d.path),
      paths: [d.path],
      owners: [...d.owners],
      ...(range ? { min: d.min ?? range.min, max: range.max } : {}),
      ...(d.kind === "grade" ? { choices: grades } : {}),
    });
  }
  return [...byIdentity.values()];
}

/** Every parameter an admin edits, in document order (cases, deadlines, warranty, grading, payout). */
export function listParameters(doc: PolicyDocument): PolicyParameter[] {
  return collectSlots(doc).map(({ owners: _owners, ...p }) => p);
}
