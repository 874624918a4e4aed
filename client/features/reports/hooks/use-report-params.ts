import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { format, subDays } from "date-fns";
import { reportRangeInput, type ReportRangeInput } from "@shared/schemas/reports.ts";

export type ReportParams = { from: string; to: string; stores: string[] };

const today = () => format(new Date(), "yyyy-MM-dd");
const defaults = (): ReportParams => ({ from: format(subDays(new Date(), 29), "yyyy-MM-dd"), to: today(), stores: [] });

/** The URL holds the range and stores, so a shared link shows the same figures; a broken range falls back to the last 30 days. */
export function useReportParams() {
  const [sp, setSp] = useSearchParams();
  const params = useMemo<ReportParams>(() => {
    const d = defaults();
    const stores = (sp.get("store") ?? "").split(",").filter(Boolean);
    const wanted = { from: sp.get("from") ?? d.from, to: sp.get("to") ?? d.to, stores };
    return reportRangeInput.safeParse({ from: wanted.from, to: wanted.to, storeIds: stores }).success ? wanted : { ...d, stores };
  }, [sp]);

  const setParams = useCallback(
    (patch: Partial<ReportParams>) => {
      const next = { ...params, ...patch };
      const out = new URLSearchParams();
      out.set("from", next.from);
      out.set("to", next.to);
      if (next.stores.length) out.set("store", next.stores.join(","));
      setSp(out, { replace: true });
    },
    [params, setSp],
  );

  const input = useMemo<ReportRangeInput>(() => ({ from: params.from, to: params.to, ...(params.stores.length ? { storeIds: params.stores } : {}) }), [params]);
  return { params, setParams, input };
}
