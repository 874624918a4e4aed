import { useId, useState, type ReactNode } from "react";
import { BarChart3, Table2 } from "lucide-react";
import { Button } from "@/components/ui/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { cn } from "@/lib/utils.ts";

/** A chart with a "Table" switch that shows the same numbers as an accessible table (charts alone are opaque to screen readers). */
export function ChartCard({ title, description, chart, table, className }: { title: string; description?: string; chart: ReactNode; table: ReactNode; className?: string }) {
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  return (
    <Card role="group" className={cn("gap-3 py-4", className)} aria-labelledby={id}>
      <CardHeader className="flex flex-row items-start justify-between gap-2 px-4">
        <div className="grid gap-1">
          <CardTitle id={id} className="text-sm">{title}</CardTitle>
          {description ? <CardDescription className="text-xs">{description}</CardDescription> : null}
        </div>
        <Button variant="ghost" size="sm" className="h-7 gap-1.5 px-2 text-xs" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? <BarChart3 className="size-3.5" aria-hidden /> : <Table2 className="size-3.5" aria-hidden />}
          {asTable ? "Chart" : "Table"}
          <span className="sr-only"> view of {title}</span>
        </Button>
      </CardHeader>
      <CardContent className="px-4">{asTable ? table : chart}</CardContent>
    </Card>
  );
}
