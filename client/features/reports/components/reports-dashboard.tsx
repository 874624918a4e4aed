import { Suspense, useCallback, useEffect, type ReactNode } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { formatCents } from "@/lib/format.ts";
import { trpc } from "@/lib/trpc.ts";
import { History } from "lucide-react";
import { Link } from "react-router";
import { Button } from "@/components/ui/button.tsx";
import { paths } from "@/lib/paths.ts";
import { queueLink } from "../hooks/queue-links.ts";
import { useReportParams } from "../hooks/use-report-params.ts";
import { CategoryTables, LargestRefunds, PeopleTable, SlaTable } from "./detail-tables.tsx";
import { KpiCards } from "./kpi-cards.tsx";
import { lazyWithPreload } from "@/lib/lazy-with-preload.ts";
import { ReportFilters } from "./report-filters.tsx";

// The chart cards bring recharts and d3 (~110 KB gzip): they load beside the report queries and appear when
// both are in, while the figures and tables above and below them render at once.
const volumeCharts = () => import("./volume-charts.tsx");
const moneyCards = () => import("./money-cards.tsx");
const OpenedClosedCard = lazyWithPreload(() => volumeCharts().then((m) => m.OpenedClosedCard));
const BacklogStatusCard = lazyWithPreload(() => volumeCharts().then((m) => m.BacklogStatusCard));
const BacklogAgeCard = lazyWithPreload(() => volumeCharts().then((m) => m.BacklogAgeCard));
const ReasonsCard = lazyWithPreload(() => import("./reasons-card.tsx").then((m) => m.ReasonsCard));
const RefundsByStoreCard = lazyWithPreload(() => moneyCards().then((m) => m.RefundsByStoreCard));
const RefundsByKindCard = lazyWithPreload(() => moneyCards().then((m) => m.RefundsByKindCard));
const preloadCharts = () => {
  for (const card of [OpenedClosedCard, BacklogStatusCard, BacklogAgeCard, ReasonsCard, RefundsByStoreCard, RefundsByKindCard]) void card.preload();
};

function ChartSlot({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return <Suspense fallback={<Skeleton className={wide ? "h-72 lg:col-span-2" : "h-72"} aria-label="Loading chart" />}>{children}</Suspense>;
}

const duration = (h: number | null) => (h === null ? "—" : h < 48 ? `${h} h` : `${Math.round((h / 24) * 10) / 10} d`);

/** The supervisor dashboard: one filter, four report queries, figures computed by the server. */
export function ReportsDashboard() {
  const { params, setParams, input } = useReportParams();
  const opts = { placeholderData: keepPreviousData } as const;
  const volume = useQuery({ ...trpc.reports.getVolumeReport.queryOptions(input), ...opts });
  const sla = useQuery({ ...trpc.reports.getSlaReport.queryOptions(input), ...opts });
  const money = useQuery({ ...trpc.reports.getMoneyReport.queryOptions(input), ...opts });
  const people = useQuery({ ...trpc.reports.getPeopleReport.queryOptions(input), ...opts });
  const stores = useQuery(trpc.stores.listStores.queryOptions());
  const storeName = useCallback((id: string) => stores.data?.find((s) => s.id === id)?.name ?? id, [stores.data]);
  const error = volume.error ?? sla.error ?? money.error ?? people.error;
  const s = params.stores;
  useEffect(preloadCharts, []);

  return (
    <div className="flex flex-col gap-4 p-4 lg:p-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-lg font-semibold tracking-tight">Reports</h1>
          <p className="text-sm text-muted-foreground">Backlog and people are as of now; the rest covers the chosen days (UTC).</p>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <ReportFilters key={`${params.from}-${params.to}`} params={params} onChange={setParams} />
          <Button asChild variant="outline" size="sm" className="h-8">
            <Link to={paths.exportHistory}>
              <History aria-hidden /> Export history
            </Link>
          </Button>
        </div>
      </div>
      {error ? (
        <Alert variant="destructive"><AlertTitle>The reports could not load</AlertTitle><AlertDescription>{error.message}</AlertDescription></Alert>
      ) : null}
      <KpiCards
        loading={!volume.data || !sla.data || !money.data}
        items={[
          { label: "Open claims", value: volume.data?.open.toLocaleString(), href: queueLink({ store: s }) },
          { label: "Overdue", value: volume.data?.overdue.toLocaleString(), href: queueLink({ store: s, due: "overdue" }), tone: volume.data?.overdue ? "danger" : undefined },
          { label: "Median to first review", value: duration(sla.data?.medianHoursToFirstReview ?? null), hint: "claims reported in range" },
          { label: "Median to resolution", value: duration(sla.data?.medianHoursToResolution ?? null), hint: "claims closed in range" },
          { label: "Refunds paid", value: money.data ? formatCents(money.data.totals.executedCents) : undefined, hint: money.data ? `${money.data.totals.executedCount} paid in range` : undefined },
          { label: "Refunds approved", value: money.data ? formatCents(money.data.totals.approvedCents) : undefined, hint: money.data ? `${money.data.totals.approvedCount} approved in range` : undefined },
        ]}
      />
      {volume.data ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartSlot wide><OpenedClosedCard data={volume.data.perDay} stores={s} /></ChartSlot>
          <ChartSlot><BacklogStatusCard data={volume.data.backlogByStatus} stores={s} /></ChartSlot>
          <ChartSlot><BacklogAgeCard data={volume.data.backlogByAge} stores={s} /></ChartSlot>
          <ChartSlot><ReasonsCard data={volume.data.reasonsByStore} storeName={storeName} range={params} /></ChartSlot>
        </div>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2" aria-busy="true" aria-label="Loading charts">
          <Skeleton className="h-72 lg:col-span-2" />
          <Skeleton className="h-72" />
          <Skeleton className="h-72" />
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        {sla.data ? <SlaTable data={sla.data.deadlines} /> : null}
        {people.data ? <PeopleTable data={people.data} stores={s} /> : null}
      </div>
      {money.data ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartSlot><RefundsByStoreCard data={money.data.byStore} storeName={storeName} /></ChartSlot>
          <ChartSlot><RefundsByKindCard data={money.data.byKind} stores={s} /></ChartSlot>
          <LargestRefunds data={money.data.largest} storeName={storeName} />
          <CategoryTables money={money.data} storeName={storeName} />
        </div>
      ) : null}
    </div>
  );
}
