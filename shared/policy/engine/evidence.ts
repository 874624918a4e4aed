import type { EvidenceRequirementKind } from "../enums.ts";
import type { EvidenceRule } from "../schema/document.ts";
import type { EvidenceStatus } from "../schema/decision.ts";
import { addFinding, finding, type EvalContext } from "./context.ts";

/**
 * X5: required vs provided for every required kind; a shortfall asks for
 * review (one `evidence_missing` per kind) and never rejects on its own.
 * Requirements of all matched cases and the store-wide rule are merged, the
 * larger minimum winning when two name the same kind.
 */
export function judgeEvidence(ctx: EvalContext, rules: readonly EvidenceRule[]): EvidenceStatus[] {
  const required = new Map<EvidenceRequirementKind, { min: number; clause: string }>();
  for (const rule of rules) {
    ctx.clauses.add(rule.clause);
    for (const r of rule.requires) {
      const known = required.get(r.kind);
      if (!known || known.min < r.min) required.set(r.kind, { min: r.min, clause: rule.clause });
    }
  }
  if (required.size === 0) return [];
  ctx.clauses.add("X5");

  const counts = new Map<string, number>();
  for (const item of ctx.facts.evidence ?? []) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);

  const statuses: EvidenceStatus[] = [];
  for (const [kind, { min, clause }] of required) {
    const provided = kind === "photo_or_video" ? (counts.get("photo") ?? 0) + (counts.get("video") ?? 0) : (counts.get(kind) ?? 0);
    statuses.push({ kind, required: min, provided });
    if (provided < min) addFinding(ctx, finding("evidence_missing", clause, "warn", `${kind}: ${provided} of ${min}`));
  }
  return statuses;
}
