import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ChevronDown, Store } from "lucide-react";
import { reportRangeInput } from "@shared/schemas/reports.ts";
import { Button } from "@/components/ui/button.tsx";
import { DropdownMenu, DropdownMenuCheckboxItem, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Label } from "@/components/ui/label.tsx";
import { trpc } from "@/lib/trpc.ts";
import type { ReportParams } from "../hooks/use-report-params.ts";

/** Range and store filter. A date pair the server would refuse stays in the inputs with the reason beside them, and is not applied. */
export function ReportFilters({ params, onChange }: { params: ReportParams; onChange: (patch: Partial<ReportParams>) => void }) {
  const stores = useQuery(trpc.stores.listStores.queryOptions());
  const [draft, setDraft] = useState({ from: params.from, to: params.to });
  const [error, setError] = useState<string | null>(null);

  const change = (field: "from" | "to", value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    const check = reportRangeInput.safeParse(next);
    setError(check.success ? null : (check.error.issues[0]?.message ?? "Invalid range."));
    if (check.success) onChange(next);
  };
  const toggle = (id: string, on: boolean) => onChange({ stores: on ? [...params.stores, id] : params.stores.filter((s) => s !== id) });
  const label = params.stores.length === 0 ? "All stores" : params.stores.length === 1 ? (stores.data?.find((s) => s.id === params.stores[0])?.name ?? params.stores[0]) : `${params.stores.length} stores`;

  return (
    <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Report filters">
      {(["from", "to"] as const).map((f) => (
        <div key={f} className="grid gap-1">
          <Label htmlFor={`report-${f}`} className="text-xs text-muted-foreground">{f === "from" ? "From" : "To"}</Label>
          <Input
            id={`report-${f}`} type="date" className="h-8 w-40" value={draft[f]} required
            aria-invalid={error ? true : undefined} aria-describedby={error ? "report-range-error" : undefined}
            onChange={(e) => change(f, e.target.value)}
          />
        </div>
      ))}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" className="h-8" aria-label={`Stores: ${label}`}>
            <Store className="size-3.5" aria-hidden /> {label} <ChevronDown className="size-3.5 opacity-60" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          {stores.data?.map((s) => (
            <DropdownMenuCheckboxItem key={s.id} checked={params.stores.includes(s.id)} onCheckedChange={(on) => toggle(s.id, on === true)} onSelect={(e) => e.preventDefault()}>
              {s.name}
            </DropdownMenuCheckboxItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem disabled={!params.stores.length} onSelect={() => onChange({ stores: [] })}>All stores</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {error ? <p id="report-range-error" role="alert" className="basis-full text-xs text-destructive">{error}</p> : null}
    </div>
  );
}
