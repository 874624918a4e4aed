import { useCallback, useRef, useState } from "react";
import { toast } from "@/lib/toast.ts";
import type { ExportFormat } from "@shared/schemas/exports.ts";
import { fileNameFrom } from "../lib/export-url.ts";

export type ExportProgress = { format: ExportFormat; bytes: number; rows: number | null };

/**
 * Downloads an export with fetch so the page can show bytes (and, for CSV, rows) as they arrive and
 * cancel midway (the server then stops its cursor and books the run as cancelled). Saved through a
 * Blob link when complete.
 */
export function useExportDownload() {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(async (url: string, format: ExportFormat) => {
    if (controller.current) return;
    const abort = new AbortController();
    controller.current = abort;
    setProgress({ format, bytes: 0, rows: format === "csv" ? 0 : null });
    try {
      const res = await fetch(url, { signal: abort.signal, credentials: "same-origin" });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        throw new Error(body?.error ?? `The export failed (HTTP ${res.status}).`);
      }
      const reader = res.body.getReader();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      // Line ends, minus the header; a line break inside a quoted cell counts too, so it is "about".
      let lines = -1;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.length;
        if (format === "csv") for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
        setProgress({ format, bytes, rows: format === "csv" ? Math.max(0, lines) : null });
      }
      const blob = new Blob(parts, { type: res.headers.get("content-type") ?? "application/octet-stream" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = fileNameFrom(res.headers.get("content-disposition"), `claimdesk-export.${format}`);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      toast.success(format === "csv" ? `Exported ${Math.max(0, lines).toLocaleString()} rows.` : "Export saved.");
    } catch (error) {
      if (abort.signal.aborted) toast.info("Export cancelled.");
      else toast.error(error instanceof Error ? error.message : "The export failed.");
    } finally {
      controller.current = null;
      setProgress(null);
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { progress, start, cancel };
}
