// Builders shared by the policy tests (not a test file itself).

import { expect } from "vitest";
import type { EvidenceKind, FindingCode, StoreKey } from "./enums.ts";
import { decisionSchema, defaultPolicies, evaluateClaim, type ClaimFactsInput, type ClaimLine, type Decision, type PolicyDocument } from "./index.ts";

export const NOW = "2025-06-01T12:00:00.000Z";
/** Wednesday 2025-03-05, 10:00 UTC. */
export const DELIVERED = "2025-03-05T10:00:00.000Z";

export function line(overrides: Partial<ClaimLine> = {}): ClaimLine {
  return { sku: "SKU-1", unitPriceCents: 10_000, quantity: 1, ...overrides };
}

export function facts(overrides: Partial<ClaimFactsInput> = {}): ClaimFactsInput {
  return {
    reason: "quality_defect",
    orderPlacedAt: "2025-03-01T10:00:00.000Z",
    shippedAt: "2025-03-02T10:00:00.000Z",
    deliveredAt: DELIVERED,
    reportedAt: "2025-03-10T10:00:00.000Z",
    lines: [line()],
    evidence: [],
    voidFindings: [],
    repairPauses: [],
    ...overrides,
  };
}

/** evidence("photo", ["video", 3]) → [{kind: "photo"}, {kind: "video"} ×3] */
export function evidence(...items: (EvidenceKind | [EvidenceKind, number])[]): { kind: EvidenceKind }[] {
  return items.flatMap((item) => {
    const [kind, count] = typeof item === "string" ? [item, 1] : item;
    return Array.from({ length: count }, () => ({ kind }));
  });
}

/** ISO instant `days` days (and `minutes`) after `from`. */
export function after(from: string, days: number, minutes = 0): string {
  return new Date(Date.parse(from) + days * 86_400_000 + minutes * 60_000).toISOString();
}

/** Evaluates and checks the decision against the contract's schema. */
export function decide(store: StoreKey | PolicyDocument, overrides: Partial<ClaimFactsInput> = {}, now = NOW): Decision {
  const policy = typeof store === "string" ? defaultPolicies[store] : store;
  const decision = evaluateClaim(policy, facts(overrides), now);
  decisionSchema.parse(decision);
  return decision;
}

export function findingsOf(d: Decision, code: FindingCode) {
  return d.findings.filter((f) => f.code === code);
}

export function expectFinding(d: Decision, code: FindingCode, clause: string, severity?: "block" | "warn" | "info") {
  const hit = d.findings.find((f) => f.code === code && f.clause === clause && (severity === undefined || f.severity === severity));
  expect(hit, `finding ${code}/${clause} in ${JSON.stringify(d.findings)}`).toBeDefined();
}

export function option(d: Decision, kind: string) {
  return d.options.find((o) => o.kind === kind);
}

export function kinds(d: Decision): string[] {
  return d.options.map((o) => o.kind);
}

export function deadline(d: Decision, key: string, clause?: string) {
  return d.deadlines.find((x) => x.key === key && (clause === undefined || x.clause === clause))?.dueAt;
}

/** A copy of a store's document with admin edits applied. */
export function edited(store: StoreKey, edit: (doc: PolicyDocument) => void): PolicyDocument {
  const copy = structuredClone(defaultPolicies[store]);
  edit(copy);
  return copy;
}
