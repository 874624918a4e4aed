import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Loader2, Search } from "lucide-react";
import { useId, useState } from "react";
import { Field } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { formatCents, formatDate } from "@/lib/format.ts";
import { trpc, type RouterOutputs } from "@/lib/trpc.ts";
import { useDebounced } from "../hooks/use-debounced.ts";

export type FoundOrder = RouterOutputs["intake"]["findOrders"][number];

/** Finds an order by its number or the customer's e-mail, in the agent's stores only. */
export function OrderSearch({ onPick, error }: { onPick: (order: FoundOrder) => void; error?: string }) {
  const id = useId();
  const [text, setText] = useState("");
  const query = useDebounced(text.trim());
  const found = useQuery({ ...trpc.intake.findOrders.queryOptions({ query }), enabled: query.length >= 2, placeholderData: keepPreviousData });
  const rows = query.length >= 2 ? (found.data ?? []) : [];

  return (
    <div className="grid gap-2">
      <Field id={id} label="Order number or customer e-mail" error={error}>
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            id={id}
            type="search"
            autoFocus
            autoComplete="off"
            className="pl-8"
            placeholder="e.g. KIN-10482 or robin@example.com"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {found.isFetching && <Loader2 className="absolute top-1/2 right-2.5 size-4 -translate-y-1/2 animate-spin text-muted-foreground" aria-label="Searching" />}
        </div>
      </Field>
      {query.length >= 2 && !found.isPending && (
        <ul aria-label="Matching orders" className="divide-y rounded-md border">
          {rows.length === 0 && <li className="p-3 text-sm text-muted-foreground">No order in your stores matches “{query}”.</li>}
          {rows.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                onClick={() => onPick(o)}
                className="flex w-full items-center justify-between gap-3 p-3 text-left text-sm hover:bg-muted/60 focus-visible:bg-muted/60 focus-visible:outline-2 focus-visible:outline-ring"
              >
                <span className="min-w-0">
                  <span className="font-medium">{o.number}</span> <span className="text-muted-foreground">· {o.storeName}</span>
                  <span className="block truncate text-muted-foreground">
                    {o.customerName} &lt;{o.customerEmail}&gt;
                  </span>
                </span>
                <span className="shrink-0 text-right text-muted-foreground tabular-nums">
                  {formatCents(o.totalCents, o.currency)}
                  <span className="block text-xs">placed {formatDate(o.placedAt)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
