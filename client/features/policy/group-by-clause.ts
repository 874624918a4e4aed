import { compareClauseIds } from "@shared/policy/clauses.ts";

/** Items grouped under their clause id, in the rule book's order (X…, store clauses, G). */
export function groupByClause<T extends { clause: string }>(items: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.clause) ?? [];
    list.push(item);
    groups.set(item.clause, list);
  }
  return [...groups.entries()].sort(([a], [b]) => compareClauseIds(a, b));
}
