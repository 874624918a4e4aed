import { useNavigate } from "react-router";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { format, parseISO } from "date-fns";
import { ageBucketLabel, type AgeBucket } from "@shared/claim-age.ts";
import type { VolumeReport } from "@shared/schemas/reports.ts";
import { statusLabels, type ClaimStatus } from "@shared/workflow/statuses.ts";
import { ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@/components/ui/chart.tsx";
import { queueLink } from "../hooks/queue-links.ts";
import { ChartCard } from "./chart-card.tsx";
import { SliceTable } from "./slice-table.tsx";

const flowConfig = { opened: { label: "Opened", color: "var(--chart-1)" }, closed: { label: "Closed", color: "var(--chart-2)" } } satisfies ChartConfig;
const countConfig = { count: { label: "Claims", color: "var(--chart-2)" } } satisfies ChartConfig;
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const day = (d: string) => format(parseISO(d), "d MMM");

export function OpenedClosedCard({ data, stores }: { data: VolumeReport["perDay"]; stores: string[] }) {
  return (
    <ChartCard
      title="Opened vs closed per day"
      description="Claims reported and closed each day (UTC)."
      className="lg:col-span-2"
      chart={
        <ChartContainer config={flowConfig} className="aspect-auto h-56 w-full">
          <AreaChart data={data} margin={{ left: 0, right: 8, top: 4 }} accessibilityLayer>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="day" tickLine={false} axisLine={false} tickMargin={8} minTickGap={24} tickFormatter={day} />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} width={40} />
            <ChartTooltip cursor={false} content={<ChartTooltipContent indicator="line" labelFormatter={(l) => (typeof l === "string" ? day(l) : l)} />} />
            <Area dataKey="opened" type="monotone" fill="var(--color-opened)" fillOpacity={0.25} stroke="var(--color-opened)" strokeWidth={2} />
            <Area dataKey="closed" type="monotone" fill="var(--color-closed)" fillOpacity={0.15} stroke="var(--color-closed)" strokeWidth={2} />
            <ChartLegend content={<ChartLegendContent />} />
          </AreaChart>
        </ChartContainer>
      }
      table={
        <SliceTable
          caption="Claims opened and closed per day" rowKey={(r) => r.day} rows={data.filter((d) => d.opened || d.closed)}
          // A day opens the claims reported that day (closed ones included).
          link={(r) => queueLink({ store: stores, closed: true, from: r.day, to: r.day, sort: "createdAt", order: "desc" })}
          columns={[{ header: "Day", cell: (r) => day(r.day) }, { header: "Opened", cell: (r) => r.opened, numeric: true }, { header: "Closed", cell: (r) => r.closed, numeric: true }]}
        />
      }
    />
  );
}

export function BacklogStatusCard({ data, stores }: { data: VolumeReport["backlogByStatus"]; stores: string[] }) {
  const navigate = useNavigate();
  const rows = data.map((d) => ({ ...d, label: statusLabels[d.status as ClaimStatus] ?? d.status }));
  const link = (status: string) => queueLink({ store: stores, status });
  return (
    <ChartCard
      title="Backlog by status" description="Open claims now."
      chart={
        <ChartContainer config={countConfig} className="aspect-auto w-full" style={{ height: Math.max(160, rows.length * 26 + 40) }}>
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer>
            <CartesianGrid horizontal={false} />
            <XAxis type="number" allowDecimals={false} tickLine={false} axisLine={false} />
            <YAxis type="category" dataKey="label" tickLine={false} axisLine={false} width={132} interval={0} />
            <ChartTooltip cursor={false} content={<ChartTooltipContent hideIndicator />} />
            <Bar dataKey="count" fill="var(--color-count)" radius={3} className="cursor-pointer" onClick={(d) => navigate(link((d.payload as { status: string }).status))} />
          </BarChart>
        </ChartContainer>
      }
      table={<SliceTable caption="Open claims by status" rows={rows} rowKey={(r) => r.status} link={(r) => link(r.status)} columns={[{ header: "Status", cell: (r) => r.label }, { header: "Claims", cell: (r) => r.count, numeric: true }]} />}
    />
  );
}

export function BacklogAgeCard({ data, stores }: { data: VolumeReport["backlogByAge"]; stores: string[] }) {
  const navigate = useNavigate();
  const rows = data.map((d) => ({ ...d, label: upperFirst(ageBucketLabel(d.bucket)) }));
  const link = (bucket: AgeBucket) => queueLink({ store: stores, age: bucket });
  return (
    <ChartCard
      title="Backlog by age" description="Open claims by days since reported."
      chart={
        <ChartContainer config={{ count: { label: "Claims", color: "var(--chart-4)" } }} className="aspect-auto h-56 w-full">
          <BarChart data={rows} margin={{ left: 0, right: 8, top: 4 }} accessibilityLayer>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="label" tickLine={false} axisLine={false} tickMargin={8} />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} width={40} />
            <ChartTooltip cursor={false} content={<ChartTooltipContent hideIndicator />} />
            <Bar dataKey="count" fill="var(--color-count)" radius={3} className="cursor-pointer" onClick={(d) => navigate(link((d.payload as { bucket: AgeBucket }).bucket))} />
          </BarChart>
        </ChartContainer>
      }
      table={<SliceTable caption="Open claims by age" rows={rows} rowKey={(r) => r.bucket} link={(r) => link(r.bucket)} columns={[{ header: "Age", cell: (r) => r.label }, { header: "Claims", cell: (r) => r.count, numeric: true }]} />}
    />
  );
}
