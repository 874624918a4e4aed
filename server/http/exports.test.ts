import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { seedClaims } from "../db/seed/demo.ts";
import { claims, customers, deadlineBreaches, exportRuns, refunds } from "../db/schema/index.ts";
import { callerFor, callersFor } from "../test/callers.ts";
import { openTestDatabase } from "../test/database.ts";
import { exportsTestApp, parseCsv } from "./exports-test-kit.ts";

const now = new Date("2026-11-20T12:00:00Z");
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;
let t: Awaited<ReturnType<typeof exportsTestApp>>;
let kinetic: { id: number; number: string; createdAt: Date };

beforeAll(async () => {
  database = await openTestDatabase();
  await seedClaims(database.db, { count: 1500, seed: 7, now, spanDays: 60 });
  c = await callersFor(database.db, now);
  t = await exportsTestApp(database, c.users);
  kinetic = (await database.db.select({ id: claims.id, number: claims.number, createdAt: claims.createdAt }).from(claims).where(eq(claims.storeId, "kinetic")).limit(1))[0]!;
  const [row] = await database.db.select({ customerId: claims.customerId }).from(claims).where(eq(claims.id, kinetic!.id));
  await database.db.update(customers).set({ name: '=HYPERLINK("http://evil.test","click")' }).where(eq(customers.id, row!.customerId));
  await database.db.update(claims).set({ summary: '-2+3, "quoted"\r\nsecond line' }).where(eq(claims.id, kinetic!.id));
  await database.db.insert(refunds).values({ claimId: kinetic!.id, reference: "RF-EXP-1", amountCents: 1230, currency: "EUR", kind: "partial_refund", status: "approved", reason: "@SUM(A1)", idempotencyKey: "exp-1" });
  await database.db.insert(deadlineBreaches).values({ claimId: kinetic!.id, key: "review_due", dueAt: new Date("2026-11-01T10:00:00Z"), flaggedAt: new Date("2026-11-02T10:00:00Z") });
});
afterAll(async () => {
  await t?.app.close();
  await database?.close();
});

const lastRun = async () => (await database.db.select().from(exportRuns).orderBy(exportRuns.id)).at(-1)!;

describe("GET /api/exports/claims.csv", () => {
  it("exports a dashboard slice (reported days, backlog age) as exactly the claims the queue shows for it", async () => {
    const day = new Date(now.getTime() - 10 * 86_400_000).toISOString().slice(0, 10);
    const sliced = parseCsv((await t.get(`/api/exports/claims.csv?from=${day}&to=${day}&closed=1&columns=number`)).body).slice(1);
    const queue = await c.supervisor.claims.listClaims({ filters: { reportedFrom: day, reportedTo: day, includeClosed: true }, pageSize: 100 });
    expect(queue.total).toBeGreaterThan(0);
    expect(sliced.map((r) => r[0]).sort()).toEqual(queue.rows.map((r) => r.number).sort());
    // Age counts from the moment of the request, and the export runs on the real clock: the oldest bucket,
    // which the seeded claims (reported up to 2026-11-20) only fill further as the calendar moves on.
    const aged = parseCsv((await t.get("/api/exports/claims.csv?age=30%2B&columns=number")).body).slice(1);
    const queueAged = await callerFor(database.db, c.users.supervisor).claims.listClaims({ filters: { age: "30+" }, pageSize: 100 });
    expect(queueAged.total).toBeGreaterThan(0);
    expect(aged).toHaveLength(queueAged.total);
  });

  it("holds exactly the claims the queue lists for the same filters, with the header row and attachment headers", async () => {
    const res = await t.get("/api/exports/claims.csv?store=kinetic,atelier&status=new,in_review&columns=number,store,status,createdAt");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="claimdesk-claims-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    const [header, ...rows] = parseCsv(res.body);
    expect(header).toEqual(["Claim", "Store", "Status", "Created (UTC)", "Created (store time)", "Store time zone"]);
    const queue = await c.supervisor.claims.listClaims({ filters: { store: ["kinetic", "atelier"], status: ["new", "in_review"] }, pageSize: 100, sortBy: "number" });
    expect(queue.total).toBeGreaterThan(0);
    expect(queue.total).toBeLessThan(100);
    expect(rows.map((r) => r[0]).sort()).toEqual(queue.rows.map((r) => r.number).sort());
    for (const r of rows) {
      expect(["kinetic", "atelier"]).toContain(r[1]);
      expect(r[3]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(r[4]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(new Date(r[4]!).getTime()).toBe(Math.floor(new Date(r[3]!).getTime() / 1000) * 1000);
    }
    const run = await lastRun();
    expect(run).toMatchObject({ userId: c.users.supervisor.id, dataset: "claims", format: "csv", status: "done", rowCount: rows.length, columns: ["number", "store", "status", "createdAt"] });
    expect(run.filters).toMatchObject({ store: ["kinetic", "atelier"], status: ["new", "in_review"] });
    expect(run.finishedAt).not.toBeNull();
  });

  it("neutralises formula-like text and keeps quotes and line breaks inside one cell", async () => {
    const res = await t.get(`/api/exports/claims.csv?q=${kinetic.number}&closed=1&columns=number,customerName,summary`);
    const rows = parseCsv(res.body);
    expect(rows).toEqual([
      ["Claim", "Customer", "Summary"],
      [kinetic.number, `'=HYPERLINK("http://evil.test","click")`, `'-2+3, "quoted"\r\nsecond line`],
    ]);
  });

  it("writes the same cells into a streamed XLSX that a spreadsheet library reads back", async () => {
    const res = await t.get(`/api/exports/claims.xlsx?q=${kinetic.number}&closed=1&columns=number,customerName,summary,createdAt`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/filename="claimdesk-claims-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe("Claims");
    expect(sheet.getRow(1).values).toEqual([undefined, "Claim", "Customer", "Summary", "Created (UTC)", "Created (store time)", "Store time zone"]);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      kinetic.number,
      `'=HYPERLINK("http://evil.test","click")`,
      `'-2+3, "quoted"\r\nsecond line`,
      kinetic.createdAt,
      kinetic.createdAt,
      "UTC",
    ]);
    // Dates, so they sort and group: the UTC one shown as ISO 8601, the store's as its wall clock (this store keeps UTC).
    expect(sheet.getCell("D2").numFmt).toBe('yyyy-mm-dd"T"hh:mm:ss.000"Z"');
    expect(sheet.getCell("E2").numFmt).toBe("yyyy-mm-dd hh:mm:ss");
    expect(sheet.rowCount).toBe(2);
  });

  it("gives agents their own stores' claims only, and refuses unknown columns by name", async () => {
    const res = await t.get("/api/exports/claims.csv?closed=1&columns=number,store", "agent");
    const stores = new Set(parseCsv(res.body).slice(1).map((r) => r[1]));
    expect([...stores].sort()).toEqual(["atelier", "kinetic", "layerworks"]);
    const bad = await t.get("/api/exports/claims.csv?columns=number,password");
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatch(/Unknown column "password"/);
    expect((await t.get("/api/exports/claims.csv", null)).statusCode).toBe(401);
    expect((await t.get("/api/exports/orders.csv")).statusCode).toBe(404);
  });
});

describe("supervisor-only datasets", () => {
  it.each(["refunds", "sla_breaches", "audit_events"])("answers 403 to an agent for %s, and books no run", async (dataset) => {
    const before = (await database.db.select().from(exportRuns)).length;
    const res = await t.get(`/api/exports/${dataset}.csv`, "agent");
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatch(/supervisor or admin/);
    expect((await database.db.select().from(exportRuns)).length).toBe(before);
  });

  it("writes refunds as decimal amounts beside their currency, in CSV and as numeric XLSX cells", async () => {
    const csv = parseCsv((await t.get("/api/exports/refunds.csv?columns=reference,claimNumber,amount,reason")).body);
    expect(csv[0]).toEqual(["Reference", "Claim", "Amount", "Currency", "Reason"]);
    expect(csv).toContainEqual(["RF-EXP-1", kinetic.number, "12.30", "EUR", "'@SUM(A1)"]);

    const res = await t.get("/api/exports/refunds.xlsx?columns=reference,amount,reason", "admin");
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Reference", "Amount", "Currency", "Reason"]);
    let at = 2;
    while (at <= sheet.rowCount && sheet.getRow(at).getCell(1).value !== "RF-EXP-1") at++;
    const row = sheet.getRow(at);
    expect(row.getCell(1).value).toBe("RF-EXP-1");
    expect(row.getCell(2).value).toBe(12.3);
    expect(row.getCell(2).numFmt).toBe("0.00");
    expect(row.getCell(4).value).toBe("'@SUM(A1)");
  });

  it("exports breaches joined to their claim, and audit events in a date range", async () => {
    const breaches = parseCsv((await t.get("/api/exports/sla_breaches.csv?columns=claimNumber,deadline,dueAt")).body);
    expect(breaches[1]!.slice(0, 3)).toEqual([kinetic.number, "review_due", "2026-11-01T10:00:00.000Z"]);
    const events = parseCsv((await t.get("/api/exports/audit_events.csv?from=2026-11-19&to=2026-11-19&columns=claimNumber,at")).body).slice(1);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e[1]!.slice(0, 10)).toBe("2026-11-19");
  });
});

describe("cancel", () => {
  it("stops the cursor and books the run as cancelled when the client goes away mid-download", async () => {
    // Some 15 MB of events: more than the socket buffers hold, so the server is still writing when we leave.
    await database.db.execute(sql`
      insert into claim_events (claim_id, seq, type, at, data)
      select ${kinetic.id}, 1000 + g, 'note_added', '2026-10-01T00:00:00Z', jsonb_build_object('text', repeat('x', 500))
      from generate_series(1, 30000) g`);
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = t.app.server.address() as AddressInfo;
    const before = await lastRun();
    await new Promise<void>((resolve, reject) => {
      const req = http.get({ port, host: "127.0.0.1", path: "/api/exports/audit_events.csv?columns=id,claimNumber,type,data", headers: { cookie: `cd_session=${t.cookies.supervisor}` } }, (res) => {
        expect(res.statusCode).toBe(200);
        // Read one chunk, stop reading, then hang up: the server is parked on backpressure with rows still to go.
        res.once("data", () => {
          res.pause();
          setTimeout(() => {
            req.destroy();
            resolve();
          }, 200);
        });
      });
      req.on("error", () => {});
      req.on("close", () => resolve());
      setTimeout(() => reject(new Error("no response")), 10_000);
    });
    let run = await lastRun();
    for (let i = 0; i < 100 && run.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      run = await lastRun();
    }
    expect(run.id).toBeGreaterThan(before.id);
    expect(run.status).toBe("cancelled");
    expect(run.rowCount).toBeLessThan(30_000);
    expect(run.finishedAt).not.toBeNull();
  });
});
