import type { Writable } from "node:stream";
import { drained } from "./exports-drain.ts";
import { ByteSink, csvNeedsQuotes, Escape } from "./exports-bytes.ts";
import { centsToDecimal, type CellSink, type RowEmitter } from "./exports-format.ts";

export type ExportWriter<R> = {
  /** Writes one batch; resolves once the destination wants more (backpressure), or at once if it went away. */
  rows: (batch: readonly R[]) => Promise<void>;
  end: () => Promise<void>;
};

/** Writers hand bytes on in pieces of about this size: small enough to stay out of the way, large enough to be few. */
export const PIECE = 32 * 1024;

/** RFC 4180 CSV with a BOM (Excel otherwise reads UTF-8 as ANSI) and CRLF line ends. */
export function csvWriter<R>(out: Writable, header: string[], emit: RowEmitter<R>): ExportWriter<R> {
  const sink = new ByteSink();
  let first = true;
  const separate = () => (first ? (first = false) : sink.byte(44));
  const text = (s: string) => {
    separate();
    if (!csvNeedsQuotes(s)) return sink.text(s, Escape.None);
    sink.byte(34);
    sink.text(s, Escape.CsvQuoted);
    sink.byte(34);
  };
  const cells: CellSink = {
    empty: separate,
    text,
    label: text,
    number: (n) => (separate(), sink.ascii(String(n))),
    money: (cents) => (separate(), sink.ascii(centsToDecimal(cents))),
    instant: (ms, offset) => (separate(), sink.instant(ms, offset)),
  };
  const endLine = () => {
    sink.byte(13);
    sink.byte(10);
    first = true;
  };
  sink.text("\uFEFF", Escape.None);
  header.forEach(text);
  endLine();
  out.write(sink.take());
  return {
    rows: async (batch) => {
      if (out.destroyed) return;
      let full = false;
      for (const r of batch) {
        emit(r, cells);
        endLine();
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
