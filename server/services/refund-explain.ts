import { formatCents, percentOf } from "../../shared/money.ts";
import type { AmountRule, ClaimFactsInput, DecisionOption, Grade, OptionTemplate, PolicyDocument } from "../../shared/policy/index.ts";

// X9 / issue 14: how an option's amount comes about, line by line, from the same policy document and facts
// the engine read, so a supervisor checks a refund without opening the claim. It mirrors the engine's amount
// rules (shared/policy/engine/amounts.ts, grading.ts) but explains instead of deciding: the engine's figure
// stays the authority (the approval detail shows both, and a unit test holds them equal on the stores' cases).

type ExplainInput = { label: string; cents?: number; pct?: number; text?: string };
type LineExplanation = {
  sku: string;
  quantity: number;
  unitPriceCents: number;
  paidCents: number;
  /** This line's amount under the rule; undefined while a fact is missing or the amount is the agent's. */
  cents: number | undefined;
  inputs: ExplainInput[];
  /** One line a person reads: "Medium 50 % × head sculpt max $25.00 = $12.50". */
  formula: string;
  clauses: string[];
};
export type AmountExplanation = {
  rule: AmountRule["type"] | "unknown";
  clause: string | undefined;
  lines: LineExplanation[];
  /** Inputs that belong to the whole claim (costs, the received item's value, the inspection). */
  claim: ExplainInput[];
  totalCents: number | undefined;
  clauses: string[];
};

type Line = ClaimFactsInput["lines"][number];

/** The document's template behind an offered option: same kind and clause, in a case for the claim's reason first. */
function optionTemplate(doc: PolicyDocument, reason: string, option: Pick<DecisionOption, "kind" | "clause">): OptionTemplate | undefined {
  const ordered = [...doc.cases.filter((c) => c.reasons.includes(reason as never)), ...doc.cases.filter((c) => !c.reasons.includes(reason as never))];
  for (const c of ordered) {
    for (const t of [...c.options, ...(c.window?.afterOptions ?? [])]) if (t.kind === option.kind && t.clause === option.clause) return t;
  }
  return undefined;
}

/** A5 (rev. 2): the schedule row that prices a line: the issue's own row where there is one (detachment: 5), else the part's. */
export function valuedPart(doc: PolicyDocument, line: Pick<Line, "issueType" | "partType">): string | undefined {
  const issueRows = (doc.grading.partValues as { issueRows?: Record<string, string | undefined> } | undefined)?.issueRows;
  return (line.issueType !== undefined ? issueRows?.[line.issueType] : undefined) ?? line.partType;
}

const words = (key: string) => key.replace(/_/g, " ");
const gradeName = (g: Grade) => g.charAt(0).toUpperCase() + g.slice(1);

/** G, A3–A6 for one line, as engine/grading.ts computes it. */
function explainGradedLine(doc: PolicyDocument, line: Line): LineExplanation {
  const g = doc.grading;
  const paid = line.unitPriceCents * line.quantity;
  const out: LineExplanation = {
    sku: line.sku, quantity: line.quantity, unitPriceCents: line.unitPriceCents, paidCents: paid, cents: undefined, inputs: [], formula: "", clauses: ["G", g.clause],
  };
  out.inputs.push({ label: "Paid price", cents: paid, text: `${line.quantity} × ${formatCents(line.unitPriceCents)}` });
  const defaultGrade = line.issueType !== undefined ? g.issueGrades?.grades[line.issueType] : undefined;
  const grade = line.grade ?? defaultGrade;
  if (grade !== undefined) {
    const from = line.grade !== undefined ? "set by the agent" : `default for ${words(line.issueType!)} (${g.issueGrades!.clause})`;
    out.inputs.push({ label: "Grade", text: `${gradeName(grade)} (${from})`, ...(grade !== "depends" ? { pct: g.sharesPct[grade] } : {}) });
    if (line.grade === undefined && g.issueGrades) out.clauses.push(g.issueGrades.clause);
  }
  let base: number | undefined;
  let baseName = "paid price";
  let partMax: number | undefined;
  let baseOpen = false;
  if (g.partValues) {
    out.clauses.push(g.partValues.clause);
    const part = valuedPart(doc, line);
    if (part === undefined) {
      out.formula = "waits for the part type";
      return out;
    }
    const value = (g.partValues.valuesCents as Record<string, number | null | undefined>)[part];
    const why = part !== line.partType ? ` (the ${words(line.issueType!)} row, whatever the part)` : "";
    if (value === null || value === undefined) {
      baseOpen = true;
      out.inputs.push({ label: "Part maximum", text: `${words(part)}: Depends (${g.partValues.clause})` });
    } else {
      partMax = value * line.quantity;
      base = partMax;
      baseName = `${words(part)} max ${formatCents(value)}${line.quantity > 1 ? ` × ${line.quantity}` : ""}`;
      out.inputs.push({ label: "Part maximum", cents: partMax, text: `${words(part)} ${formatCents(value)} each${why} (${g.partValues.clause})` });
    }
  } else base = paid;

  const dependsClause = g.dependsRule?.clause ?? g.clause;
  // A6 (rev. 2): a Depends grade or value is the agent's amount, capped at the scheduled value and the paid price.
  if (baseOpen || grade === "depends") {
    out.clauses.push(dependsClause);
    if (line.agentCents === undefined) {
      out.formula = `Depends: the agent sets the amount with a reason (${dependsClause})`;
      return out;
    }
    const cap = Math.min(paid, partMax ?? paid);
    out.inputs.push({ label: "Agent's amount", cents: line.agentCents, text: `at most ${formatCents(cap)}${partMax !== undefined && partMax < paid ? " (part maximum)" : " (paid price)"}` });
    out.cents = Math.min(line.agentCents, cap);
    out.formula = `Depends: agent's ${formatCents(line.agentCents)}${out.cents < line.agentCents ? `, capped at ${formatCents(cap)}` : ""} = ${formatCents(out.cents)}`;
    return out;
  }
  if (grade === undefined || base === undefined) {
    out.formula = "waits for the grade";
    return out;
  }
  const share = g.sharesPct[grade];
  const amount = percentOf(base, share);
  out.cents = Math.min(amount, paid);
  out.formula = `${gradeName(grade)} ${share} % × ${baseName} = ${formatCents(amount)}`;
  if (amount > paid) {
    out.formula += `, capped at the paid ${formatCents(paid)} (G, X2)`;
    out.inputs.push({ label: "Cap (paid price)", cents: paid });
    out.clauses.push("X2");
  }
  return out;
}

function paidLine(line: Line, formula?: string): LineExplanation {
  const paid = line.unitPriceCents * line.quantity;
  return {
    sku: line.sku, quantity: line.quantity, unitPriceCents: line.unitPriceCents, paidCents: paid, cents: paid,
    inputs: [{ label: "Paid price", cents: paid, text: `${line.quantity} × ${formatCents(line.unitPriceCents)}` }],
    formula: formula ?? `paid ${line.quantity} × ${formatCents(line.unitPriceCents)} = ${formatCents(paid)}`, clauses: [],
  };
}

/** The template a line itself offers the option under (X9: lines keep their own case, e.g. electronic or not, E5). */
function lineTemplate(doc: PolicyDocument, reason: string, line: Line, option: DecisionOption): OptionTemplate | undefined {
  const flags = { electronic: !!line.electronic, consumable: !!line.consumable, motor: !!line.motor };
  const fits = (f: Partial<typeof flags> | undefined) => !f || Object.entries(f).every(([k, v]) => v === undefined || flags[k as keyof typeof flags] === v);
  const cases = doc.cases.filter((c) => c.reasons.includes(reason as never) && fits(c.lines));
  const templates = cases.flatMap((c) => [...c.options, ...(c.window?.afterOptions ?? [])]).filter((t) => t.kind === option.kind);
  return templates.find((t) => t.clause === option.clause) ?? templates[0];
}

function deductionLine(rule: Extract<AmountRule, { type: "paid_less_deduction" }>, facts: ClaimFactsInput, line: Line): LineExplanation {
  const inspection = facts.condition?.inspection;
  if (rule.requireInspection && inspection === undefined) return { ...paidLine(line, "waits for the inspection"), cents: undefined };
  const cap = (inspection !== undefined ? rule.capsPct[inspection] : undefined) ?? rule.defaultCapPct;
  const pct = Math.min(facts.condition?.deductionPct ?? 0, cap);
  const e = paidLine(line);
  const off = percentOf(e.paidCents, pct);
  e.inputs.push({ label: "Deduction", cents: off, pct, text: `cap ${cap} %` });
  e.cents = e.paidCents - off;
  e.formula = `paid ${formatCents(e.paidCents)} − ${pct} % (${formatCents(off)}) = ${formatCents(e.cents)}`;
  return e;
}

/**
 * Explains an offered option's amount per covered line (`option.lines`, else every claimed line), from the
 * policy document the claim is judged by and the facts the engine was given. The engine's own per-line
 * figures (`lineRefunds`) are the amounts; the explanation says where each comes from.
 */
export function explainOptionAmount(doc: PolicyDocument, facts: ClaimFactsInput, option: DecisionOption): AmountExplanation {
  const covered = option.lines ? facts.lines.filter((l) => option.lines!.includes(l.sku)) : facts.lines;
  const first = (covered[0] && lineTemplate(doc, facts.reason, covered[0], option)) ?? optionTemplate(doc, facts.reason, option);
  const rule = first?.amount;
  const out: AmountExplanation = { rule: rule?.type ?? "unknown", clause: option.clause, lines: [], claim: [], totalCents: undefined, clauses: option.clause ? [option.clause] : [] };
  const paidTotal = covered.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0);

  if (rule?.type === "paid_less_costs" || rule?.type === "price_difference_share") {
    // Claim-level amounts (C5's costs, C6's price difference) are computed over the covered lines together.
    out.lines = covered.map((l) => ({ ...paidLine(l), cents: undefined, formula: rule.type === "paid_less_costs" ? "paid, less the claim's costs" : "share of the price difference" }));
    if (rule.type === "paid_less_costs") {
      const { purchaseCostCents: cost, exportPostageCents: postage } = facts;
      out.claim.push({ label: "Purchase cost", ...(cost !== undefined ? { cents: cost } : { text: "not recorded" }) });
      out.claim.push({ label: "Export postage", ...(postage !== undefined ? { cents: postage } : { text: "not recorded" }) });
      if (cost !== undefined && postage !== undefined) {
        out.totalCents = Math.max(0, paidTotal - cost - postage);
        out.claim.push({ label: "Amount", cents: out.totalCents, text: `${formatCents(paidTotal)} − ${formatCents(cost)} − ${formatCents(postage)}, not below $0.00` });
      }
    } else {
      const received = facts.receivedItemValueCents;
      out.claim.push({ label: "Received item's value", ...(received !== undefined ? { cents: received } : { text: "not recorded" }) });
      out.claim.push({ label: "Share of the difference", pct: rule.pct });
      if (received !== undefined) {
        out.totalCents = percentOf(Math.abs(paidTotal - received), rule.pct);
        out.claim.push({ label: "Amount", cents: out.totalCents, text: `${rule.pct} % × |${formatCents(paidTotal)} − ${formatCents(received)}|` });
      }
    }
    if (out.totalCents !== undefined && covered.length === 1) out.lines[0]!.cents = Math.min(out.totalCents, paidTotal);
  } else {
    for (const line of covered) {
      const own = lineTemplate(doc, facts.reason, line, option)?.amount ?? rule;
      let e: LineExplanation;
      if (own?.type === "paid") e = paidLine(line);
      else if (own?.type === "graded") e = explainGradedLine(doc, line);
      else if (own?.type === "paid_less_deduction") {
        e = deductionLine(own, facts, line);
        if (!out.claim.length) out.claim.push({ label: "Inspection", text: facts.condition?.inspection ? words(facts.condition.inspection) : "not recorded" });
      } else e = { ...paidLine(line, "set by the agent"), cents: undefined };
      out.lines.push(e);
    }
  }
  // The engine's figure per line is the amount (X9); where it gives one the explanation shows it.
  for (const lr of option.lineRefunds ?? []) {
    const line = out.lines.find((l) => l.sku === lr.sku);
    if (line) line.cents = lr.refundCents;
  }
  if (out.totalCents === undefined && out.lines.length > 0 && out.lines.every((l) => l.cents !== undefined)) out.totalCents = out.lines.reduce((s, l) => s + l.cents!, 0);
  if (out.totalCents !== undefined && out.totalCents > paidTotal) out.totalCents = paidTotal;
  if (option.refundCents !== undefined) out.totalCents = option.refundCents;
  for (const l of out.lines) for (const c of l.clauses) if (!out.clauses.includes(c)) out.clauses.push(c);
  return out;
}
