import type { Eligibility, Severity } from "../enums.ts";
import type { Finding } from "../schema/decision.ts";
import type { LineState } from "./context.ts";

const rank: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

function worst(findings: readonly Finding[]): number {
  let w = 0;
  for (const f of findings) if (rank[f.severity] > w) w = rank[f.severity];
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
  const open = lineLevels.filter((lvl) => lvl < 2);
  const overall = claimLevel === 2 || open.length === 0 ? 2 : Math.max(claimLevel, ...open);
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
  const out = [...claimFindings];
  const key = (f: Finding) => `${f.code}|${f.clause}|${f.severity}|${f.message ?? ""}`;
  const seen = new Set<string>();
  for (const line of lines) {
    for (const f of line.findings) {
      const k = key(f);
      const everywhere = lines.every((l) => l.findings.some((g) => key(g) === k));
      if (everywhere) {
        if (!seen.has(k)) out.push(f);
        seen.add(k);
      } else {
        out.push({ ...f, sku: line.line.sku });
      }
    }
  }
  return out;
}
