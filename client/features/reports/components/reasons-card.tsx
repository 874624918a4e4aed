import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import type { VolumeReport } from "@shared/schemas/reports.ts";
import { ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@/components/ui/chart.tsx";
import { humanize } from "@/lib/format.ts";
import { queueLink } from "../hooks/queue-links.ts";
import { ChartCard } from "./chart-card.tsx";
import { seriesColor } from "./palette.ts";
import { SliceTable } from "./slice-table.tsx";

/** Claims reported in the range, stacked by reason within each store. */
export function ReasonsCard({ data, storeName, range }: { data: VolumeReport["reasonsByStore"]; storeName: (id: string) => string; range: { from: string; to: string } }) {
  const { rows, config, reasons } = useMemo(() => {
    const reasons = [...new Set(data.map((d) => d.reason))].sort();
    const byStore = new Map<string, Record<string, string | number>>();
    for (const d of data) {
      const row = byStore.get(d.storeId) ?? { storeId: d.storeId, store: storeName(d.storeId) };
      row[d.reason] = d.count;
      byStore.set(d.storeId, row);
    }
    const config: ChartConfig = Object.fromEntries(reasons.map((r, i) => [r, { label: humanize(r), color: seriesColor(i) }]));
    return { rows: [...byStore.values()], config, reasons };
  }, [data, storeName]);

  return (
    <ChartCard
      title="Reasons per store" description="Claims reported in the range."
      className="lg:col-span-2"
      chart={
        <ChartContainer config={config} className="aspect-auto h-64 w-full">
          <BarChart data={rows} margin={{ left: 0, right: 8, top: 4 }} accessibilityLayer>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="store" tickLine={false} axisLine={false} tickMargin={8} />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} width={40} />
            <ChartTooltip cursor={false} content={<ChartTooltipContent />} />
            {reasons.map((r, i) => (
              <Bar key={r} dataKey={r} stackId="reasons" fill={`var(--color-${r})`} radius={i === reasons.length - 1 ? [3, 3, 0, 0] : 0} />
            ))}
            <ChartLegend content={<ChartLegendContent className="text-[11px]" />} />
          </BarChart>
        </ChartContainer>
      }
      table={
        <SliceTable
          caption="Claims by store and reason" rows={data} rowKey={(r) => `${r.storeId}-${r.reason}`}
          link={(r) => queueLink({ store: r.storeId, reason: r.reason, closed: true, from: range.from, to: range.to })}
          columns={[
            { header: "Reason", cell: (r) => humanize(r.reason) },
            { header: "Store", cell: (r) => storeName(r.storeId) },
            { header: "Claims", cell: (r) => r.count, numeric: true },
          ]}
        />
      }
    />
  );
}
