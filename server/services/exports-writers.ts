import type { Writable } from "node:stream";
import { drained } from "./exports-drain.ts";
import { ByteSink, csvNeedsQuotes, Escape } from "./exports-bytes.ts";
import { centsToDecimal, type Cell } from "./exports-format.ts";

export type ExportWriter = {
  /** Writes one batch; resolves once the destination wants more (backpressure), or at once if it went away. */
  rows: (batch: Cell[][]) => Promise<void>;
  end: () => Promise<void>;
};

function csvCell(sink: ByteSink, c: Cell): void {
  if (c === null) return;
  if (typeof c === "object") return "cents" in c ? sink.ascii(centsToDecimal(c.cents)) : sink.instant(c.at, c.offset);
  if (typeof c === "number") return sink.ascii(String(c));
  if (!csvNeedsQuotes(c)) return sink.text(c, Escape.None);
  sink.byte(34);
  sink.text(c, Escape.CsvQuoted);
  sink.byte(34);
}
/** One RFC 4180 record, CRLF-terminated. */
function csvLine(sink: ByteSink, r: Cell[]): void {
  for (let i = 0; i < r.length; i++) {
    if (i) sink.byte(44);
    csvCell(sink, r[i]!);
  }
  sink.byte(13);
  sink.byte(10);
}
/** Writers hand bytes on in pieces of about this size: small enough to stay out of the way, large enough to be few. */
export const PIECE = 32 * 1024;

/** RFC 4180 CSV with a BOM (Excel otherwise reads UTF-8 as ANSI) and CRLF line ends. */
export function csvWriter(out: Writable, header: string[]): ExportWriter {
  const sink = new ByteSink();
  sink.text("\uFEFF", Escape.None);
  csvLine(sink, header);
  out.write(sink.take());
  return {
    rows: async (batch) => {
      if (out.destroyed) return;
      let full = false;
      for (const r of batch) {
        csvLine(sink, r);
        if (sink.length >= PIECE) full = !out.write(sink.take()) || full;
      }
      if (sink.length) full = !out.write(sink.take()) || full;
      if (full) await drained(out);
    },
    end: () =>
      new Promise<void>((resolve) => {
        if (out.destroyed || out.writableEnded) return resolve();
        out.end(resolve);
      }),
  };
}
