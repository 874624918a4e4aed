import type { Writable } from "node:stream";
import { drained } from "./exports-drain.ts";
import { centsToDecimal, type Cell } from "./exports-format.ts";

export type ExportWriter = {
  /** Writes one batch; resolves once the destination wants more (backpressure), or at once if it went away. */
  rows: (batch: Cell[][]) => Promise<void>;
  end: () => Promise<void>;
};

const needsQuotes = /[",\r\n]/;
/** RFC 4180 by hand: csv-stringify costs ~30 µs a row, which is most of a million-row export. */
function csvCell(c: Cell): string {
  if (c === null) return "";
  if (typeof c === "object") return centsToDecimal(c.cents);
  const s = typeof c === "number" ? String(c) : c;
  return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function csvLine(r: Cell[]): string {
  let line = r.length ? csvCell(r[0]!) : "";
  for (let i = 1; i < r.length; i++) line += `,${csvCell(r[i]!)}`;
  return `${line}\r\n`;
}
/**
 * Writers hand text on in pieces of about this many characters: a batch as one multi-megabyte string
 * lands in V8's large-object space, and collecting those was most of an XLSX export's CPU time.
 */
export const PIECE = 32 * 1024;

/** RFC 4180 CSV with a BOM (Excel otherwise reads UTF-8 as ANSI) and CRLF line ends. */
export function csvWriter(out: Writable, header: string[]): ExportWriter {
  out.write(`\uFEFF${csvLine(header)}`);
  return {
    rows: async (batch) => {
      if (out.destroyed) return;
      let text = "";
      let full = false;
      for (const r of batch) {
        text += csvLine(r);
        if (text.length >= PIECE) {
          full = !out.write(text) || full;
          text = "";
        }
      }
      if (text) full = !out.write(text) || full;
      if (full) await drained(out);
    },
    end: () =>
      new Promise<void>((resolve) => {
        if (out.destroyed || out.writableEnded) return resolve();
        out.end(resolve);
      }),
  };
}
