import { payoutGateOf } from "./payout.ts";
import type { FreightPayer, Grade, OptionKind } from "../enums.ts";
import type { OptionTemplate } from "../schema/document.ts";
import type { DecisionOption, LineRefund } from "../schema/decision.ts";
import { claimLevelAmount, computeAmount } from "./amounts.ts";
import { addFinding, addLineFinding, finding, type EvalContext, type LineState } from "./context.ts";
import { effectiveGrade } from "./grading.ts";

export interface OfferedOption {
  readonly option: DecisionOption;
  readonly returnsGoods: boolean;
}

const returnsByDefault: ReadonlySet<OptionKind> = new Set(["return_for_refund", "exchange", "repair"]);
const movesMoney: ReadonlySet<OptionKind> = new Set([
  "full_refund",
  "partial_refund",
  "return_for_refund",
  "keep_with_compensation",
  "cancel_order",
]);

export function optionReturnsGoods(t: OptionTemplate): boolean {
  return t.returnsGoods ?? returnsByDefault.has(t.kind);
}

function gradeToken(ctx: EvalContext, line: LineState): Grade | "ungraded" {
  return effectiveGrade(ctx.doc, line.line) ?? "ungraded";
}

function offeredFor(ctx: EvalContext, line: LineState): OptionTemplate[] {
  const token = gradeToken(ctx, line);
  return line.templates.filter((t) => !t.whenGrades || t.whenGrades.includes(token));
}

/**
 * X9: what the agent could record to unlock a full refund on a line whose grade keeps it out
 * (everyday E5: "grade the kettle High for the full refund").
 */
function addUnlockHints(ctx: EvalContext, line: LineState): void {
  const token = gradeToken(ctx, line);
  for (const t of line.templates) {
    if (t.kind !== "full_refund" || !t.whenGrades || t.whenGrades.includes(token)) continue;
    const grades = t.whenGrades.filter((g) => g !== "ungraded").join(" or ");
    addLineFinding(ctx, line, finding("option_unlock", t.clause, "info", `grade ${line.line.sku} ${grades} for the full refund`));
  }
}

/**
 * Options for the lines still in play (X9: each line keeps its own entitlement). Every kind that any
 * line offers is listed once, with the lines that offer it; its amount is the sum of each covered line's
 * own amount under that line's template (never a split by price). Amounts the text defines over the
 * whole claim (C5's costs, C6's price difference) are computed over the covered lines together.
 * Amounts are capped at what the covered lines paid (X2).
 */
export function buildOptions(ctx: EvalContext, lines: readonly LineState[]): OfferedOption[] {
  const perLine = lines.map((l) => {
    addUnlockHints(ctx, l);
    return offeredFor(ctx, l);
  });
  const kinds: OptionKind[] = [];
  for (const templates of perLine) for (const t of templates) if (!kinds.includes(t.kind)) kinds.push(t.kind);

  const out: OfferedOption[] = [];
  for (const kind of kinds) {
    const covered: { state: LineState; template: OptionTemplate }[] = [];
    lines.forEach((state, i) => {
      const template = perLine[i]?.find((t) => t.kind === kind);
      if (template) covered.push({ state, template });
    });
    const first = covered[0]!;
    for (const c of covered) ctx.clauses.add(c.template.clause);
    const caseFreight: FreightPayer = first.state.caseRule?.freight.payer ?? "none";
    const option: DecisionOption = {
      kind,
      preferred: covered.every((c) => c.template.preferred),
      freight: first.template.freight ?? caseFreight,
      clause: first.template.clause,
    };
    if (first.template.reships) option.reships = true;
    option.lines = covered.map((c) => c.state.line.sku);
    ctx.clauses.add("X9");

    if (movesMoney.has(kind)) {
      priceOption(ctx, option, covered);
      ctx.clauses.add("X2");
      ctx.clauses.add("X3");
    }
    const returnsGoods = optionReturnsGoods(first.template);
    if (returnsGoods && movesMoney.has(kind)) gateOption(ctx, option);
    out.push({ option, returnsGoods });
  }
  return out;
}

function priceOption(ctx: EvalContext, option: DecisionOption, covered: readonly { state: LineState; template: OptionTemplate }[]): void {
  const paidTotal = covered.reduce((s, c) => s + c.state.paidCents, 0);
  const rule = covered[0]!.template.amount;
  let cents: number | undefined;
  if (claimLevelAmount(rule)) {
    cents = computeAmount(ctx, rule, covered[0]!.template.clause, covered.map((c) => c.state), paidTotal);
    if (cents !== undefined && covered.length === 1) option.lineRefunds = [{ sku: covered[0]!.state.line.sku, refundCents: Math.min(cents, paidTotal) }];
  } else {
    const perLine: LineRefund[] = [];
    let open = false;
    for (const { state, template } of covered) {
      const lineCents = computeAmount(ctx, template.amount, template.clause, [state], state.paidCents);
      if (lineCents === undefined) open = true;
      else perLine.push({ sku: state.line.sku, refundCents: Math.min(lineCents, state.paidCents) });
    }
    if (!open && perLine.length > 0) {
      option.lineRefunds = perLine;
      cents = perLine.reduce((s, l) => s + l.refundCents, 0);
    }
  }
  if (cents === undefined) return;
  if (cents > paidTotal) {
    addFinding(ctx, finding("refund_cap", "X2", "info", `${option.kind} capped at the paid ${paidTotal} cents`));
    cents = paidTotal;
  }
  option.refundCents = cents;
}

/** X8: a refund that takes the goods back is paid once they are back (and inspected where the store inspects). */
function gateOption(ctx: EvalContext, option: DecisionOption): void {
  const gate = payoutGateOf(ctx);
  option.payableAfter = gate.after;
  option.payable = gate.met;
  ctx.clauses.add("X8");
  if (gate.clause) ctx.clauses.add(gate.clause);
}
