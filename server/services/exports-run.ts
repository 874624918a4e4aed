import type { Writable } from "node:stream";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { QueueFilters } from "../../shared/schemas/claim-queue.ts";
import {
  datasetLabels,
  exportColumns,
  supervisorOnlyDatasets,
  type ExportColumn,
  type ExportDataset,
  type ExportFormat,
} from "../../shared/schemas/exports.ts";
import type { Database } from "../db/client.ts";
import { exportRuns } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { exportBatches } from "./exports-cursor.ts";
import { datasetQueries } from "./exports-datasets.ts";
import { headerCells, rowCells } from "./exports-format.ts";
import { csvWriter } from "./exports-writers.ts";
import { streamingXlsxWriter } from "./exports-xlsx.ts";
import { currentPolicyVersions } from "./policy-versions.ts";

export type ExportRequest = {
  dataset: ExportDataset;
  format: ExportFormat;
  /** Column keys of the dataset's whitelist; empty means all. */
  columns: string[];
  filters: QueueFilters;
  from?: Date;
  to?: Date;
  /** The viewer's zone, for the queue's "due today". */
  timeZone: string;
};

/** Refunds, breaches and the audit trail: supervisors and admins only; agents export their stores' claims. */
export function assertMayExport(user: SessionUser, dataset: ExportDataset): void {
  if (user.role === "agent" && supervisorOnlyDatasets.includes(dataset)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `Exporting ${datasetLabels[dataset].toLowerCase()} needs the supervisor or admin role.` });
  }
}

export function resolveColumns(dataset: ExportDataset, keys: string[]): ExportColumn[] {
  const all: readonly ExportColumn[] = exportColumns[dataset];
  if (keys.length === 0) return [...all];
  const unknown = keys.filter((k) => !all.some((c) => c.key === k));
  if (unknown.length) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Unknown column ${unknown.map((k) => `"${k}"`).join(", ")} for ${dataset}; choose from ${all.map((c) => c.key).join(", ")}.` });
  }
  return all.filter((c) => keys.includes(c.key));
}

export async function startExportRun(database: Pick<Database, "db">, userId: number | null, req: ExportRequest, columns: ExportColumn[], now: Date): Promise<number> {
  const filters = { ...req.filters, ...(req.from ? { from: req.from.toISOString() } : {}), ...(req.to ? { to: req.to.toISOString() } : {}) };
  const [run] = await database.db
    .insert(exportRuns)
    .values({ userId, dataset: req.dataset, format: req.format, filters, columns: columns.map((c) => c.key), status: "running", startedAt: now })
    .returning({ id: exportRuns.id });
  return run!.id;
}

const WRITE_SLICE = 500;

export type ExportOutcome = { status: "done" | "cancelled" | "failed"; rowCount: number };

/**
 * Streams the export into `out` batch by batch and books the run's outcome. `cancelled()` turns true when
 * the person goes away (closed tab, Cancel): the cursor is left at once and the run says so.
 */
export async function runExport(
  database: Pick<Database, "db" | "pool">,
  user: SessionUser,
  req: ExportRequest,
  columns: ExportColumn[],
  out: Writable,
  opts: { runId: number; now: Date; cancelled: () => boolean },
): Promise<ExportOutcome> {
  let rowCount = 0;
  let status: ExportOutcome["status"] = "done";
  let failure: unknown;
  try {
    const policies = await currentPolicyVersions(database.db);
    const timeZones = Object.fromEntries(Object.entries(policies).map(([store, p]) => [store, p.document.timeZone ?? "UTC"]));
    const { labels, kinds } = headerCells(columns);
    const writer = req.format === "csv" ? csvWriter(out, labels) : streamingXlsxWriter(out, labels, kinds, datasetLabels[req.dataset]);
    const query = datasetQueries[req.dataset]({ user, filters: req.filters, from: req.from, to: req.to, now: opts.now, timeZone: req.timeZone });
    for await (const batch of exportBatches(database, query)) {
      if (opts.cancelled()) break;
      // Formatted and written a slice at a time, so the cells and text die young instead of piling up per batch.
      for (let i = 0; i < batch.length && !opts.cancelled(); i += WRITE_SLICE) {
        const slice = batch.slice(i, i + WRITE_SLICE);
        await writer.rows(slice.map((r) => rowCells(r, columns, timeZones)));
        rowCount += slice.length;
      }
      if (opts.cancelled()) break;
    }
    if (opts.cancelled()) status = "cancelled";
    else await writer.end();
  } catch (error) {
    status = opts.cancelled() ? "cancelled" : "failed";
    failure = error;
    out.destroy();
  }
  await database.db.update(exportRuns).set({ status, rowCount, finishedAt: new Date() }).where(eq(exportRuns.id, opts.runId));
  if (failure && status === "failed") throw failure;
  return { status, rowCount };
}
