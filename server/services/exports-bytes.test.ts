import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteSink, csvNeedsQuotes, Escape } from "./exports-bytes.ts";

const written = (s: string, escape: Escape) => {
  const sink = new ByteSink();
  sink.text(s, escape);
  return sink.take();
};
// Any UTF-16 text, lone surrogates and control characters included.
const anyText = fc.string({ unit: "binary", maxLength: 200 });

describe("ByteSink", () => {
  it("writes an integer's digits, zero-padded, as String#padStart does", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 12 }), (n, width) => {
        const sink = new ByteSink();
        sink.digits(n, width);
        return sink.take().toString("latin1") === String(n).padStart(width, "0");
      }),
    );
  });

  it("writes the same UTF-8 as Buffer.from, lone surrogates as U+FFFD", () => {
    fc.assert(fc.property(anyText, (s) => written(s, Escape.None).equals(Buffer.from(s))));
    expect(written("Número 😀 \ud800x", Escape.None).toString()).toBe("Número 😀 \ufffdx");
  });

  it("escapes XML markup and drops what XML 1.0 cannot carry", () => {
    const reference = (s: string) =>
      s
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
        .replace(/[&<>\r]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" })[c]!);
    fc.assert(fc.property(anyText, (s) => written(s, Escape.Xml).equals(Buffer.from(reference(s)))));
    expect(written('a & b <c> "d"\r\n\u0001\ufffe', Escape.Xml).toString()).toBe('a &amp; b &lt;c&gt; "d"&#13;\n');
  });

  it("doubles quotes inside a quoted CSV field, and knows when a field needs quotes", () => {
    expect(written('say "hi"', Escape.CsvQuoted).toString()).toBe('say ""hi""');
    expect(["a,b", 'a"b', "a\nb", "a\rb"].every(csvNeedsQuotes)).toBe(true);
    expect(["plain", "a;b", "tab\there", ""].some(csvNeedsQuotes)).toBe(false);
  });

  it("hands over what it holds and starts afresh, growing for a text larger than its buffer", () => {
    const sink = new ByteSink();
    const long = "x".repeat(200_000);
    sink.ascii("<a>");
    sink.text(long, Escape.Xml);
    expect(sink.length).toBe(200_003);
    const first = sink.take();
    expect(first.toString()).toBe(`<a>${long}`);
    expect(sink.length).toBe(0);
    sink.ascii("b");
    expect(sink.take().toString()).toBe("b");
    expect(first.toString(undefined, 0, 3)).toBe("<a>");
  });
});
