import type { ReactNode } from "react";
import { DataTableFacetedFilter } from "@/components/data-table/data-table-faceted-filter.tsx";
import { DataTableResetFilters, DataTableSearch, DataTableToolbar } from "@/components/data-table/data-table-toolbar.tsx";
import { Checkbox } from "@/components/ui/checkbox.tsx";
import { Label } from "@/components/ui/label.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";
import type { RouterOutputs } from "@/lib/trpc.ts";
import { countCapFor } from "@shared/schemas/claim-queue-keys.ts";
import { dueOptions, optionsFromCounts, priorityOptions, statusOptions } from "./filter-options.ts";
import { hasActiveFilters, type QueueParams } from "./queue-params.ts";
import { SliceChips } from "./slice-chips.tsx";

type Facets = RouterOutputs["claims"]["listClaimFacets"] | undefined;

export function ClaimQueueToolbar({
  params,
  setParams,
  facets,
  storeNames,
  assignees,
  actions,
}: {
  params: QueueParams;
  setParams: (patch: Partial<QueueParams>) => void;
  facets: Facets;
  storeNames: Record<string, string>;
  assignees: { id: number; name: string }[];
  actions?: ReactNode;
}) {
  const assigneeOptions = [
    { value: "me", label: "Me" },
    { value: "unassigned", label: "Unassigned" },
    ...assignees.map((a) => ({ value: String(a.id), label: a.name })),
  ];
  const assigneeCounts = facets ? { ...facets.assignee } : undefined;
  return (
    <DataTableToolbar actions={actions}>
      <DataTableSearch
        value={params.q}
        onValueChange={(q) => setParams({ q })}
        placeholder="Search claim, order, e-mail, name…"
        aria-label="Search claims"
        className="w-64"
        data-queue-search
      />
      <DataTableFacetedFilter title="Status" options={statusOptions} value={params.status} onValueChange={(status) => setParams({ status })} counts={facets?.status} countCap={countCapFor(params)} />
      <DataTableFacetedFilter
        title="Store"
        options={Object.entries(storeNames).map(([value, label]) => ({ value, label }))}
        value={params.store}
        onValueChange={(store) => setParams({ store })}
        counts={facets?.store}
      />
      <DataTableFacetedFilter title="Reason" options={optionsFromCounts(facets?.reason)} value={params.reason} onValueChange={(reason) => setParams({ reason })} counts={facets?.reason} />
      <DataTableFacetedFilter title="Priority" options={priorityOptions} value={params.priority} onValueChange={(priority) => setParams({ priority })} counts={facets?.priority} />
      <DataTableFacetedFilter
        title="Assignee"
        options={assigneeOptions}
        value={params.assignee}
        onValueChange={(assignee) => setParams({ assignee })}
        counts={assigneeCounts}
        searchable
      />
      <Select value={params.due ?? "any"} onValueChange={(v) => setParams({ due: v === "any" ? undefined : (v as QueueParams["due"]) })}>
        <SelectTrigger size="sm" className="h-8 w-36 border-dashed" aria-label="Due date">
          <SelectValue placeholder="Due" />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="any">Any due date</SelectItem>
          {dueOptions.map((o) => (
            <SelectItem key={o.value} value={o.value}>
              {o.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <div className="flex h-8 items-center gap-2 px-1">
        <Checkbox id="include-closed" checked={params.closed} onCheckedChange={(v) => setParams({ closed: v === true })} />
        <Label htmlFor="include-closed" className="text-sm font-normal">
          Include closed
        </Label>
      </div>
      <SliceChips params={params} setParams={setParams} />
      {hasActiveFilters(params) && (
        <DataTableResetFilters
          onClick={() => setParams({ status: [], store: [], reason: [], priority: [], assignee: [], due: undefined, q: "", closed: false, from: undefined, to: undefined, age: undefined })}
        />
      )}
    </DataTableToolbar>
  );
}
