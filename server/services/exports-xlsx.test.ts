import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { streamingXlsxWriter } from "./exports-xlsx.ts";

async function roundTrip(header: string[], kinds: ("text" | "number" | "money")[], rows: Parameters<ReturnType<typeof streamingXlsxWriter>["rows"]>[0]) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const writer = streamingXlsxWriter(out, header, kinds, "Claims");
  await writer.rows(rows);
  await writer.end();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return book.worksheets[0]!;
}

describe("streamingXlsxWriter", () => {
  it("keeps white space at the ends of text, escapes markup, and writes money and numbers as numbers", async () => {
    const sheet = await roundTrip(["Text", "Amount", "Count"], ["text", "money", "number"], [
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
    const sheet = await roundTrip(["Claim", "Amount", "N"], ["text", "money", "number"], rows);
    expect(sheet.rowCount).toBe(3001);
    expect(sheet.getCell("A3001").value).toBe("CLM-002999");
    expect(sheet.getCell("B3001").value).toBe(29.99);
  });
});
