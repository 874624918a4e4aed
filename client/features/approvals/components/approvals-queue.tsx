import { Suspense, useEffect, useRef } from "react";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { lazyWithPreload, whenIdle } from "@/lib/lazy-with-preload.ts";
import { Link } from "react-router";
import { DataTable } from "@/components/data-table/data-table.tsx";
import { urlPagination } from "@/components/data-table/url-pagination.ts";
import { SecondFactorBanner } from "@/lib/auth.tsx";
import { cn } from "@/lib/utils.ts";
import { approvalColumns } from "../table/columns.tsx";
import { statusTabs, tabSearch, useApprovalsQuery } from "../table/use-approvals-query.ts";

// The detail with its decision form (zod) loads when the page is idle, or when a refund is opened.
const ApprovalDetail = lazyWithPreload(() => import("./approval-detail.tsx").then((m) => m.ApprovalDetail));

/** The supervisors' queue of refund proposals; selecting one opens it below with everything needed to decide. */
export function ApprovalsQueue() {
  const { params, setParams, list } = useApprovalsQuery();
  const detail = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (params.refund) detail.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [params.refund]);
  const total = list.data?.total;
  useEffect(() => whenIdle(() => void ApprovalDetail.preload()), []);

  return (
    <div className="flex flex-col gap-3 p-4 lg:p-6">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="text-lg font-semibold tracking-tight">Approvals</h1>
        <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
          {total === undefined ? "" : `${total.toLocaleString()} refund${total === 1 ? "" : "s"}`}
        </p>
      </div>
      <SecondFactorBanner action="approve, reject or pay out refunds" />
      <nav aria-label="Approval status" className="flex gap-1 border-b">
        {statusTabs.map((t) => (
          <Link
            key={t.id}
            to={{ search: tabSearch(params, t.id) }}
            aria-current={params.status === t.id ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 border-transparent px-3 py-2 text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
              params.status === t.id && "border-primary font-medium text-foreground",
            )}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <DataTable
        aria-label="Refund proposals"
        columns={approvalColumns}
        data={list.data?.rows}
        rowCount={total}
        getRowId={(r) => String(r.id)}
        {...urlPagination(params.page, params.pageSize, setParams)}
        sorting={[{ id: "createdAt", desc: params.sortOrder === "desc" }]}
        onSortingChange={(updater) => {
          const next = typeof updater === "function" ? updater([{ id: "createdAt", desc: params.sortOrder === "desc" }]) : updater;
          setParams({ sortOrder: next[0]?.desc ? "desc" : "asc", page: 1 });
        }}
        pageSizeOptions={[25, 50, 100]}
        isLoading={list.isPending}
        isFetching={list.isFetching}
        isError={list.isError}
        onRetry={() => void list.refetch()}
        onRowClick={(row) => setParams({ refund: row.id })}
        getRowClassName={(row) => (row.id === params.refund ? "bg-accent/60" : undefined)}
        emptyState={<p className="p-8 text-center text-sm text-muted-foreground">{params.status === "proposed" ? "No refund is waiting for approval." : "No refunds here."}</p>}
      />
      <div ref={detail}>
        {params.refund && (
          <Suspense fallback={<Skeleton className="h-64 w-full" aria-label="Loading the refund" />}>
            <ApprovalDetail key={params.refund} refundId={params.refund} onDone={() => setParams({ refund: null })} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
