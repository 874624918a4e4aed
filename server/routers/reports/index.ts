import { moneyReportSchema, peopleReportSchema, reportRangeInput, slaReportSchema, volumeReportSchema } from "../../../shared/schemas/reports.ts";
import { moneyReport } from "../../services/reports-money.ts";
import { peopleReport } from "../../services/reports-people.ts";
import { slaReport } from "../../services/reports-sla.ts";
import { volumeReport } from "../../services/reports-volume.ts";
import { router } from "../../trpc/init.ts";
import { supervisorProcedure } from "../../trpc/procedures.ts";

// The supervisor dashboard: four query groups, each one round of SQL aggregates over the caller's stores.
const report = supervisorProcedure.input(reportRangeInput);

export const reportsRouter = router({
  getVolumeReport: report.output(volumeReportSchema).query(({ ctx, input }) => volumeReport(ctx.db, ctx.user, input, ctx.now())),
  getSlaReport: report.output(slaReportSchema).query(({ ctx, input }) => slaReport(ctx.db, ctx.user, input, ctx.now())),
  getMoneyReport: report.output(moneyReportSchema).query(({ ctx, input }) => moneyReport(ctx.db, ctx.user, input, ctx.now())),
  getPeopleReport: report.output(peopleReportSchema).query(({ ctx, input }) => peopleReport(ctx.db, ctx.user, input, ctx.now())),
});
