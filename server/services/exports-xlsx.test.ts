import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { RowEmitter } from "./exports-format.ts";
import fc from "fast-check";
import { ByteSink } from "./exports-bytes.ts";
import { streamingXlsxWriter, writeSerial } from "./exports-xlsx.ts";

/** A test row's cells as the writer is handed them: `{ label }` for a label, `{ cents }` for money, `{ at, offset }` for an instant. */
type TestCell = string | number | null | { label: string } | { cents: number } | { at: number; offset: number | null };
const emit: RowEmitter<TestCell[]> = (row, cells) => {
  for (const c of row) {
    if (c === null) cells.empty();
    else if (typeof c === "string") cells.text(c);
    else if (typeof c === "number") cells.number(c);
    else if ("label" in c) cells.label(c.label);
    else if ("cents" in c) cells.money(c.cents);
    else cells.instant(c.at, c.offset);
  }
};

async function xlsxBytes(header: string[], rows: TestCell[][]) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const writer = streamingXlsxWriter(out, header, emit, "Claims");
  await writer.rows(rows);
  await writer.end();
  return Buffer.concat(chunks);
}

async function roundTrip(header: string[], rows: TestCell[][]) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await xlsxBytes(header, rows)) as unknown as ArrayBuffer);
  return book.worksheets[0]!;
}

describe("streamingXlsxWriter", () => {
  it("keeps white space at the ends of text, escapes markup, and writes money and numbers as numbers", async () => {
    const sheet = await roundTrip(["Text", "Amount", "Count"], [
      ["  padded  ", { cents: 1230 }, 7],
      ["a & b <c> \"d\"", { cents: -5 }, null],
      ["line one\r\nline two", null, 0],
    ]);
    expect(sheet.getRow(1).values).toEqual([undefined, "Text", "Amount", "Count"]);
    expect(sheet.getCell("A2").value).toBe("  padded  ");
    expect(sheet.getCell("B2").value).toBe(12.3);
    expect(sheet.getCell("B2").numFmt).toBe("0.00");
    expect(sheet.getCell("C2").value).toBe(7);
    expect(sheet.getCell("A3").value).toBe('a & b <c> "d"');
    expect(sheet.getCell("B3").value).toBe(-0.05);
    expect(sheet.getCell("C3").value).toBeNull();
    expect(sheet.getCell("A4").value).toBe("line one\r\nline two");
    expect(sheet.getCell("B4").value).toBeNull();
  });

  it("streams a sheet far larger than one write piece into a file a spreadsheet library reads whole", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`CLM-${String(i).padStart(6, "0")}`, { cents: i }, i]);
    const sheet = await roundTrip(["Claim", "Amount", "N"], rows);
    expect(sheet.rowCount).toBe(3001);
    expect(sheet.getCell("A3001").value).toBe("CLM-002999");
    expect(sheet.getCell("B3001").value).toBe(29.99);
  });

  it("writes labels once into the shared strings, white space and markup kept, and inline past the table's bound", async () => {
    const statuses = ["new", "in_review", " padded & <odd> ", "in_review"];
    const sheet = await roundTrip(["Status", "Text"], statuses.map((s) => [{ label: s }, s]));
    expect([2, 3, 4, 5].map((r) => sheet.getCell(`A${r}`).value)).toEqual(statuses);
    expect(sheet.getCell("B4").value).toBe(" padded & <odd> ");

    // Ten thousand and fifty distinct labels: the first ten thousand shared, the rest inline, all read back.
    const many = Array.from({ length: 10_050 }, (_, i) => [{ label: `agent ${i}` }, { label: i % 2 ? "odd" : "even" }]);
    const bytes = await xlsxBytes(["Assignee", "Parity"], many);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const big = book.worksheets[0]!;
    expect(big.getCell("A2").value).toBe("agent 0");
    expect(big.getCell("A10001").value).toBe("agent 9999");
    expect(big.getCell("A10051").value).toBe("agent 10049");
    expect(big.getCell("B10051").value).toBe("odd");
  });

  it("writes instants as date cells that read back to the millisecond: UTC shown in ISO 8601, store time as its wall clock", async () => {
    const instants = [Date.UTC(2026, 10, 20, 12, 0, 0, 0), Date.UTC(2026, 2, 29, 0, 59, 59, 999), Date.UTC(1900, 2, 1, 0, 0, 0, 1), Date.UTC(2099, 11, 31, 23, 59, 59, 5)];
    const rows = instants.map((at) => [{ at, offset: null }, { at, offset: 60 }]);
    const sheet = await roundTrip(["At (UTC)", "At (store time)"], rows);
    instants.forEach((at, i) => {
      expect(sheet.getCell(`A${i + 2}`).value).toEqual(new Date(at));
      // A spreadsheet has no zones: the store's wall clock reads back as that clock time.
      expect(sheet.getCell(`B${i + 2}`).value).toEqual(new Date(at + 3_600_000));
    });
    expect(sheet.getCell("A2").numFmt).toBe('yyyy-mm-dd"T"hh:mm:ss.000"Z"');
    expect(sheet.getCell("B2").numFmt).toBe("yyyy-mm-dd hh:mm:ss");
  });

  it("writes a time a spreadsheet date cannot hold as ISO 8601 text", async () => {
    const at = Date.UTC(1899, 0, 1, 8, 0, 0);
    const sheet = await roundTrip(["At (UTC)", "At (store time)"], [[{ at, offset: null }, { at, offset: -300 }]]);
    expect(sheet.getCell("A2").value).toBe("1899-01-01T08:00:00.000Z");
    expect(sheet.getCell("B2").value).toBe("1899-01-01T03:00:00-05:00");
  });

  it("gives every millisecond from 1900 to 9999 back from its serial, as a reader rounding to the millisecond reads it", () => {
    const min = Date.UTC(1900, 2, 1);
    const max = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    fc.assert(
      fc.property(fc.integer({ min, max }), (ms) => {
        const sink = new ByteSink();
        writeSerial(sink, ms);
        const text = sink.take().toString("latin1");
        return /^\d+(\.\d{1,8})?$/.test(text) && Math.round((Number(text) - 25_569) * 86_400_000) === ms;
      }),
      { numRuns: 20_000 },
    );
  });
});
