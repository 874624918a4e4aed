import type { Writable } from "node:stream";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type pg from "pg";
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
import { exportRuns, stores } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { cursorStatement, keysetBatches } from "./exports-cursor.ts";
import { datasetQueries } from "./exports-datasets.ts";
import { pgCursorBatches } from "./exports-pg-cursor.ts";
import { writeExportFile, type FileSpec } from "./exports-pipeline.ts";
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

/** The stores an export can read: its store filter within the person's stores (every store for admins and the daily report). */
async function exportStoreIds(db: Database["db"], user: Pick<SessionUser, "storeIds"> | null, filters: Pick<QueueFilters, "store">): Promise<string[]> {
  const chosen = filters.store?.length ? filters.store : null;
  const scope = user?.storeIds ?? (await db.select({ id: stores.id }).from(stores)).map((s) => s.id);
  return chosen ? chosen.filter((s) => scope.includes(s)) : scope;
}

/** Books the run with the stores it reads, so the export history shows it only to people of those stores. */
export async function startExportRun(database: Pick<Database, "db">, user: Pick<SessionUser, "id" | "storeIds"> | null, req: ExportRequest, columns: ExportColumn[], now: Date): Promise<number> {
  const filters = { ...req.filters, ...(req.from ? { from: req.from.toISOString() } : {}), ...(req.to ? { to: req.to.toISOString() } : {}) };
  const [run] = await database.db
    .insert(exportRuns)
    .values({ userId: user?.id ?? null, storeIds: await exportStoreIds(database.db, user, req.filters), dataset: req.dataset, format: req.format, filters, columns: columns.map((c) => c.key), status: "running", startedAt: now })
    .returning({ id: exportRuns.id });
  return run!.id;
}

export type ExportOutcome = { status: "done" | "cancelled" | "failed"; rowCount: number };

/** A pooled client for the cursor's transaction; one whose connection failed is discarded, not pooled. */
async function withCursorClient<T>(pool: pg.Pool, use: (client: pg.PoolClient, broken: () => void) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let isBroken = false;
  try {
    return await use(client, () => (isBroken = true));
  } finally {
    client.release(isBroken);
  }
}

/**
 * Streams the export into `out` and books the run's outcome: on PostgreSQL from a server-side cursor on a
 * client of its own, on PGlite page by page. `cancelled()` turns true when the person goes away (closed
 * tab, Cancel): the cursor is left at once and the run says so.
 */
export async function runExport(
  database: Pick<Database, "db" | "pool">,
  user: SessionUser,
  req: ExportRequest,
  columns: ExportColumn[],
  out: Writable,
  opts: { runId: number; now: Date; cancelled: () => boolean },
): Promise<ExportOutcome> {
  let outcome: ExportOutcome;
  let failure: unknown;
  let rowCount = 0;
  try {
    const policies = await currentPolicyVersions(database.db);
    const timeZones = Object.fromEntries(Object.entries(policies).map(([store, p]) => [store, p.document.timeZone ?? "UTC"]));
    const spec: FileSpec = { format: req.format, columns, timeZones, sheetName: datasetLabels[req.dataset] };
    const query = datasetQueries[req.dataset]({ user, filters: req.filters, from: req.from, to: req.to, now: opts.now, timeZone: req.timeZone });
    const hooks = { cancelled: opts.cancelled, wrote: (n: number) => (rowCount = n) };
    const file = database.pool
      ? await withCursorClient(database.pool, (client, broken) => writeExportFile(pgCursorBatches(client, cursorStatement(query), undefined, broken), out, spec, hooks))
      : await writeExportFile(keysetBatches(database, query), out, spec, hooks);
    outcome = { status: file.finished ? "done" : "cancelled", rowCount: file.rowCount };
  } catch (error) {
    outcome = { status: opts.cancelled() ? "cancelled" : "failed", rowCount };
    failure = error;
    out.destroy();
  }
  await database.db.update(exportRuns).set({ status: outcome.status, rowCount: outcome.rowCount, finishedAt: new Date() }).where(eq(exportRuns.id, opts.runId));
  if (failure && outcome.status === "failed") throw failure;
  return outcome;
}
