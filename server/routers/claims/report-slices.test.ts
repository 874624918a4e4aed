import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ageBuckets } from "../../../shared/claim-age.ts";
import type { Database } from "../../db/client.ts";
import { claims } from "../../db/schema/index.ts";
import { seedClaims } from "../../db/seed/demo.ts";
import { callersFor } from "../../test/callers.ts";
import { fieldErrorsOf } from "../../test/field-errors.ts";
import { openTestDatabase } from "../../test/database.ts";

// Every dashboard slice links into the queue; these check the queue finds exactly the claims the report counted.
const now = new Date("2026-11-20T15:00:00Z");
const range = { from: "2026-10-01", to: "2026-11-10" };
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedClaims(database.db, { count: 500, seed: 11, now, batchSize: 250, spanDays: 60 });
  c = await callersFor(database.db, now);
});
afterAll(() => database.close());

describe("queue filters for report slices", () => {
  it("finds per backlog age bucket as many open claims as the dashboard counts", async () => {
    const report = await c.admin.reports.getVolumeReport(range);
    let sum = 0;
    for (const bucket of ageBuckets) {
      const counted = report.backlogByAge.find((b) => b.bucket === bucket)!.count;
      const page = await c.admin.claims.listClaims({ filters: { age: bucket } });
      expect(page.total, bucket).toBe(counted);
      sum += page.total;
    }
    expect(sum).toBe(report.open);
    expect(sum).toBeGreaterThan(0);
  });

  it("finds per store and reason the claims reported in the report's range", async () => {
    const report = await c.admin.reports.getVolumeReport(range);
    expect(report.reasonsByStore.length).toBeGreaterThan(3);
    for (const slice of report.reasonsByStore) {
      const page = await c.admin.claims.listClaims({
        filters: { store: [slice.storeId], reason: [slice.reason], reportedFrom: range.from, reportedTo: range.to, includeClosed: true },
      });
      expect(page.total, `${slice.storeId}/${slice.reason}`).toBe(slice.count);
    }
  });

  it("finds for a single day the claims the day's chart point says were opened", async () => {
    const report = await c.admin.reports.getVolumeReport(range);
    const busy = report.perDay.filter((d) => d.opened > 0).slice(0, 5);
    expect(busy.length).toBeGreaterThan(0);
    for (const d of busy) {
      const page = await c.admin.claims.listClaims({ filters: { reportedFrom: d.day, reportedTo: d.day, includeClosed: true }, pageSize: 100 });
      expect(page.total, d.day).toBe(d.opened);
      const days = await database.db.execute<{ day: string }>(
        sql`select distinct to_char(reported_at at time zone 'UTC', 'YYYY-MM-DD') as day from claims where ${inArray(claims.number, page.rows.map((r) => r.number))}`,
      );
      expect(days.rows.map((r) => r.day)).toEqual([d.day]);
    }
  });

  it("refuses a reversed range and a malformed day with messages naming the field", async () => {
    expect(await fieldErrorsOf(c.agent.claims.listClaims({ filters: { reportedFrom: "2026-11-10", reportedTo: "2026-11-01" } }))).toEqual({
      "filters.reportedTo": ["The end date is before the start date."],
    });
    expect(await fieldErrorsOf(c.agent.claims.listClaims({ filters: { reportedFrom: "10/11/2026" } }))).toEqual({
      "filters.reportedFrom": ["Use a date like 2026-11-23."],
    });
  });
});
