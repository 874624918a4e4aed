import { toIso } from "../../time.ts";
import { compareClauseIds } from "../clauses.ts";
import type { ClaimFactsInput } from "../schema/facts.ts";
import type { EvidenceRule, PolicyDocument } from "../schema/document.ts";
import type { Decision } from "../schema/decision.ts";
import { checkCondition, checkReturnCarrier, checkUnannouncedReturn } from "./checks.ts";
import { compilePolicy } from "./compile.ts";
import { checkConsistency } from "./consistency.ts";
import { addLineFinding, createContext, finding, type EvalContext, type LineState } from "./context.ts";
import { matchCase } from "./cases.ts";
import { addDeadlines } from "./deadlines.ts";
import { judgeEvidence } from "./evidence.ts";
import { decideFreight, freightReimbursement } from "./freight.ts";
import { applyLineRules } from "./line-rules.ts";
import { addNotes } from "./notes.ts";
import { buildOptions } from "./options.ts";
import { checkProcessing } from "./processing.ts";
import { judgeEligibility, mergeFindings, weight } from "./verdict.ts";
import { computeWarrantyEnd, warrantyFinding } from "./warranty.ts";
import { judgeWindow } from "./windows.ts";

/** Picks the line's case and judges everything that concerns the line alone. */
function judgeLine(ctx: EvalContext, state: LineState, evidenceRules: EvidenceRule[]): void {
  const c = matchCase(ctx, state.line);
  if (!c) {
    const u = ctx.doc.uncovered;
    addLineFinding(ctx, state, finding("not_covered", u.clause, u.severity, `${ctx.facts.reason} is not covered by this store's rules`));
    return;
  }
  state.caseRule = c;
  ctx.clauses.add(c.clause);
  for (const f of c.findings) addLineFinding(ctx, state, finding(f.code, f.clause, f.severity, f.message));

  state.templates = c.options;
  let underWarranty = c.underWarranty;
  if (c.window) {
    const w = judgeWindow(ctx, c.window);
    if (w.finding) addLineFinding(ctx, state, w.finding);
    if (w.outside && c.window.afterOptions) state.templates = c.window.afterOptions;
    if (w.outside && c.window.afterUnderWarranty) underWarranty = true;
  }
  if (underWarranty) {
    const f = warrantyFinding(ctx);
    if (f) addLineFinding(ctx, state, f);
  }
  if (c.evidence && !evidenceRules.includes(c.evidence)) evidenceRules.push(c.evidence);
  applyLineRules(ctx, state);
}

const blocksClaim = (ctx: EvalContext) => ctx.findings.some((f) => weight(f) === 2);
const lineOpen = (l: LineState) => l.caseRule !== undefined && !l.findings.some((f) => weight(f) === 2);

/**
 * Judges one claim against one store's policy document. Pure and
 * deterministic: `now` is only used to tell whether a waiver deadline (C9) has
 * passed; everything else is judged at the facts' own instants.
 */
export function evaluateClaim(policy: PolicyDocument, facts: ClaimFactsInput, now: string | Date): Decision {
  const compiled = compilePolicy(policy);
  const ctx = createContext(compiled, facts, now);
  checkConsistency(ctx);
  computeWarrantyEnd(ctx);

  const evidenceRules: EvidenceRule[] = policy.evidenceForAll ? [policy.evidenceForAll] : [];
  for (const state of ctx.lines) judgeLine(ctx, state, evidenceRules);
  checkUnannouncedReturn(ctx);
  checkReturnCarrier(ctx);
  checkCondition(ctx);
  const processingFreight = checkProcessing(ctx);
  const evidence = judgeEvidence(ctx, evidenceRules);
  addDeadlines(ctx, compiled.waiverDeadlines, [], "none");

  const open = blocksClaim(ctx) ? [] : ctx.lines.filter(lineOpen);
  const options = open.length > 0 ? buildOptions(ctx, open).filter((o) => !ctx.withdrawn.has(o.option.kind)) : [];

  const verdict = judgeEligibility(ctx.findings, ctx.lines);
  const ineligible = verdict.eligibility === "ineligible";
  const offered = ineligible ? [] : options;
  if (processingFreight) for (const o of offered) o.option.freight = processingFreight;
  const freight = ineligible ? "none" : (processingFreight ?? decideFreight(open, offered));
  const freightRule = open[0]?.caseRule?.freight;
  if (!ineligible && freightRule) ctx.clauses.add(freightRule.clause);
  addDeadlines(ctx, compiled.otherDeadlines, offered, freight);
  addNotes(ctx, offered, freight);
  const reimbursement = freightReimbursement(ctx, freight);

  const decision: Decision = {
    eligibility: verdict.eligibility,
    findings: mergeFindings(ctx.findings, ctx.lines),
    evidence,
    freight,
    options: offered.map((o) => o.option),
    deadlines: ctx.deadlines,
    lines: verdict.lines,
    clauses: [...ctx.clauses].sort(compareClauseIds),
  };
  if (ctx.warrantyEndMs !== undefined) decision.warrantyEndsAt = toIso(ctx.warrantyEndMs);
  if (reimbursement) decision.freightReimbursement = reimbursement;
  return decision;
}
