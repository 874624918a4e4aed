import { toEpochMs, type Calendar } from "../../time.ts";
import { type FactInstant, type FindingCode, type Severity } from "../enums.ts";
import type { ClaimFactsInput, ClaimLine } from "../schema/facts.ts";
import type { CaseRule, OptionTemplate, PolicyDocument, WindowRule } from "../schema/document.ts";
import type { Deadline, Finding } from "../schema/decision.ts";
import type { CompiledPolicy } from "./compile.ts";
import type { WindowResult } from "./windows.ts";

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
  /** The end the warranty would have if pauses without tracking counted too (L9). */
  warrantyEndWithUntrackedMs: number | undefined;
  /** Option kinds a missed deadline took away (C6's waived return). */
  readonly withdrawn: Set<string>;
  readonly windowResults: Map<WindowRule, WindowResult>;
}

const parseOptional = (value: string | undefined) => (value === undefined ? undefined : toEpochMs(value));

export function createContext(compiled: CompiledPolicy, facts: ClaimFactsInput, now: string | Date): EvalContext {
  // Spelled out rather than looped over `factInstants`: one object shape for
  // every claim keeps property access monomorphic on this hot path.
  const reportedMs = toEpochMs(facts.reportedAt);
  const at: Record<FactInstant, number | undefined> = {
    orderPlacedAt: toEpochMs(facts.orderPlacedAt),
    shippedAt: parseOptional(facts.shippedAt),
    deliveredAt: parseOptional(facts.deliveredAt),
    reportedAt: reportedMs,
    approvedAt: parseOptional(facts.approvedAt),
    returnShippedAt: parseOptional(facts.returnShippedAt),
    returnReceivedAt: parseOptional(facts.returnReceivedAt),
    inspectedAt: parseOptional(facts.inspectedAt),
  };
  const lines: LineState[] = [];
  for (const line of facts.lines) {
    lines.push({ line, paidCents: line.unitPriceCents * line.quantity, caseRule: undefined, templates: [], findings: [] });
  }
  return {
    doc: compiled.doc,
    compiled,
    cal: compiled.calendar,
    facts,
    at,
    reportedMs,
    nowMs: toEpochMs(now),
    lines,
    findings: [],
    clauses: new Set(["X4"]),
    deadlines: [],
    warrantyEndMs: undefined,
    warrantyEndWithUntrackedMs: undefined,
    withdrawn: new Set(),
    windowResults: new Map(),
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

/** Records a claim-level finding once (lines priced one by one may meet the same wait) and cites its clause. */
export function addFinding(ctx: EvalContext, f: Finding): void {
  if (!ctx.findings.some((g) => g.code === f.code && g.clause === f.clause && g.severity === f.severity && g.message === f.message)) ctx.findings.push(f);
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
