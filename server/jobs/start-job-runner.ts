import type { Database } from "../db/client.ts";
import { DEADLINE_ALERTS, deadlineAlertsHandler } from "./deadline-alerts.ts";
import { DAILY_REFUNDS_REPORT, dailyRefundsReportHandler, enqueueDailyRefundsReport } from "./daily-refunds-report.ts";
import { DEADLINE_SWEEP, deadlineSweepHandler } from "./deadline-sweep.ts";
import { enqueue } from "./queue.ts";
import { sendMessageHandlers, startMessageSweep } from "./send-messages.ts";
import { createJobRunner, type JobHandler, type JobLog } from "./runner.ts";

/** Every job kind the server knows; a job of another kind fails (and is kept, with the reason) instead of vanishing. */
export const jobHandlers: Record<string, JobHandler> = {
  [DEADLINE_SWEEP]: deadlineSweepHandler,
  [DAILY_REFUNDS_REPORT]: dailyRefundsReportHandler,
  ...sendMessageHandlers(),
  [DEADLINE_ALERTS]: deadlineAlertsHandler,
};

/**
 * Starts the background runner of this server process. The deadline sweep is queued at once (a no-op
 * when one is already pending from before a restart) and then re-queues itself every minute.
 */
export async function startJobRunner(opts: { database: Database; log: JobLog; pollMs?: number }): Promise<{ stop: () => Promise<void> }> {
  const { db } = opts.database;
  // Retries of the recurring sweep never give up for good: a run that fails keeps backing off (capped).
  await enqueue(db, DEADLINE_SWEEP, {}, { dedupeKey: DEADLINE_SWEEP, maxAttempts: 1000 });
  await enqueueDailyRefundsReport(db, new Date());
  await startMessageSweep(db);
  await enqueue(db, DEADLINE_ALERTS, {}, { dedupeKey: DEADLINE_ALERTS, maxAttempts: 1000 });
  const runner = createJobRunner({ db, handlers: jobHandlers, log: opts.log, pollMs: opts.pollMs }).start();
  opts.log.info({ workerId: runner.workerId }, "job runner started");
  return { stop: () => runner.stop() };
}
