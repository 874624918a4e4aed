import { existsSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { seedClaims } from "../../db/seed/demo.ts";
import { claims, exportRuns, jobs, refunds } from "../../db/schema/index.ts";
import { parseCsv } from "../../http/exports-test-kit.ts";
import { dailyRefundsReportHandler, DAILY_REFUNDS_REPORT } from "../../jobs/daily-refunds-report.ts";
import type { JobRow } from "../../jobs/runner.ts";
import { resolveColumns, startExportRun, type ExportRequest } from "../../services/exports-run.ts";
import { callerFor, callersFor } from "../../test/callers.ts";
import type { SessionUser } from "../../trpc/context.ts";
import { openTestDatabase } from "../../test/database.ts";

const now = new Date("2026-11-20T07:00:00Z");
const folder = mkdtempSync(path.join(os.tmpdir(), "claimdesk-reports-"));
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;
const log = { info: () => {}, warn: () => {}, error: () => {} };

// The report folder is confined to DATA_DIR: this file's data folder is its temporary folder.
const dataDirBefore = process.env.DATA_DIR;
beforeAll(async () => {
  process.env.DATA_DIR = folder;
  database = await openTestDatabase();
  await seedClaims(database.db, { count: 20, seed: 3, now });
  c = await callersFor(database.db, now);
  const [claim] = await database.db.select({ id: claims.id }).from(claims).limit(1);
  await database.db.insert(refunds).values([
    { claimId: claim!.id, reference: "RF-DAY-1", amountCents: 4999, kind: "full_refund", idempotencyKey: "d1", createdAt: new Date("2026-11-19T10:00:00Z") },
    { claimId: claim!.id, reference: "RF-DAY-0", amountCents: 100, kind: "full_refund", idempotencyKey: "d0", createdAt: new Date("2026-11-18T23:59:00Z") },
  ]);
});
afterAll(async () => {
  if (dataDirBefore === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = dataDirBefore;
  await database?.close();
});

describe("daily refunds report setting", () => {
  it("is admin-only, validates the folder and hour, and creates the folder", async () => {
    await expect(c.supervisor.exports.getDailyReportSetting()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(c.agent.exports.setDailyReportSetting({ enabled: true, folder: folder, hourUtc: 6 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await c.admin.exports.getDailyReportSetting()).toMatchObject({ enabled: false, hourUtc: 6 });
    await expect(c.admin.exports.setDailyReportSetting({ enabled: true, folder: "../etc", hourUtc: 6 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.admin.exports.setDailyReportSetting({ enabled: true, folder: folder, hourUtc: 24 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Only inside the data folder: not /proc/self, not a folder beside it, not through a link leading out.
    for (const outside of ["/proc/self", os.tmpdir(), path.join(folder, "..", "elsewhere")]) {
      await expect(c.admin.exports.setDailyReportSetting({ enabled: true, folder: outside, hourUtc: 6 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("inside the data folder") });
    }
    symlinkSync(os.tmpdir(), path.join(folder, "link-out"));
    await expect(c.admin.exports.setDailyReportSetting({ enabled: true, folder: "link-out/reports", hourUtc: 6 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const target = path.join(folder, "daily");
    const saved = await c.admin.exports.setDailyReportSetting({ enabled: true, folder: target, hourUtc: 6 });
    expect(saved).toEqual({ enabled: true, folder: target, hourUtc: 6, resolvedFolder: target });
    expect(existsSync(target)).toBe(true);
    expect(await c.admin.exports.getDailyReportSetting()).toMatchObject({ enabled: true, folder: target });
    const booked = await database.db.select().from(jobs).where(eq(jobs.kind, DAILY_REFUNDS_REPORT));
    expect(booked.map((j) => j.dedupeKey)).toEqual(["daily_refunds_report:2026-11-20"]);
    const audit = await c.admin.users.listAdminAuditEvents({ filters: { action: ["daily_report_changed"] } });
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ actorId: c.users.admin.id, targetType: "setting", data: { before: { enabled: false }, after: { enabled: true, folder: target, hourUtc: 6 } } });
  });

  it("writes yesterday's refunds once into the folder, books the run, and schedules tomorrow", async () => {
    const job = { id: 0, kind: DAILY_REFUNDS_REPORT, payload: {} } as unknown as JobRow;
    const outcome = await dailyRefundsReportHandler(job, { db: database.db, now, log });
    const file = path.join(folder, "daily", "refunds-2026-11-19.csv");
    const rows = parseCsv(readFileSync(file, "utf8"));
    expect(rows[0]!.slice(0, 3)).toEqual(["Reference", "Claim", "Store"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["RF-DAY-1"]);
    expect(rows[1]![rows[0]!.indexOf("Amount")]).toBe("49.99");
    expect(outcome).toMatchObject({ next: { runAt: new Date("2026-11-21T06:00:00Z"), dedupeKey: "daily_refunds_report:2026-11-21" } });
    const [run] = await database.db.select().from(exportRuns).where(eq(exportRuns.dataset, "refunds"));
    expect(run).toMatchObject({ userId: null, format: "csv", status: "done", rowCount: 1, filters: { from: "2026-11-19T00:00:00.000Z", to: "2026-11-20T00:00:00.000Z" } });
    // A second run the same day keeps the file and books nothing new.
    await dailyRefundsReportHandler(job, { db: database.db, now, log });
    expect(await database.db.select().from(exportRuns).where(eq(exportRuns.dataset, "refunds"))).toHaveLength(1);
  });
});

describe("listExportRuns", () => {
  it("pages the runs for supervisors and admins only", async () => {
    await expect(c.agent.exports.listExportRuns({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const page = await c.supervisor.exports.listExportRuns({ pageSize: 10 });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ dataset: "refunds", status: "done", rowCount: 1, userName: null });
  });

  it("shows a supervisor of one store only the runs that read nothing but their stores, filters and all", async () => {
    const single: SessionUser = { ...c.users.supervisor, storeIds: ["kinetic"] };
    const request = (store?: string[], q?: string): ExportRequest => ({ dataset: "claims", format: "csv", columns: [], filters: { ...(store ? { store } : {}), ...(q ? { q } : {}) }, timeZone: "UTC" });
    const cols = resolveColumns("claims", ["number"]);
    const mine = await startExportRun(database, single, request(undefined, "someone@kinetic.example"), cols, now);
    const theirs = await startExportRun(database, { ...c.users.supervisor, storeIds: ["atelier"] }, request(undefined, "customer@atelier.example"), cols, now);
    const wide = await startExportRun(database, c.users.admin, request(), cols, now);
    const narrowed = await startExportRun(database, c.users.admin, request(["kinetic"]), cols, now);
    const seen = await callerFor(database.db, single, now).exports.listExportRuns({ pageSize: 100 });
    const ids = seen.rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([mine, narrowed]));
    expect(ids).not.toContain(theirs);
    expect(ids).not.toContain(wide);
    expect(JSON.stringify(seen.rows)).not.toContain("atelier.example");
    expect(seen.total).toBe(ids.length);
    // A supervisor of every store and an admin see them all.
    const all = (await c.admin.exports.listExportRuns({ pageSize: 100 })).rows.map((r) => r.id);
    expect(all).toEqual(expect.arrayContaining([mine, theirs, wide, narrowed]));
  });
});
