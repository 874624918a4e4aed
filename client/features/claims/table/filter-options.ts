import { claimStatuses, priorities, priorityLabels, statusLabels } from "@shared/workflow/statuses.ts";
import type { DataTableFacetedFilterOption } from "@/components/data-table/data-table-faceted-filter.tsx";
import { humanize } from "@/lib/format.ts";

export const statusOptions: DataTableFacetedFilterOption[] = claimStatuses.map((s) => ({ value: s, label: statusLabels[s] }));
export const priorityOptions: DataTableFacetedFilterOption[] = [...priorities].reverse().map((p) => ({ value: p, label: priorityLabels[p] }));

/** Reasons come from the facet counts, so a store's own vocabulary shows without a client release. */
export const optionsFromCounts = (counts: Record<string, number> | undefined, label: (v: string) => string = humanize) =>
  Object.keys(counts ?? {})
    .sort()
    .map((value) => ({ value, label: label(value) }));

export const dueOptions = [
  { value: "overdue", label: "Overdue" },
  { value: "today", label: "Due today" },
  { value: "next7", label: "Due in 7 days" },
  { value: "none", label: "No due date" },
] as const;
