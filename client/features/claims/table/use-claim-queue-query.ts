import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo } from "react";
import { useSearchParams } from "react-router";
import { queryClient, trpc } from "@/lib/trpc.ts";
import { parseQueueParams, queueParamsToSearch, toListInput, type QueueParams } from "./queue-params.ts";

/** URL <-> server input for the queue, plus the page query, facet counts and next-page prefetch. */
export function useClaimQueueQuery() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseQueueParams(searchParams), [searchParams]);
  const input = useMemo(() => toListInput(params), [params]);

  const setParams = useCallback(
    (patch: Partial<QueueParams>, opts: { keepPage?: boolean } = {}) => {
      // Any change but paging goes back to page 1, or the person lands on an empty page 37.
      const next = { ...params, ...patch, page: opts.keepPage ? (patch.page ?? params.page) : 1 };
      setSearchParams(queueParamsToSearch(next), { replace: false });
    },
    [params, setSearchParams],
  );

  const list = useQuery({ ...trpc.claims.listClaims.queryOptions(input), placeholderData: keepPreviousData });
  const facets = useQuery({
    ...trpc.claims.listClaimFacets.queryOptions({ filters: input.filters, timeZone: input.timeZone }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const total = list.data?.total;
  useEffect(() => {
    if (total === undefined) return;
    const pageCount = Math.ceil(total / params.pageSize);
    if (params.page < pageCount) void queryClient.prefetchQuery(trpc.claims.listClaims.queryOptions({ ...input, page: params.page + 1 }));
  }, [total, input, params.page, params.pageSize]);

  return { params, setParams, input, list, facets };
}
