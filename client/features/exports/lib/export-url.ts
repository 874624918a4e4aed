import type { ExportDataset, ExportFormat } from "@shared/schemas/exports.ts";

/** The queue's own URL parameters travel as they are: the server reads them the way the queue does. */
const queueParams = ["view", "status", "store", "reason", "priority", "assignee", "due", "q", "closed", "from", "to", "age"] as const;

export function exportUrl(dataset: ExportDataset, format: ExportFormat, search: URLSearchParams, columns: string[] | null): string {
  const sp = new URLSearchParams();
  for (const key of queueParams) {
    const v = search.get(key);
    if (v) sp.set(key, v);
  }
  if (columns?.length) sp.set("columns", columns.join(","));
  sp.set("tz", Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  return `/api/exports/${dataset}.${format}?${sp.toString()}`;
}

/** RFC 6266: prefer the UTF-8 name, else the plain one. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]!);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

export const formatBytes = (n: number) => (n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1048576).toFixed(1)} MB`);
