import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderImportTemplate, parseMoneyToCents } from "../../../shared/schemas/order-import.ts";
import type { Database } from "../../db/client.ts";
import { callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";

const now = new Date("2026-11-20T15:00:00Z");
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;

beforeAll(async () => {
  database = await openTestDatabase();
  c = await callersFor(database.db, now);
});
afterAll(() => database.close());

const header = "order_number,placed_at,customer_email,customer_name,sku,name,unit_price,quantity,electronic";
const csv = (...rows: string[]) => [header, ...rows].join("\n");
const orderCount = async (number: string) => Number(((await database.db.execute(sql`select count(*)::int n from orders where number = ${number}`)).rows[0] as { n: number }).n);

describe("CSV order import", () => {
  it("parses decimal prices into integer cents and refuses a third decimal", () => {
    expect(parseMoneyToCents("129.99")).toEqual({ cents: 12999 });
    expect(parseMoneyToCents("5")).toEqual({ cents: 500 });
    expect(parseMoneyToCents("0.5")).toEqual({ cents: 50 });
    expect(parseMoneyToCents("19.999")).toEqual({ error: expect.stringContaining("more than 2 decimals") });
    expect(parseMoneyToCents("$5")).toHaveProperty("error");
    expect(parseMoneyToCents("1,000.00")).toHaveProperty("error");
  });

  it("previews rows with errors named by row number and column", async () => {
    const preview = await c.supervisor.orderImport.previewOrderImport({
      storeId: "kinetic",
      csv: csv(
        "IMP-1,2026-11-02,ada@example.test,Ada,KB-1,Keyboard,129.99,1,yes",
        "IMP-1,2026-11-02,ada@example.test,Ada,CB-1,Cable,9.999,2,no",
        "IMP-2,not a date,bob@example.test,Bob,MS-1,Mouse,19.50,0,maybe",
        "IMP-3,2026-11-04T09:00:00+02:00,cy@example.test,Cy,PD-1,Pad,5,3,",
      ),
    });
    expect(preview.fileIssues).toEqual([]);
    expect(preview.rows.map((r) => [r.row, r.status])).toEqual([[2, "skipped"], [3, "invalid"], [4, "invalid"], [5, "create"]]);
    expect(preview.rows[1]!.issues).toEqual([{ row: 3, column: "unit_price", message: expect.stringContaining("more than 2 decimals") }]);
    expect(preview.rows[2]!.issues.map((i) => i.column).sort()).toEqual(["electronic", "placed_at", "quantity"]);
    expect(preview.rows[0]!.unitPriceCents).toBe(12999);
    expect(preview.summary).toMatchObject({ rows: 4, invalidRows: 2, skippedRows: 1, newOrders: 1, updatedOrders: 0 });
  });

  it("imports nothing while any row is invalid, unless invalid rows are skipped (with the rest of their order)", async () => {
    const file = csv(
      "IMP-10,2026-11-02,dee@example.test,Dee,KB-1,Keyboard,129.99,1,yes",
      "IMP-10,2026-11-02,dee@example.test,Dee,CB-1,Cable,abc,2,no",
      "IMP-11,2026-11-03,eve@example.test,Eve,MS-1,Mouse,19.50,1,no",
    );
    await expect(c.supervisor.orderImport.commitOrderImport({ storeId: "kinetic", csv: file })).rejects.toThrow(/1 row is invalid \(first: row 3, unit_price/);
    expect(await orderCount("IMP-11")).toBe(0);

    const result = await c.supervisor.orderImport.commitOrderImport({ storeId: "kinetic", csv: file, skipInvalid: true });
    expect(result).toEqual({ created: 1, updated: 0, importedRows: 1, skippedRows: 2 });
    expect(await orderCount("IMP-10")).toBe(0);
    expect(await orderCount("IMP-11")).toBe(1);
    const audit = await c.admin.users.listAdminAuditEvents({ filters: { targetType: "store" } });
    expect(audit.rows[0]).toMatchObject({ action: "orders_imported", targetId: "kinetic", actorId: c.users.supervisor.id, data: result });
  });

  it("upserts by order number: a second import updates, and lines of one order group together", async () => {
    const first = await c.supervisor.orderImport.commitOrderImport({
      storeId: "kinetic",
      csv: csv("IMP-20,2026-11-02,fay@example.test,Fay,KB-1,Keyboard,100.00,1,yes", "IMP-20,2026-11-02,fay@example.test,Fay,CB-1,Cable,10,2,no"),
    });
    expect(first).toMatchObject({ created: 1, updated: 0, importedRows: 2 });
    const again = await c.supervisor.orderImport.commitOrderImport({ storeId: "kinetic", csv: csv("IMP-20,2026-11-02,fay@example.test,Fay,KB-1,Keyboard,90.00,1,yes") });
    expect(again).toMatchObject({ created: 0, updated: 1 });
    const rows = (await database.db.execute(sql`select o.total_cents, count(l.id)::int lines from orders o join order_lines l on l.order_id = o.id where o.number = 'IMP-20' group by o.id`)).rows;
    expect(rows).toEqual([{ total_cents: 9000, lines: 1 }]);
  });

  it("flags order columns that disagree between rows of one order, and file-level problems", async () => {
    const preview = await c.supervisor.orderImport.previewOrderImport({
      storeId: "kinetic",
      csv: csv("IMP-30,2026-11-02,gus@example.test,Gus,KB-1,Keyboard,1,1,no", "IMP-30,2026-11-09,gus@example.test,Gus,KB-1,Keyboard,1,1,no"),
    });
    expect(preview.rows[1]!.issues.map((i) => `${i.column}: ${i.message}`)).toEqual([
      'placed_at: Differs from row 2 of order IMP-30 ("2026-11-02").',
      "sku: SKU KB-1 is already on row 2 of this order; one row per SKU.",
    ]);
    const missing = await c.supervisor.orderImport.previewOrderImport({ storeId: "kinetic", csv: "order_number,sku\nX,Y" });
    expect(missing.fileIssues[0]).toMatch(/^Missing columns: placed_at, customer_email/);
    // The template itself imports cleanly.
    expect((await c.supervisor.orderImport.previewOrderImport({ storeId: "kinetic", csv: orderImportTemplate() })).summary.invalidRows).toBe(0);
  });

  it("is for supervisors and admins of the store", async () => {
    await expect(c.agent.orderImport.previewOrderImport({ storeId: "kinetic", csv: orderImportTemplate() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const scope = c.users.supervisor.storeIds ?? [];
    const foreign = ["kinetic", "layerworks", "everyday", "chipyard", "atelier"].find((s) => !scope.includes(s));
    if (foreign) await expect(c.supervisor.orderImport.commitOrderImport({ storeId: foreign, csv: orderImportTemplate() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
