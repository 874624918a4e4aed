import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { centsToDecimal, type Cell } from "./exports-format.ts";

export type ExportWriter = {
  /** Writes one batch; resolves once the destination wants more (backpressure), or at once if it went away. */
  rows: (batch: Cell[][]) => Promise<void>;
  end: () => Promise<void>;
};

/** Waits for `drain`, or for the destination to close or fail (a client that left never drains). */
export function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off("drain", done).off("close", done).off("error", done);
      resolve();
    };
    out.on("drain", done).on("close", done).on("error", done);
  });
}

const needsQuotes = /[",\r\n]/;
/** RFC 4180 by hand: csv-stringify costs ~30 µs a row, which is most of a million-row export. */
function csvCell(c: Cell): string {
  if (c === null) return "";
  if (typeof c === "object") return centsToDecimal(c.cents);
  const s = typeof c === "number" ? String(c) : c;
  return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLines = (rows: Cell[][]) => {
  let text = "";
  for (const r of rows) text += `${r.map(csvCell).join(",")}\r\n`;
  return text;
};

/** RFC 4180 CSV with a BOM (Excel otherwise reads UTF-8 as ANSI) and CRLF line ends. */
export function csvWriter(out: Writable, header: string[]): ExportWriter {
  out.write(`\uFEFF${csvLines([header])}`);
  return {
    rows: async (batch) => {
      if (out.destroyed) return;
      if (!out.write(csvLines(batch))) await drained(out);
    },
    end: () =>
      new Promise<void>((resolve) => {
        if (out.destroyed || out.writableEnded) return resolve();
        out.end(resolve);
      }),
  };
}

/**
 * Streaming XLSX (rows are zipped as they are committed, never kept): money as numeric cells with a
 * two-decimal format, text as strings.
 */
export function xlsxWriter(out: Writable, header: string[], kinds: ("text" | "number" | "money")[], sheetName: string): ExportWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = header.map((h, i) => ({ header: h, width: Math.min(40, Math.max(10, h.length + 2)), style: kinds[i] === "money" ? { numFmt: "0.00" } : {} }));
  sheet.getRow(1).font = { bold: true };
  return {
    rows: async (batch) => {
      if (out.destroyed) return;
      for (const r of batch) {
        // Cents / 100 only here, where the spreadsheet stores every number as a double anyway; the cell shows 2 decimals.
        sheet.addRow(r.map((c) => (c !== null && typeof c === "object" ? c.cents / 100 : c))).commit();
      }
      await drained(out);
    },
    end: async () => {
      if (out.destroyed) return;
      sheet.commit();
      await workbook.commit();
    },
  };
}
