import type { Eligibility, Severity } from "../enums.ts";
import type { Finding } from "../schema/decision.ts";
import type { LineState } from "./context.ts";

const rank: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

/**
 * How much a finding weighs on eligibility. X7's `inconsistent_facts` blocks every action but asks for
 * review rather than a refusal: the record is wrong, not the claim.
 */
export function weight(f: Finding): number {
  return f.code === "inconsistent_facts" ? 1 : rank[f.severity];
}

function worst(findings: readonly Finding[]): number {
  let w = 0;
  for (const f of findings) if (weight(f) > w) w = weight(f);
  return w;
}

function toEligibility(level: number): Eligibility {
  return level === 2 ? "ineligible" : level === 1 ? "needs_review" : "eligible";
}

/**
 * A claim is ineligible when something blocks the claim or every line; a line
 * blocked alone drops out (L1) while the others go on. Any remaining warning
 * asks for review.
 */
export function judgeEligibility(claimFindings: readonly Finding[], lines: readonly LineState[]) {
  const claimLevel = worst(claimFindings);
  const lineLevels = lines.map((l) => Math.max(claimLevel, worst(l.findings)));
  let overall = -1;
  for (const lvl of lineLevels) if (lvl < 2 && lvl > overall) overall = lvl;
  if (claimLevel === 2 || overall === -1) overall = 2;
  return {
    eligibility: toEligibility(overall),
    lines: lines.map((l, i) => ({ sku: l.line.sku, eligibility: toEligibility(lineLevels[i] ?? 2) })),
  };
}

/**
 * Line findings shared by every line are reported once for the claim; the
 * others name their line's sku.
 */
export function mergeFindings(claimFindings: readonly Finding[], lines: readonly LineState[]): Finding[] {
  const out = claimFindings.slice();
  if (lines.length === 1) {
    // A single line's findings are the claim's: no sku, nothing to merge.
    for (const f of lines[0]?.findings ?? []) if (!out.some((g) => sameFinding(f, g))) out.push(f);
    return out;
  }
  const merged: Finding[] = [];
  for (const line of lines) {
    for (const f of line.findings) {
      if (lines.every((l) => l.findings.some((g) => sameFinding(f, g)))) {
        if (!merged.some((g) => sameFinding(f, g))) merged.push(f);
      } else if (!out.some((g) => g.sku === line.line.sku && sameFinding(f, g))) {
        out.push({ ...f, sku: line.line.sku });
      }
    }
  }
  return out.concat(merged);
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.code === b.code && a.clause === b.clause && a.severity === b.severity && a.message === b.message;
}
