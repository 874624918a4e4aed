import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import type { MoneyReport } from "@shared/schemas/reports.ts";
import { ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@/components/ui/chart.tsx";
import { formatCents, humanize } from "@/lib/format.ts";
import { queueLink } from "../hooks/queue-links.ts";
import { ChartCard } from "./chart-card.tsx";
import { SliceTable } from "./slice-table.tsx";
import { sumColumns, type Sums } from "./sums-table.tsx";

const moneyConfig = { approvedCents: { label: "Approved", color: "var(--chart-1)" }, executedCents: { label: "Paid", color: "var(--chart-2)" } } satisfies ChartConfig;
const compact = (cents: number) => formatCents(cents).replace(/\.00$/, "");

function MoneyBars<T extends Sums>({ rows, labelKey }: { rows: (T & { label: string })[]; labelKey: "label" }) {
  return (
    <ChartContainer config={moneyConfig} className="aspect-auto h-56 w-full">
      <BarChart data={rows} margin={{ left: 8, right: 8, top: 4 }} accessibilityLayer>
        <CartesianGrid vertical={false} />
        <XAxis dataKey={labelKey} tickLine={false} axisLine={false} tickMargin={8} interval={0} fontSize={11} />
        <YAxis tickLine={false} axisLine={false} width={64} tickFormatter={(v: number) => compact(v)} />
        <ChartTooltip cursor={false} content={<ChartTooltipContent formatter={(v, name) => <MoneyLine name={name} cents={v} />} />} />
        <Bar dataKey="approvedCents" fill="var(--color-approvedCents)" radius={3} />
        <Bar dataKey="executedCents" fill="var(--color-executedCents)" radius={3} />
        <ChartLegend content={<ChartLegendContent />} />
      </BarChart>
    </ChartContainer>
  );
}

function MoneyLine({ name, cents }: { name: string; cents: number }) {
  return (
    <div className="flex w-full justify-between gap-4">
      <span className="text-muted-foreground">{moneyConfig[name as keyof typeof moneyConfig]?.label ?? name}</span>
      <span className="font-mono tabular-nums">{formatCents(cents)}</span>
    </div>
  );
}

export function RefundsByStoreCard({ data, storeName }: { data: MoneyReport["byStore"]; storeName: (id: string) => string }) {
  const rows = data.map((d) => ({ ...d, label: storeName(d.storeId) }));
  return (
    <ChartCard
      title="Refunds by store" description="Approved and paid in the range."
      chart={<MoneyBars rows={rows} labelKey="label" />}
      table={<SliceTable caption="Refunds by store" rows={rows} rowKey={(r) => r.storeId} link={(r) => queueLink({ store: r.storeId, closed: true })} columns={sumColumns<(typeof rows)[number]>({ header: "Store", cell: (r) => r.label })} />}
    />
  );
}

export function RefundsByKindCard({ data, stores }: { data: MoneyReport["byKind"]; stores: string[] }) {
  const rows = data.map((d) => ({ ...d, label: humanize(d.kind) }));
  return (
    <ChartCard
      title="Refunds by resolution" description="Full refunds against compensation."
      chart={<MoneyBars rows={rows} labelKey="label" />}
      // The queue has no resolution filter: a kind opens the stores' claims with refunds in their recent history.
      table={<SliceTable caption="Refunds by resolution kind" rows={rows} rowKey={(r) => r.kind} link={() => queueLink({ store: stores, status: "refunded" })} columns={sumColumns<(typeof rows)[number]>({ header: "Resolution", cell: (r) => r.label })} />}
    />
  );
}
