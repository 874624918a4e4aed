import type { Db } from "../db/client.ts";
import { getDailyReportSetting, utcDay, writeDailyRefundsReport } from "../services/exports-daily.ts";
import { systemActor } from "./deadline-sweep.ts";
import { enqueue } from "./queue.ts";
import type { JobHandler } from "./runner.ts";

export const DAILY_REFUNDS_REPORT = "daily_refunds_report";

const atHour = (day: Date, hourUtc: number) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hourUtc));

/** Today's run (even if its hour has passed: a server that was down catches up) — one job per date via the dedupe key. */
export async function enqueueDailyRefundsReport(db: Db, now: Date, opts: { tomorrow?: boolean } = {}) {
  const { hourUtc } = await getDailyReportSetting(db);
  const runAt = atHour(new Date(now.getTime() + (opts.tomorrow ? 86_400_000 : 0)), hourUtc);
  return enqueue(db, DAILY_REFUNDS_REPORT, {}, { runAt, dedupeKey: `${DAILY_REFUNDS_REPORT}:${utcDay(runAt)}`, maxAttempts: 5 });
}

/**
 * Once a day at the admin's hour: yesterday's refunds (UTC day) as CSV into the configured folder, then
 * the next day's run is booked. Disabled: nothing is written, the schedule keeps ticking so enabling it
 * needs no restart. The setting is read at run time, so a moved hour applies from the next day.
 */
export const dailyRefundsReportHandler: JobHandler = async (_job, { db, now, log }) => {
  const setting = await getDailyReportSetting(db);
  const today = atHour(now, setting.hourUtc);
  if (now < today) {
    // The hour was moved later since this run was booked: wait for it today.
    return { next: { kind: DAILY_REFUNDS_REPORT, runAt: today, dedupeKey: `${DAILY_REFUNDS_REPORT}:${utcDay(today)}:later` } };
  }
  if (setting.enabled) {
    const day = utcDay(new Date(now.getTime() - 86_400_000));
    const result = await writeDailyRefundsReport({ db }, systemActor, { day, folder: setting.folder, now });
    log.info({ ...result, day }, result.written ? "daily refunds report written" : "daily refunds report already there");
  }
  const next = atHour(new Date(now.getTime() + 86_400_000), setting.hourUtc);
  return { next: { kind: DAILY_REFUNDS_REPORT, runAt: next, dedupeKey: `${DAILY_REFUNDS_REPORT}:${utcDay(next)}` } };
};
