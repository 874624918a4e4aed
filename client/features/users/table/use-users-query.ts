import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo } from "react";
import { useSearchParams } from "react-router";
import { roles, type Role } from "@shared/roles.ts";
import { queryClient, trpc } from "@/lib/trpc.ts";

export type PeopleParams = { q: string; role: Role[]; store: string[]; active: "active" | "inactive" | "all"; page: number; pageSize: 25 | 50 | 100 };

const list = (sp: URLSearchParams, key: string) => (sp.get(key) ?? "").split(",").filter(Boolean);

function parse(sp: URLSearchParams): PeopleParams {
  const active = sp.get("active");
  const size = Number(sp.get("size"));
  return {
    q: sp.get("q") ?? "",
    role: list(sp, "role").filter((r): r is Role => (roles as readonly string[]).includes(r)),
    store: list(sp, "store"),
    active: active === "active" || active === "inactive" ? active : "all",
    page: Math.max(1, Number(sp.get("page")) || 1),
    pageSize: size === 50 || size === 100 ? size : 25,
  };
}

function toSearch(p: PeopleParams): URLSearchParams {
  const sp = new URLSearchParams();
  if (p.q) sp.set("q", p.q);
  if (p.role.length) sp.set("role", p.role.join(","));
  if (p.store.length) sp.set("store", p.store.join(","));
  if (p.active !== "all") sp.set("active", p.active);
  if (p.page > 1) sp.set("page", String(p.page));
  if (p.pageSize !== 25) sp.set("size", String(p.pageSize));
  return sp;
}

/** URL <-> Admin › People's listUsers input, with the next page prefetched. */
export function useUsersQuery() {
  const [sp, setSp] = useSearchParams();
  const params = useMemo(() => parse(sp), [sp]);
  const input = useMemo(
    () => ({
      page: params.page,
      pageSize: params.pageSize,
      filters: { q: params.q || undefined, role: params.role.length ? params.role : undefined, store: params.store.length ? params.store : undefined, active: params.active },
    }),
    [params],
  );
  // A filter change goes back to page 1; paging keeps the filters.
  const setParams = useCallback((patch: Partial<PeopleParams>) => setSp(toSearch({ ...params, page: 1, ...patch }), { replace: true }), [params, setSp]);
  const query = useQuery({ ...trpc.users.listUsers.queryOptions(input), placeholderData: keepPreviousData });
  const total = query.data?.total;
  useEffect(() => {
    if (total !== undefined && params.page * params.pageSize < total) void queryClient.prefetchQuery(trpc.users.listUsers.queryOptions({ ...input, page: params.page + 1 }));
  }, [total, input, params.page, params.pageSize]);
  return { params, setParams, query };
}
