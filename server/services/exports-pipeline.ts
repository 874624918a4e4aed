import type { Writable } from "node:stream";
import type { ExportColumn, ExportFormat } from "../../shared/schemas/exports.ts";
import { headerLabels, rowEmitter } from "./exports-format.ts";
import type { ExportRow } from "./exports-pg-cursor.ts";
import { csvWriter } from "./exports-writers.ts";
import { streamingXlsxWriter } from "./exports-xlsx.ts";

/** What the file looks like, whatever its rows come from. */
export type FileSpec = { format: ExportFormat; columns: ExportColumn[]; timeZones: Record<string, string>; sheetName: string };

/**
 * A full collection every this many rows when the process allows it (`--expose-gc`, which `npm start` sets).
 * An export's rows and text die young, but enough outlive a batch to be promoted, and V8 lets the old
 * generation grow to several times its live size before collecting it: ~150 MB more for a million rows.
 * Collecting every 50,000 rows (~30 ms each with the server's live heap) keeps the growth near 50 MB.
 */
const COLLECT_EVERY = 50_000;
const collect = (globalThis as { gc?: () => void }).gc;

/**
 * Formats the batches into `out` and finishes the file, or stops where it is once `cancelled()` turns
 * true. `wrote` hears the running row count.
 */
export async function writeExportFile(
  batches: AsyncIterable<ExportRow[]>,
  out: Writable,
  spec: FileSpec,
  hooks: { cancelled: () => boolean; wrote?: (rows: number) => void },
): Promise<{ rowCount: number; finished: boolean }> {
  const labels = headerLabels(spec.columns);
  const emit = rowEmitter(spec.columns, spec.timeZones);
  const writer = spec.format === "csv" ? csvWriter(out, labels, emit) : streamingXlsxWriter(out, labels, emit, spec.sheetName);
  let rowCount = 0;
  let collectAt = COLLECT_EVERY;
  for await (const batch of batches) {
    if (hooks.cancelled()) break;
    await writer.rows(batch);
    rowCount += batch.length;
    hooks.wrote?.(rowCount);
    if (collect && rowCount >= collectAt) {
      collect();
      collectAt = rowCount + COLLECT_EVERY;
    }
    if (hooks.cancelled()) break;
  }
  if (hooks.cancelled()) return { rowCount, finished: false };
  await writer.end();
  return { rowCount, finished: true };
}
