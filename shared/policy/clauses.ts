// Clauses that hold for every store (rule book: X1–X6 and the grading tool G).
// Store clauses live in each store's document; `clauseCatalog` in index.ts
// joins both.

export interface ClauseSummary {
  readonly id: string;
  readonly summary: string;
  /** Store key, or undefined for cross-cutting clauses. */
  readonly store?: string;
}

export const crossCuttingClauses: readonly ClauseSummary[] = [
  { id: "X1", summary: "Nothing may be sent back without an open, authorised claim; such parcels are flagged as unannounced returns for a supervisor." },
  { id: "X2", summary: "Refunds and compensations on an order line never exceed what was paid for it; return-freight reimbursements are not counted." },
  { id: "X3", summary: "A refund is executed only after a supervisor other than the proposing agent approves it, and at most once per approval." },
  { id: "X4", summary: "Each decision lists the clauses it relied on." },
  { id: "X5", summary: "Missing evidence never rejects a claim: it asks for review, one finding per short kind, with required vs provided counts." },
  { id: "X6", summary: "Warranty ends at delivery plus the warranty months (same day and time) plus the length of every repair pause." },
  { id: "X7", summary: "Facts that contradict each other (dates out of order) are flagged with both dates and sent to review, never used silently." },
  { id: "X8", summary: "A refund for goods that travel back is paid only once they are received, and inspected where the store inspects." },
  { id: "X9", summary: "Each line keeps its own entitlement; options list the lines they cover and refunds split by each line's own amount." },
  { id: "G", summary: "A graded part refunds the grade's share of its scheduled value (else of the paid line), capped at the line's paid amount." },
];

export const crossCuttingClauseIds: readonly string[] = crossCuttingClauses.map((c) => c.id);

/** Orders clause ids as the rule book does (X…, then the stores, then G; others last). */
const familyOrder = ["X", "K", "L", "E", "C", "A", "G"];
// Every decision sorts its clauses; the set of ids is small, so rank each once.
const ranks = new Map<string, number>();
function rankOf(id: string): number {
  let r = ranks.get(id);
  if (r === undefined) {
    const family = familyOrder.indexOf(id.charAt(0));
    r = (family === -1 ? 99 : family) * 100_000 + Number(id.slice(1) || 0);
    if (ranks.size < 10_000) ranks.set(id, r);
  }
  return r;
}
export function compareClauseIds(a: string, b: string): number {
  return rankOf(a) - rankOf(b) || (a < b ? -1 : a > b ? 1 : 0);
}
