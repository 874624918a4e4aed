import type { ExportColumn } from "../../shared/schemas/exports.ts";
import type { ExportRow } from "./exports-pg-cursor.ts";

/**
 * A cell as both writers understand it: text, a plain number, money in integer cents (never a float), or
 * an instant (epoch ms) written as ISO 8601, in UTC when `offset` is null, else at that offset in minutes.
 */
export type Cell = string | number | { cents: number } | { at: number; offset: number | null } | null;

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
const dayOffsets = new Map<string, Map<number, number | null>>();

function offsetAt(timeZone: string, ms: number): number {
  let f = formatters.get(timeZone);
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })));
  const name = f.formatToParts(new Date(ms)).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * The zone's UTC offset in minutes at an instant. Asking Intl per cell is far too slow for a million
 * rows, so the offset is cached per zone and UTC day when the day starts and ends on the same offset
 * (every day but the two transition days a year, which are asked per cell).
 */
export function offsetMinutes(timeZone: string, ms: number): number {
  const day = Math.floor(ms / 86_400_000);
  let zone = dayOffsets.get(timeZone);
  if (!zone) dayOffsets.set(timeZone, (zone = new Map()));
  let cached = zone.get(day);
  if (cached === undefined) {
    const start = offsetAt(timeZone, day * 86_400_000);
    cached = start === offsetAt(timeZone, (day + 1) * 86_400_000 - 1) ? start : null;
    if (zone.size > 50_000) zone.clear(); // bounded whatever the span of dates
    zone.set(day, cached);
  }
  return cached ?? offsetAt(timeZone, ms);
}

const asMs = (v: unknown): number | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.getTime() : typeof v === "number" ? v : Date.parse(String(v));

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
      const ms = asMs(v);
      cells.push(ms === null ? null : { at: ms, offset: null }, ms === null ? null : { at: ms, offset: offsetMinutes(tz, ms) });
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
