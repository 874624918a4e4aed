import type { ExportColumn } from "../../shared/schemas/exports.ts";
import type { ExportRow } from "./exports-datasets.ts";

/** A cell as both writers understand it: text, a plain number, or money in integer cents (never a float). */
export type Cell = string | number | { cents: number } | null;

/**
 * A spreadsheet runs a cell that starts with =, +, -, @ (or a tab / carriage return before one) as a
 * formula: a customer's name like "=HYPERLINK(…)" must arrive as text, so it gets a leading quote.
 */
export const neutralise = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** "12.30" from 1230, "-0.05" from -5: integer arithmetic, no float ever holds the cents. */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/** The zone's UTC offset in minutes at an instant; offsets only change on quarter hours, so that is the cache's grain. */
function offsetMinutes(timeZone: string, ms: number): number {
  const key = `${timeZone}|${Math.floor(ms / 900_000)}`;
  const hit = offsets.get(key);
  if (hit !== undefined) return hit;
  let f = formatters.get(timeZone);
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })));
  const name = f.formatToParts(new Date(ms)).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const minutes = m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  if (offsets.size > 20_000) offsets.clear(); // bounded: a long export must not grow it without end
  offsets.set(key, minutes);
  return minutes;
}

/** ISO 8601 with the zone's offset, e.g. 2026-03-07T09:30:00+01:00. */
export function localIso(date: Date, timeZone: string): string {
  const ms = date.getTime();
  const off = offsetMinutes(timeZone, ms);
  const abs = Math.abs(off);
  const sign = off < 0 ? "-" : "+";
  return `${new Date(ms + off * 60_000).toISOString().slice(0, 19)}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

const asDate = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));

/** The header row: a time column becomes "(UTC)" and "(store time)", money gets its currency, and the zone closes the row. */
export function headerCells(columns: readonly ExportColumn[]): { labels: string[]; kinds: ("text" | "number" | "money")[] } {
  const labels: string[] = [];
  const kinds: ("text" | "number" | "money")[] = [];
  for (const c of columns) {
    if (c.kind === "time") labels.push(`${c.label} (UTC)`, `${c.label} (store time)`), kinds.push("text", "text");
    else if (c.kind === "money") labels.push(c.label, "Currency"), kinds.push("money", "text");
    else labels.push(c.label), kinds.push(c.kind);
  }
  if (columns.some((c) => c.kind === "time")) labels.push("Store time zone"), kinds.push("text");
  return { labels, kinds };
}

export function rowCells(row: ExportRow, columns: readonly ExportColumn[], timeZones: Record<string, string>): Cell[] {
  const tz = timeZones[String(row.store)] ?? "UTC";
  const cells: Cell[] = [];
  for (const c of columns) {
    const v = row[c.key];
    if (c.kind === "time") {
      const d = asDate(v);
      cells.push(d ? d.toISOString() : null, d ? localIso(d, tz) : null);
    } else if (c.kind === "money") {
      cells.push(v === null || v === undefined ? null : { cents: Number(v) }, row.currency === null || row.currency === undefined ? null : String(row.currency));
    } else if (c.kind === "number") {
      cells.push(v === null || v === undefined ? null : Number(v));
    } else {
      cells.push(v === null || v === undefined ? null : neutralise(String(v)));
    }
  }
  if (columns.some((c) => c.kind === "time")) cells.push(tz);
  return cells;
}
