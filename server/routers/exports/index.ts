import { and, count, desc, eq, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import { dailyReportSettingSchema, exportRunStatuses, listExportRunsInput } from "../../../shared/schemas/exports.ts";
import { exportRuns, users } from "../../db/schema/index.ts";
import { enqueueDailyRefundsReport } from "../../jobs/daily-refunds-report.ts";
import { getDailyReportSetting, reportFolder, saveDailyReportSetting } from "../../services/exports-daily.ts";
import { router } from "../../trpc/init.ts";
import { adminMutationProcedure, adminProcedure, supervisorProcedure } from "../../trpc/procedures.ts";

const settingOutput = dailyReportSettingSchema.extend({ resolvedFolder: z.string() });

const exportRunRow = z.object({
  id: z.number(),
  userName: z.string().nullable(),
  dataset: z.string(),
  format: z.string(),
  filters: z.record(z.string(), z.unknown()),
  columns: z.array(z.string()),
  status: z.enum(exportRunStatuses),
  rowCount: z.number(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
});

export const exportsRouter = router({
  getDailyReportSetting: adminProcedure.output(settingOutput).query(async ({ ctx }) => {
    const value = await getDailyReportSetting(ctx.db);
    // A folder saved before it was confined to the data folder: say so instead of failing the page.
    const resolvedFolder = (() => {
      try {
        return reportFolder(value.folder);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    })();
    return { ...value, resolvedFolder };
  }),

  setDailyReportSetting: adminMutationProcedure
    .input(dailyReportSettingSchema)
    .output(settingOutput)
    .mutation(async ({ ctx, input }) => {
      const value = await saveDailyReportSetting(ctx.db, input, ctx.user.id, ctx.now());
      // Book today's run at the (maybe new) hour; the dedupe key keeps it to one per date.
      await enqueueDailyRefundsReport(ctx.db, ctx.now());
      return { ...value, resolvedFolder: reportFolder(value.folder) };
    }),

  /**
   * The exports of the person's stores, newest first: a run shows only to people of every store it could read
   * (its filters may name a customer); runs over every store (admins', the daily report) to admins only.
   * The downloads themselves are plain HTTP: server/http/exports.ts.
   */
  listExportRuns: supervisorProcedure
    .input(listExportRunsInput)
    .output(z.object({ rows: z.array(exportRunRow), total: z.number() }))
    .query(async ({ ctx, input }) => {
      const stores = ctx.user.storeIds;
      const scope = stores === null ? undefined : and(isNotNull(exportRuns.storeIds), sql`${exportRuns.storeIds} <@ ${sql.param(stores)}::text[]`);
      const [rows, [counted]] = await Promise.all([
        ctx.db
          .select({
            id: exportRuns.id,
            userName: users.name,
            dataset: exportRuns.dataset,
            format: exportRuns.format,
            filters: exportRuns.filters,
            columns: exportRuns.columns,
            status: exportRuns.status,
            rowCount: exportRuns.rowCount,
            startedAt: exportRuns.startedAt,
            finishedAt: exportRuns.finishedAt,
          })
          .from(exportRuns)
          .leftJoin(users, eq(users.id, exportRuns.userId))
          .where(scope)
          .orderBy(desc(exportRuns.startedAt), desc(exportRuns.id))
          .limit(input.pageSize)
          .offset((input.page - 1) * input.pageSize),
        ctx.db.select({ n: count() }).from(exportRuns).where(scope),
      ]);
      return { rows: rows.map((r) => ({ ...r, status: r.status as (typeof exportRunStatuses)[number] })), total: Number(counted?.n ?? 0) };
    }),
});
