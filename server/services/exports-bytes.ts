/**
 * How a text is escaped on its way into the file. CsvQuoted: RFC 4180 inside quotes, `"` doubled. Xml:
 * character data, & < > escaped, \r as a reference (a parser would turn it into \n), and the characters
 * XML 1.0 cannot carry dropped.
 */
export const Escape = { None: 0, CsvQuoted: 1, Xml: 2 } as const;
export type Escape = (typeof Escape)[keyof typeof Escape];

const SIZE = 64 * 1024;

/**
 * UTF-8 bytes written straight into a buffer, escaping on the way. A million-row file built by string
 * concatenation makes several short-lived strings per cell, and the half-built text keeps them alive
 * across garbage collections until it is encoded: most of an export's CPU went to the collector.
 * Here each character is looked at once and no string is made. `take()` hands over what is filled.
 */
export class ByteSink {
  private buf = Buffer.allocUnsafe(SIZE);
  private pos = 0;

  get length(): number {
    return this.pos;
  }

  /** The bytes written since the last take, as a Buffer of their own (the sink carries on in a new one). */
  take(): Buffer {
    const full = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(SIZE);
    this.pos = 0;
    return full;
  }

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(SIZE, (this.pos + bytes) * 2));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.pos++] = b;
  }

  /** ASCII as it is (markup, digits): the hot path, a copy loop with no checks. */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  text(s: string, escape: Escape): void {
    const n = s.length;
    // Worst case per UTF-16 unit: "&#13;" or "&amp;" (5 bytes); 3 bytes of UTF-8.
    this.room(n * 5);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (escape === Escape.Xml) {
          if (c === 38) (b[p++] = 38), (b[p++] = 97), (b[p++] = 109), (b[p++] = 112), (b[p++] = 59); // &amp;
          else if (c === 60) (b[p++] = 38), (b[p++] = 108), (b[p++] = 116), (b[p++] = 59); // &lt;
          else if (c === 62) (b[p++] = 38), (b[p++] = 103), (b[p++] = 116), (b[p++] = 59); // &gt;
          else if (c === 13) (b[p++] = 38), (b[p++] = 35), (b[p++] = 49), (b[p++] = 51), (b[p++] = 59); // &#13;
          else if (c >= 32 || c === 9 || c === 10) b[p++] = c;
          // other control characters: not allowed in XML 1.0, dropped
        } else if (escape === Escape.CsvQuoted && c === 34) (b[p++] = 34), (b[p++] = 34);
        else b[p++] = c;
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
      } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
        b[p++] = 0xf0 | (cp >> 18);
        b[p++] = 0x80 | ((cp >> 12) & 63);
        b[p++] = 0x80 | ((cp >> 6) & 63);
        b[p++] = 0x80 | (cp & 63);
      } else if (escape === Escape.Xml && c >= 0xfffe) {
        // U+FFFE and U+FFFF are not XML characters either
      } else {
        // A lone surrogate becomes U+FFFD, as Buffer.from would write it.
        const u = c >= 0xd800 && c < 0xe000 ? 0xfffd : c;
        b[p++] = 0xe0 | (u >> 12);
        b[p++] = 0x80 | ((u >> 6) & 63);
        b[p++] = 0x80 | (u & 63);
      }
    }
    this.pos = p;
  }
}

/** Whether a CSV field must be quoted (RFC 4180: it holds a quote, a comma or a line break). */
export function csvNeedsQuotes(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13) return true;
  }
  return false;
}
