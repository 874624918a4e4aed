import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { dailyReportSettingSchema, defaultDailyReportSetting, type DailyReportSetting } from "../../shared/schemas/exports.ts";
import type { Database, DbOrTx } from "../db/client.ts";
import { settings } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { recordAdminAudit } from "./admin-audit.ts";
import { resolveColumns, runExport, startExportRun, type ExportRequest } from "./exports-run.ts";

export const DAILY_REPORT_KEY = "daily_refunds_report";

const dataDir = () => process.env.DATA_DIR ?? "./data";
/** A relative folder lives under DATA_DIR, beside the database and the uploads. */
export const reportFolder = (folder: string) => (path.isAbsolute(folder) ? path.normalize(folder) : path.resolve(dataDir(), folder));

export async function getDailyReportSetting(db: DbOrTx): Promise<DailyReportSetting> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, DAILY_REPORT_KEY));
  const parsed = dailyReportSettingSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultDailyReportSetting;
}

/** Creates the folder first, so a path the server cannot write to is refused now, not at six in the morning. */
export async function saveDailyReportSetting(db: DbOrTx, value: DailyReportSetting, userId: number, now: Date): Promise<DailyReportSetting> {
  const folder = reportFolder(value.folder);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? "error";
    throw new TRPCError({ code: "BAD_REQUEST", message: `The folder ${folder} cannot be created (${reason}).` });
  }
  await db.transaction(async (tx) => {
    const before = await getDailyReportSetting(tx);
    await tx
      .insert(settings)
      .values({ key: DAILY_REPORT_KEY, value, updatedById: userId, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedById: userId, updatedAt: now } });
    await recordAdminAudit(tx, { actorId: userId, action: "daily_report_changed", targetType: "setting", targetId: DAILY_REPORT_KEY, data: { before, after: value }, at: now });
  });
  return value;
}

export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Writes the refunds proposed on `day` (UTC) as CSV into the folder, as `refunds-<day>.csv`. A file that
 * already exists is kept (the job may run twice for a day after a restart). Written under a temporary
 * name and renamed, so a half-written report is never taken for the day's.
 */
export async function writeDailyRefundsReport(database: Pick<Database, "db" | "pool">, actor: SessionUser, opts: { day: string; folder: string; now: Date }) {
  const folder = reportFolder(opts.folder);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `refunds-${opts.day}.csv`);
  if (existsSync(file)) return { file, written: false, rowCount: 0 };
  const request: ExportRequest = { dataset: "refunds", format: "csv", columns: [], filters: {}, from: new Date(`${opts.day}T00:00:00Z`), to: new Date(Date.parse(`${opts.day}T00:00:00Z`) + 86_400_000), timeZone: "UTC" };
  const columns = resolveColumns("refunds", []);
  const runId = await startExportRun(database, null, request, columns, opts.now);
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  try {
    const outcome = await runExport(database, actor, request, columns, out, { runId, now: opts.now, cancelled: () => false });
    if (!out.closed) await once(out, "close");
    renameSync(partial, file);
    return { file, written: true, rowCount: outcome.rowCount };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
