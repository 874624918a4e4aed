import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, realpathSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { dailyReportSettingSchema, defaultDailyReportSetting, type DailyReportSetting } from "../../shared/schemas/exports.ts";
import { fieldError } from "../auth/password-rules.ts";
import type { Database, DbOrTx } from "../db/client.ts";
import { settings } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { recordAdminAudit } from "./admin-audit.ts";
import { resolveColumns, runExport, startExportRun, type ExportRequest } from "./exports-run.ts";

export const DAILY_REPORT_KEY = "daily_refunds_report";

const dataDir = () => process.env.DATA_DIR ?? "./data";
const inside = (root: string, p: string) => {
  const rel = path.relative(root, p);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};
const outsideDataFolder = (root: string, folder: string) => {
  const message = `The report folder must be inside the data folder (${root}); ${folder} is not.`;
  return new TRPCError({ code: "BAD_REQUEST", message, cause: fieldError("folder", message) });
};

/**
 * The report folder, confined to DATA_DIR (beside the database and the uploads): relative folders live under it,
 * and an absolute one must lie inside it; any other path (`/proc/self`, `/etc`) is refused.
 */
export function reportFolder(folder: string): string {
  const root = path.resolve(dataDir());
  const resolved = path.resolve(root, folder);
  if (!inside(root, resolved)) throw outsideDataFolder(root, resolved);
  return resolved;
}

/**
 * Creates the folder after checking where it really is: a symbolic link inside DATA_DIR must not lead out of it
 * (the nearest existing folder is resolved before anything is created, and the result once more after).
 */
function createReportFolder(folder: string): string {
  const resolved = reportFolder(folder);
  mkdirSync(path.resolve(dataDir()), { recursive: true });
  const root = realpathSync(path.resolve(dataDir()));
  let existing = resolved;
  while (!existsSync(existing)) existing = path.dirname(existing);
  if (!inside(root, realpathSync(existing))) throw outsideDataFolder(root, resolved);
  mkdirSync(resolved, { recursive: true });
  if (!inside(root, realpathSync(resolved))) throw outsideDataFolder(root, resolved);
  return resolved;
}

export async function getDailyReportSetting(db: DbOrTx): Promise<DailyReportSetting> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, DAILY_REPORT_KEY));
  const parsed = dailyReportSettingSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultDailyReportSetting;
}

/** Creates the folder first, so a path the server cannot write to is refused now, not at six in the morning. */
export async function saveDailyReportSetting(db: DbOrTx, value: DailyReportSetting, userId: number, now: Date): Promise<DailyReportSetting> {
  const folder = reportFolder(value.folder);
  try {
    createReportFolder(value.folder);
  } catch (error) {
    if (error instanceof TRPCError) throw error;
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
  const folder = createReportFolder(opts.folder);
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
