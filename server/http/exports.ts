import { PassThrough } from "node:stream";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { isValidTimeZone } from "../../shared/time.ts";
import { exportDatasets, exportFormats, exportQuerySchema, exportQueueFilters, exportRange, type ExportDataset, type ExportFormat } from "../../shared/schemas/exports.ts";
import type { Database } from "../db/client.ts";
import { assertMayExport, resolveColumns, runExport, startExportRun, type ExportRequest } from "../services/exports-run.ts";
import { assertSecondFactor } from "../auth/totp-gate.ts";
import { contentDisposition } from "./evidence-download.ts";
import { sendError, sendServiceError, sessionUser } from "./http-auth.ts";

export type ExportsHttpOptions = { database: Database };

const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
const secondFactorDatasets: readonly ExportDataset[] = ["refunds", "audit_events"];
/** Lets the browser read the run id and file name of a fetch() download (they are not CORS-safelisted). */
const exposed = "content-disposition, x-export-run";

/**
 * `GET /api/exports/:dataset.:format?…queue filters…&from&to&columns=a,b`: the file is written while the
 * rows come off a database cursor, so its size never shows up in the server's memory. Same session
 * cookie and store scope as tRPC; every request is booked in export_runs with its outcome.
 */
export const exportsHttp: FastifyPluginAsync<ExportsHttpOptions> = async (app, opts) => {
  const { database } = opts;
  app.get<{ Params: { dataset: string; format: string }; Querystring: Record<string, string> }>(
    "/api/exports/:dataset.:format",
    async (req, reply): Promise<FastifyReply> => {
      const user = await sessionUser(database.db, req);
      if (!user) return sendError(reply, 401, "Sign in to continue.");
      const dataset = req.params.dataset as ExportDataset;
      const format = req.params.format as ExportFormat;
      if (!exportDatasets.includes(dataset)) return sendError(reply, 404, `There is no "${req.params.dataset}" export; choose ${exportDatasets.join(", ")}.`);
      if (!exportFormats.includes(format)) return sendError(reply, 404, `Exports come as .csv or .xlsx, not .${req.params.format}.`);
      const parsed = exportQuerySchema.safeParse(req.query);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
        return sendError(reply, 422, "Some export parameters are invalid.", fieldErrors);
      }
      const q = parsed.data;
      const request: ExportRequest = {
        dataset,
        format,
        columns: q.columns,
        filters: exportQueueFilters(q),
        ...exportRange(q),
        timeZone: q.tz && isValidTimeZone(q.tz) ? q.tz : "UTC",
      };
      let columns: ReturnType<typeof resolveColumns>;
      try {
        assertMayExport(user, dataset);
        // Refunds and the audit trail leave the building only from a second-factor-checked session.
        if (secondFactorDatasets.includes(dataset)) assertSecondFactor(user, `export ${dataset === "refunds" ? "refunds" : "audit events"}`);
        columns = resolveColumns(dataset, request.columns);
      } catch (error) {
        const answered = sendServiceError(reply, error);
        if (answered) return answered;
        throw error;
      }

      const now = new Date();
      const runId = await startExportRun(database, user, request, columns, now);
      const out = new PassThrough();
      let cancelled = false;
      reply.raw.on("close", () => {
        if (!reply.raw.writableFinished) {
          cancelled = true;
          out.destroy();
        }
      });
      runExport(database, user, request, columns, out, { runId, now, cancelled: () => cancelled }).catch((err: unknown) =>
        req.log.error({ err, runId, dataset, format }, "export failed"),
      );
      return reply
        .header("content-type", contentTypes[format])
        .header("content-disposition", contentDisposition("attachment", `claimdesk-${dataset.replace(/_/g, "-")}-${now.toISOString().slice(0, 10)}.${format}`))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "no-store")
        .header("x-export-run", String(runId))
        .header("access-control-expose-headers", exposed)
        .send(out);
    },
  );
};
