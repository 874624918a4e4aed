import type { ReactNode } from "react";
import { Link } from "react-router";
import { Card } from "@/components/ui/card.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { cn } from "@/lib/utils.ts";

export type Kpi = { label: string; value: ReactNode; hint?: string; href?: string; tone?: "danger" };

/** A row of headline figures; those with a queue slice behind them link to it. */
export function KpiCards({ items, loading }: { items: Kpi[]; loading: boolean }) {
  return (
    <ul className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" aria-label="Key figures">
      {items.map((k) => {
        const body = (
          <>
            <span className="text-xs text-muted-foreground">{k.label}</span>
            {loading ? <Skeleton className="h-7 w-16" /> : <span className={cn("text-2xl font-semibold tabular-nums tracking-tight", k.tone === "danger" && "text-destructive")}>{k.value}</span>}
            {k.hint ? <span className="text-[11px] text-muted-foreground">{k.hint}</span> : null}
          </>
        );
        return (
          <li key={k.label}>
            <Card className="h-full gap-1 px-4 py-3">
              {k.href ? (
                <Link to={k.href} className="-m-1 flex flex-col gap-1 rounded-md p-1 outline-none hover:bg-accent/40 focus-visible:ring-2 focus-visible:ring-ring">{body}</Link>
              ) : (
                <div className="flex flex-col gap-1">{body}</div>
              )}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
