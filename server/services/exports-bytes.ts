/**
 * How a text is escaped on its way into the file. CsvQuoted: RFC 4180 inside quotes, `"` doubled. Xml:
 * character data, & < > escaped, \r as a reference (a parser would turn it into \n), and the characters
 * XML 1.0 cannot carry dropped.
 */
export const Escape = { None: 0, CsvQuoted: 1, Xml: 2 } as const;
export type Escape = (typeof Escape)[keyof typeof Escape];

const SIZE = 64 * 1024;
const DAY = 86_400_000;

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

  /** A non-negative integer's digits (below 2^31), zero-padded to `width`, with no string made. */
  digits(n: number, width = 1): void {
    let len = 1;
    for (let limit = 10; n >= limit && len < 10; limit *= 10) len++;
    const total = len > width ? len : width;
    this.room(total);
    const b = this.buf;
    let v = n | 0;
    for (let p = this.pos + total - 1; p >= this.pos; p--) {
      const q = (v / 10) | 0;
      b[p] = 48 + v - q * 10;
      v = q;
    }
    this.pos += total;
  }

  /** Two digits, zero-padded. */
  private two(b: Buffer, p: number, n: number): number {
    b[p] = 48 + Math.floor(n / 10);
    b[p + 1] = 48 + (n % 10);
    return p + 2;
  }

  /**
   * An instant in ISO 8601 written digit by digit (no Date, no string): UTC with milliseconds exactly as
   * Date#toISOString writes it when `offsetMinutes` is null, else the wall clock at that offset with it,
   * e.g. 2026-03-07T09:30:00+01:00. Dates from Howard Hinnant's days-to-civil algorithm.
   */
  instant(ms: number, offsetMinutes: number | null): void {
    const local = offsetMinutes === null ? ms : ms + offsetMinutes * 60_000;
    const day = Math.floor(local / DAY);
    const z = day + 719_468;
    const era = Math.floor(z / 146_097);
    const doe = z - era * 146_097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const month = mp < 10 ? mp + 3 : mp - 9;
    const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    // Years outside 0000-9999 take toISOString's extended form; no claim is dated there.
    if (year < 0 || year > 9999) return this.ascii(new Date(ms).toISOString());
    const rest = local - day * DAY;
    const secs = Math.floor(rest / 1000);
    this.room(29);
    const b = this.buf;
    let p = this.two(b, this.two(b, this.pos, Math.floor(year / 100)), year % 100);
    b[p++] = 45;
    p = this.two(b, p, month);
    b[p++] = 45;
    p = this.two(b, p, doy - Math.floor((153 * mp + 2) / 5) + 1);
    b[p++] = 84;
    p = this.two(b, p, Math.floor(secs / 3600));
    b[p++] = 58;
    p = this.two(b, p, Math.floor(secs / 60) % 60);
    b[p++] = 58;
    p = this.two(b, p, secs % 60);
    if (offsetMinutes === null) {
      const millis = rest % 1000;
      b[p++] = 46;
      b[p++] = 48 + Math.floor(millis / 100);
      p = this.two(b, p, millis % 100);
      b[p++] = 90;
    } else {
      const abs = Math.abs(offsetMinutes);
      b[p++] = offsetMinutes < 0 ? 45 : 43;
      p = this.two(b, p, Math.floor(abs / 60));
      b[p++] = 58;
      p = this.two(b, p, abs % 60);
    }
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
