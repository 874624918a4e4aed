import { toEpochMs, type Calendar } from "../../time.ts";
import { factInstants, type FactInstant, type FindingCode, type Severity } from "../enums.ts";
import type { ClaimFactsInput, ClaimLine } from "../schema/facts.ts";
import type { CaseRule, OptionTemplate, PolicyDocument } from "../schema/document.ts";
import type { Deadline, Finding } from "../schema/decision.ts";
import type { CompiledPolicy } from "./compile.ts";

/** One claimed line while it is being judged (L1: lines are judged on their own). */
export interface LineState {
  readonly line: ClaimLine;
  readonly paidCents: number;
  caseRule: CaseRule | undefined;
  /** The options this line's case offers (after its window, E5). */
  templates: readonly OptionTemplate[];
  readonly findings: Finding[];
}

export interface EvalContext {
  readonly doc: PolicyDocument;
  readonly compiled: CompiledPolicy;
  readonly cal: Calendar;
  readonly facts: ClaimFactsInput;
  /** Every instant fact as epoch ms, parsed once. */
  readonly at: Readonly<Partial<Record<FactInstant, number>>>;
  readonly reportedMs: number;
  readonly nowMs: number;
  readonly lines: LineState[];
  /** Findings about the whole claim. */
  readonly findings: Finding[];
  readonly clauses: Set<string>;
  readonly deadlines: Deadline[];
  warrantyEndMs: number | undefined;
}

export function createContext(compiled: CompiledPolicy, facts: ClaimFactsInput, now: string | Date): EvalContext {
  const at: Partial<Record<FactInstant, number>> = {};
  for (const key of factInstants) {
    const value = facts[key];
    if (value !== undefined) at[key] = toEpochMs(value);
  }
  const lines = facts.lines.map(
    (line): LineState => ({
      line,
      paidCents: line.unitPriceCents * line.quantity,
      caseRule: undefined,
      templates: [],
      findings: [],
    }),
  );
  return {
    doc: compiled.doc,
    compiled,
    cal: compiled.calendar,
    facts,
    at,
    reportedMs: toEpochMs(facts.reportedAt),
    nowMs: toEpochMs(now),
    lines,
    findings: [],
    clauses: new Set(["X4"]),
    deadlines: [],
    warrantyEndMs: undefined,
  };
}

export function finding(
  code: FindingCode,
  clause: string,
  severity: Severity,
  message?: string,
): Finding {
  return message === undefined ? { code, clause, severity } : { code, clause, severity, message };
}

/** Records a claim-level finding and cites its clause. */
export function addFinding(ctx: EvalContext, f: Finding): void {
  ctx.findings.push(f);
  ctx.clauses.add(f.clause);
}

/** Records a finding about one line and cites its clause. */
export function addLineFinding(ctx: EvalContext, line: LineState, f: Finding): void {
  line.findings.push(f);
  ctx.clauses.add(f.clause);
}

export function isBlocked(line: LineState): boolean {
  return line.findings.some((f) => f.severity === "block");
}
