// Calendar arithmetic in a store's time zone, as the rule book defines it:
// - "N working days after T": end (23:59:59.999 local) of the Nth Monday–Friday,
//   non-holiday day after T's local date.
// - "N natural days after T": end of the local day N days after T's local date.
//   Day windows use the same rule, so day 30 after delivery is inside, day 31 not.
// - "N hours after T": plain instant arithmetic, no calendar involved.
// - "N months after T": same local day-of-month and time of day. A day that the
//   target month lacks is clamped to that month's last day (Jan 31 + 1 month =
//   Feb 28/29), the date-fns `addMonths` convention.
// - A local time that a DST jump skips (02:30 on a spring-forward day) moves
//   forward by the jump; a local time that occurs twice takes the earlier one.
//
// Instants are handled as epoch milliseconds and local days as "epoch days"
// (days since 1970-01-01 in local time). Offsets come from @date-fns/tz's
// `tzOffset` (the IANA data of the runtime's Intl) and are cached per UTC day,
// because Intl formatting is the only slow step and a policy evaluation asks
// for the same few days over and over. TZDate objects are not used on this hot
// path for the same reason; the tests cross-check these results against TZDate.

import { tzOffset } from "@date-fns/tz";

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

export type Instant = string | number | Date;

export type DurationUnit = "hours" | "natural_days" | "working_days" | "months";
export const durationUnits = ["hours", "natural_days", "working_days", "months"] as const;

export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

export interface Calendar {
  readonly timeZone: string;
  readonly holidays: readonly string[];
  /** @internal epoch days of `holidays` */
  readonly holidayDays: ReadonlySet<number>;
  /** @internal offset in ms per UTC day, NaN for days holding a transition */
  readonly offsets: Map<number, number>;
  /** @internal set when the zone never changes offset (UTC, "+02:00") */
  readonly fixedOffsetMs: number | undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-12-25" → epoch day, or undefined when it is not a real calendar date. */
export function parseLocalDate(isoDate: string): number | undefined {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / MS_PER_DAY;
  return formatEpochDay(day) === isoDate ? day : undefined;
}

export function formatEpochDay(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const calendarCache = new Map<string, Calendar>();

/**
 * A calendar for a store. Cached by (zone, holidays) so that repeated
 * evaluations share offset caches; callers may hold on to the result.
 */
export function calendarFor(timeZone = "UTC", holidays: readonly string[] = []): Calendar {
  const key = `${timeZone}|${holidays.join(",")}`;
  const cached = calendarCache.get(key);
  if (cached) return cached;
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}"`);
  const holidayDays = new Set<number>();
  for (const h of holidays) {
    const day = parseLocalDate(h);
    if (day === undefined) throw new RangeError(`holiday "${h}" is not a YYYY-MM-DD date`);
    holidayDays.add(day);
  }
  const fixed = timeZone === "UTC" || timeZone === "Etc/UTC" ? 0 : undefined;
  const calendar: Calendar = {
    timeZone,
    holidays: [...holidays],
    holidayDays,
    offsets: new Map(),
    fixedOffsetMs: fixed,
  };
  // Admins edit holiday lists rarely; a bound only guards against a leak.
  if (calendarCache.size > 256) calendarCache.clear();
  calendarCache.set(key, calendar);
  return calendar;
}

/** Two decimal digits at `i`, or -1 when they are not digits. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Reads "YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)", the form every instant in the
 * facts has, several times faster than Date.parse (which dominated the
 * engine's profile). Anything else goes to Date.parse.
 */
export function parseIsoInstant(s: string): number {
  const n = s.length;
  if (n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) {
    return Date.parse(s);
  }
  const t = s.charCodeAt(10);
  const century = twoDigits(s, 0);
  const yy = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  if ((t !== 84 && t !== 116) || century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return Date.parse(s);
  }
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    let scale = 100;
    i++;
    for (let c = s.charCodeAt(i) - 48; c >= 0 && c <= 9; c = s.charCodeAt(++i) - 48) {
      ms += c * scale;
      scale /= 10;
    }
    ms = Math.floor(ms);
  }
  let offsetMinutes: number;
  const z = s.charCodeAt(i);
  if ((z === 90 || z === 122) && i === n - 1) {
    offsetMinutes = 0;
  } else if ((z === 43 || z === 45) && i === n - 6 && s.charCodeAt(i + 3) === 58) {
    const oh = twoDigits(s, i + 1);
    const om = twoDigits(s, i + 4);
    if (oh < 0 || om < 0) return Date.parse(s);
    offsetMinutes = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return Date.parse(s);
  }
  return Date.UTC(century * 100 + yy, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

export function toEpochMs(value: Instant): number {
  const ms = typeof value === "number" ? value : typeof value === "string" ? parseIsoInstant(value) : value.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(value)}`);
  return ms;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** UTC offset of the calendar's zone at instant `ms`, in milliseconds. */
export function offsetMs(cal: Calendar, ms: number): number {
  if (cal.fixedOffsetMs !== undefined) return cal.fixedOffsetMs;
  const day = Math.floor(ms / MS_PER_DAY);
  let cached = cal.offsets.get(day);
  if (cached === undefined) {
    const start = tzOffset(cal.timeZone, new Date(day * MS_PER_DAY));
    const end = tzOffset(cal.timeZone, new Date(day * MS_PER_DAY + MS_PER_DAY - 1));
    cached = start === end ? start * 60_000 : Number.NaN;
    cal.offsets.set(day, cached);
  }
  return Number.isNaN(cached) ? tzOffset(cal.timeZone, new Date(ms)) * 60_000 : cached;
}

/** The local calendar day (epoch day) that instant `ms` falls on. */
export function localDay(cal: Calendar, ms: number): number {
  return Math.floor((ms + offsetMs(cal, ms)) / MS_PER_DAY);
}

/**
 * The instant whose local wall-clock reading is `localMs` (wall clock written
 * as if it were UTC). Skipped times move forward, repeated times take the
 * earlier instant (see the file header).
 */
export function localToInstant(cal: Calendar, localMs: number): number {
  if (cal.fixedOffsetMs !== undefined) return localMs - cal.fixedOffsetMs;
  // Offsets a day either side bracket any single transition near this time.
  const before = offsetMs(cal, localMs - MS_PER_DAY);
  const after = offsetMs(cal, localMs + MS_PER_DAY);
  const early = localMs - before;
  const late = localMs - after;
  const earlyOk = early + offsetMs(cal, early) === localMs;
  const lateOk = late + offsetMs(cal, late) === localMs;
  if (earlyOk && lateOk) return Math.min(early, late);
  if (earlyOk) return early;
  if (lateOk) return late;
  // In a gap: reading the wall clock with the pre-jump offset lands after it.
  return early;
}

/** 23:59:59.999 local on `epochDay`, as an instant. */
export function endOfLocalDay(cal: Calendar, epochDay: number): number {
  return localToInstant(cal, (epochDay + 1) * MS_PER_DAY - 1);
}

export function isWorkingDay(cal: Calendar, epochDay: number): boolean {
  // 1970-01-01 was a Thursday: weekday index 4 with Sunday = 0.
  const weekday = (((epochDay + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6 && !cal.holidayDays.has(epochDay);
}

/**
 * End of the Nth working day after `from`'s local date. n = 0 means the end of
 * `from`'s own day if it is a working day, else of the next working day.
 */
export function addWorkingDays(cal: Calendar, from: Instant, n: number): number {
  let day = localDay(cal, toEpochMs(from));
  if (n <= 0) {
    while (!isWorkingDay(cal, day)) day++;
    return endOfLocalDay(cal, day);
  }
  let counted = 0;
  while (counted < n) {
    day++;
    if (isWorkingDay(cal, day)) counted++;
  }
  return endOfLocalDay(cal, day);
}

/** End of the local day `n` days after `from`'s local date. */
export function addNaturalDays(cal: Calendar, from: Instant, n: number): number {
  return endOfLocalDay(cal, localDay(cal, toEpochMs(from)) + n);
}

export function addHours(from: Instant, n: number): number {
  return toEpochMs(from) + n * MS_PER_HOUR;
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** Same local day-of-month and time `n` months later, clamped at month end. */
export function addMonths(cal: Calendar, from: Instant, n: number): number {
  const ms = toEpochMs(from);
  const local = ms + offsetMs(cal, ms);
  const wall = new Date(local);
  const timeOfDay = local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
  const monthIndex = wall.getUTCFullYear() * 12 + wall.getUTCMonth() + n;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const day = Math.min(wall.getUTCDate(), daysInMonth(year, month));
  return localToInstant(cal, Date.UTC(year, month, day) + timeOfDay);
}

export function addDuration(cal: Calendar, from: Instant, duration: Duration): number {
  switch (duration.unit) {
    case "hours":
      return addHours(from, duration.amount);
    case "natural_days":
      return addNaturalDays(cal, from, duration.amount);
    case "working_days":
      return addWorkingDays(cal, from, duration.amount);
    case "months":
      return addMonths(cal, from, duration.amount);
  }
}

/** "YYYY-MM-DD" of the local date of `at` in the calendar's zone. */
export function localDateOf(cal: Calendar, at: Instant): string {
  return formatEpochDay(localDay(cal, toEpochMs(at)));
}
