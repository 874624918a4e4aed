import type { ExportColumn } from "../../shared/schemas/exports.ts";
import type { ExportRow } from "./exports-pg-cursor.ts";

/**
 * Where a row's cells go, one call per file column in order; the writer types and escapes them. Rows
 * go straight from the driver's objects into the file's bytes: no cell array or object per row, which
 * for a million rows was a tenth of an export's CPU in allocation and collection.
 */
export interface CellSink {
  empty(): void;
  /** Free text (already neutralised). */
  text(s: string): void;
  /** Text drawn from a handful of values: a status, a store, a colleague, a zone. */
  label(s: string): void;
  number(n: number): void;
  /** Money in integer cents, never a float. */
  money(cents: number): void;
  /** An instant (epoch ms) in UTC when `offsetMinutes` is null, else the wall clock at that offset. */
  instant(ms: number, offsetMinutes: number | null): void;
}
/** Sends one record's cells to a sink. */
export type RowEmitter<R> = (row: R, cells: CellSink) => void;

/**
 * A spreadsheet runs a cell that starts with =, +, -, @ (or a tab / carriage return before one) as a
 * formula: a customer's name like "=HYPERLINK(…)" must arrive as text, so it gets a leading quote.
 */
export function neutralise(s: string): string {
  // By char code rather than a regex: this runs for every text cell of a million-row file.
  const c = s.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${s}` : s;
}

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
export function headerLabels(columns: readonly ExportColumn[]): string[] {
  const labels: string[] = [];
  for (const c of columns) {
    if (c.kind === "time") labels.push(`${c.label} (UTC)`, `${c.label} (store time)`);
    else if (c.kind === "money") labels.push(c.label, "Currency");
    else labels.push(c.label);
  }
  if (columns.some((c) => c.kind === "time")) labels.push("Store time zone");
  return labels;
}

/** The cells of a dataset row, in `headerLabels` order, for the stores' time zones. */
export function rowEmitter(columns: readonly ExportColumn[], timeZones: Record<string, string>): RowEmitter<ExportRow> {
  const withZone = columns.some((c) => c.kind === "time");
  // Plain arrays read by index in the per-row loop, not the column objects.
  const keys = columns.map((c) => c.key);
  const kinds = columns.map((c) => c.kind);
  const zones = new Map(Object.entries(timeZones));
  return (row, cells) => {
    const tz = zones.get(String(row.store)) ?? "UTC";
    for (let i = 0; i < keys.length; i++) {
      const v = row[keys[i]!];
      const kind = kinds[i];
      const missing = v === null || v === undefined;
      if (kind === "time") {
        const ms = asMs(v);
        if (ms === null) cells.empty(), cells.empty();
        else cells.instant(ms, null), cells.instant(ms, offsetMinutes(tz, ms));
      } else if (kind === "money") {
        if (missing) cells.empty();
        else cells.money(Number(v));
        if (row.currency === null || row.currency === undefined) cells.empty();
        else cells.label(String(row.currency));
      } else if (missing) cells.empty();
      else if (kind === "number") cells.number(Number(v));
      else if (kind === "label") cells.label(neutralise(String(v)));
      else cells.text(neutralise(String(v)));
    }
    if (withZone) cells.label(tz);
  };
}
