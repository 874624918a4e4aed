import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { ApprovalStatusFilter } from "@shared/schemas/approvals.ts";
import { queryClient, trpc } from "@/lib/trpc.ts";

// The shared list sits beside the approvals' zod schemas: importing it would bring zod (~25 KB gzip) into the
// queue's first load. `satisfies` fails the build if a status is added there and not here, or the reverse.
const knownStatuses = { proposed: true, approved: true, decided: true, all: true } satisfies Record<ApprovalStatusFilter, true>;
const isStatus = (s: string): s is ApprovalStatusFilter => Object.hasOwn(knownStatuses, s);

export type ApprovalParams = { status: ApprovalStatusFilter; page: number; pageSize: 25 | 50 | 100; sortOrder: "asc" | "desc"; refund: number | null };

function parse(sp: URLSearchParams): ApprovalParams {
  const status = sp.get("status") as ApprovalStatusFilter | null;
  const size = Number(sp.get("size"));
  const refund = Number(sp.get("refund"));
  return {
    status: status && isStatus(status) ? status : "proposed",
    page: Math.max(1, Math.min(400, Number(sp.get("page")) || 1)),
    pageSize: size === 50 || size === 100 ? size : 25,
    sortOrder: sp.get("order") === "desc" ? "desc" : "asc",
    refund: Number.isSafeInteger(refund) && refund > 0 ? refund : null,
  };
}

function toSearch(p: ApprovalParams): URLSearchParams {
  const sp = new URLSearchParams();
  if (p.status !== "proposed") sp.set("status", p.status);
  if (p.page > 1) sp.set("page", String(p.page));
  if (p.pageSize !== 25) sp.set("size", String(p.pageSize));
  if (p.sortOrder !== "asc") sp.set("order", p.sortOrder);
  if (p.refund) sp.set("refund", String(p.refund));
  return sp;
}

/** URL <-> the approvals queue's input (status tab, page, order, selected proposal), with next-page prefetch. */
export function useApprovalsQuery() {
  const [sp, setSp] = useSearchParams();
  const params = useMemo(() => parse(sp), [sp]);
  const input = useMemo(() => ({ status: params.status, page: params.page, pageSize: params.pageSize, sortOrder: params.sortOrder }), [params]);
  const setParams = useCallback((patch: Partial<ApprovalParams>) => setSp(toSearch({ ...params, ...patch }), { replace: "refund" in patch && Object.keys(patch).length === 1 }), [params, setSp]);
  const list = useQuery({ ...trpc.approvals.listApprovals.queryOptions(input), placeholderData: keepPreviousData });
  const total = list.data?.total;
  useEffect(() => {
    if (total !== undefined && params.page * params.pageSize < total) void queryClient.prefetchQuery(trpc.approvals.listApprovals.queryOptions({ ...input, page: params.page + 1 }));
  }, [total, input, params.page, params.pageSize]);
  return { params, setParams, list };
}

export const statusTabs: { id: ApprovalStatusFilter; label: string }[] = [
  { id: "proposed", label: "Waiting for approval" },
  { id: "approved", label: "Approved, to pay" },
  { id: "decided", label: "Decided" },
  { id: "all", label: "All" },
];
export const tabSearch = (params: ApprovalParams, status: ApprovalStatusFilter) => toSearch({ ...params, status, page: 1, refund: null }).toString();
