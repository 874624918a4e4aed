import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDuration,
  addHours,
  addMonths,
  addNaturalDays,
  addWorkingDays,
  calendarFor,
  endOfLocalDay,
  isWorkingDay,
  localDateOf,
  localDay,
  parseIsoInstant,
  parseLocalDate,
  toIso,
} from "./time.ts";

const utc = calendarFor("UTC");
const ny = calendarFor("America/New_York");
const iso = (ms: number) => toIso(ms);

describe("working days", () => {
  it("ends at 23:59:59.999 local of the Nth working day after the start date", () => {
    // Wed 2025-03-05 → +2 working days = Fri 2025-03-07.
    expect(iso(addWorkingDays(utc, "2025-03-05T10:00:00Z", 2))).toBe("2025-03-07T23:59:59.999Z");
  });

  it("skips weekends", () => {
    // Fri 2025-03-07 → +1 = Mon 2025-03-10.
    expect(iso(addWorkingDays(utc, "2025-03-07T18:00:00Z", 1))).toBe("2025-03-10T23:59:59.999Z");
    // A Saturday start counts from Monday: +1 = Monday.
    expect(iso(addWorkingDays(utc, "2025-03-08T12:00:00Z", 1))).toBe("2025-03-10T23:59:59.999Z");
  });

  it("skips holidays", () => {
    const cal = calendarFor("UTC", ["2025-03-10", "2025-03-11"]);
    expect(iso(addWorkingDays(cal, "2025-03-07T18:00:00Z", 1))).toBe("2025-03-12T23:59:59.999Z");
    expect(isWorkingDay(cal, parseLocalDate("2025-03-10")!)).toBe(false);
  });

  it("n = 0 is the end of the start day, or of the next working day", () => {
    expect(iso(addWorkingDays(utc, "2025-03-05T10:00:00Z", 0))).toBe("2025-03-05T23:59:59.999Z");
    expect(iso(addWorkingDays(utc, "2025-03-08T10:00:00Z", 0))).toBe("2025-03-10T23:59:59.999Z");
  });

  it("uses the store's local date, not the UTC date (New York)", () => {
    // 2025-03-07T03:00Z is Thu 2025-03-06 22:00 EST: +1 working day = Fri 2025-03-07 end EST.
    expect(iso(addWorkingDays(ny, "2025-03-07T03:00:00Z", 1))).toBe("2025-03-08T04:59:59.999Z");
    // Same instant in UTC is already Friday: +1 = Monday.
    expect(iso(addWorkingDays(utc, "2025-03-07T03:00:00Z", 1))).toBe("2025-03-10T23:59:59.999Z");
  });

  it("a local holiday counts in local time", () => {
    const cal = calendarFor("America/New_York", ["2025-07-04"]);
    // Thu 2025-07-03 23:30 EDT = 2025-07-04T03:30Z; +1 skips Fri 4th (holiday) → Mon 7th end EDT.
    expect(iso(addWorkingDays(cal, "2025-07-04T03:30:00Z", 1))).toBe("2025-07-08T03:59:59.999Z");
  });

  it("always lands on a working day, never before its start (property)", () => {
    const cal = calendarFor("America/New_York", ["2025-01-01", "2025-05-26", "2025-07-04", "2025-12-25", "2026-01-01"]);
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 11, 31) }),
        fc.integer({ min: 0, max: 15 }),
        (start, n) => {
          const due = addWorkingDays(cal, start, n);
          expect(due).toBeGreaterThanOrEqual(start);
          expect(isWorkingDay(cal, localDay(cal, due))).toBe(true);
          // It is the last millisecond of that local day.
          expect(localDay(cal, due + 1)).toBe(localDay(cal, due) + 1);
        },
      ),
    );
  });
});

describe("natural days and day windows", () => {
  it("day 30 after the delivery date is inside, day 31 is not", () => {
    const end = addNaturalDays(utc, "2025-01-05T10:00:00Z", 30);
    expect(iso(end)).toBe("2025-02-04T23:59:59.999Z");
    expect(Date.parse("2025-02-04T23:59:59Z") <= end).toBe(true);
    expect(Date.parse("2025-02-05T00:00:00Z") <= end).toBe(false);
  });

  it("ends the local day across a DST change (New York spring forward)", () => {
    // Sat 2025-03-08 12:00 EST + 1 → end of Sun 2025-03-09, now EDT (UTC-4).
    expect(iso(addNaturalDays(ny, "2025-03-08T17:00:00Z", 1))).toBe("2025-03-10T03:59:59.999Z");
  });

  it("matches TZDate's end of day (property, New York)", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.integer({ min: 0, max: 60 }), (start, n) => {
        const local = new TZDate(start, "America/New_York");
        const expected = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + n, 23, 59, 59, 999, "America/New_York");
        expect(addNaturalDays(ny, start, n)).toBe(expected.getTime());
      }),
    );
  });
});

describe("hours", () => {
  it("are plain instant arithmetic, even across DST", () => {
    expect(iso(addHours("2025-03-08T17:00:00Z", 24))).toBe("2025-03-09T17:00:00.000Z");
    expect(iso(addDuration(ny, "2025-03-08T17:00:00Z", { amount: 48, unit: "hours" }))).toBe("2025-03-10T17:00:00.000Z");
  });
});

describe("months", () => {
  it("keep the local day of month and time", () => {
    expect(iso(addMonths(utc, "2025-01-15T10:30:00Z", 12))).toBe("2026-01-15T10:30:00.000Z");
    // New York: 10:30 EST in January → 10:30 EDT in July (one hour earlier in UTC).
    expect(iso(addMonths(ny, "2025-01-15T15:30:00Z", 6))).toBe("2025-07-15T14:30:00.000Z");
  });

  it("clamp to the last day of a shorter month", () => {
    expect(iso(addMonths(utc, "2025-01-31T08:00:00Z", 1))).toBe("2025-02-28T08:00:00.000Z");
    expect(iso(addMonths(utc, "2024-01-31T08:00:00Z", 1))).toBe("2024-02-29T08:00:00.000Z");
    expect(iso(addMonths(utc, "2024-02-29T08:00:00Z", 12))).toBe("2025-02-28T08:00:00.000Z");
    expect(iso(addMonths(utc, "2025-08-31T08:00:00Z", 3))).toBe("2025-11-30T08:00:00.000Z");
  });

  it("move a local time skipped by DST forward, and take the first of a repeated one", () => {
    // 2025-02-09 02:30 EST + 1 month = 2025-03-09 02:30, which does not exist → 03:30 EDT.
    expect(iso(addMonths(ny, "2025-02-09T07:30:00Z", 1))).toBe("2025-03-09T07:30:00.000Z");
    // 2025-10-02 01:30 EDT + 1 month = 2025-11-02 01:30, which happens twice → the EDT one.
    expect(iso(addMonths(ny, "2025-10-02T05:30:00Z", 1))).toBe("2025-11-02T05:30:00.000Z");
  });

  it("matches TZDate's month arithmetic away from DST gaps (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.integer({ min: 1, max: 24 }), (start, n) => {
        const local = new TZDate(start, "America/New_York");
        if (local.getHours() < 4) return; // DST changes happen between 01:00 and 03:00
        const day = Math.min(local.getDate(), new Date(Date.UTC(local.getFullYear(), local.getMonth() + n + 1, 0)).getUTCDate());
        const expected = new TZDate(local.getFullYear(), local.getMonth() + n, day, local.getHours(), local.getMinutes(), local.getSeconds(), local.getMilliseconds(), "America/New_York");
        expect(addMonths(ny, start, n)).toBe(expected.getTime());
      }),
    );
  });
});

describe("calendars", () => {
  it("reject unknown zones and malformed holidays", () => {
    expect(() => calendarFor("Mars/Olympus")).toThrow(/time zone/);
    expect(() => calendarFor("UTC", ["2025-02-30"])).toThrow(/holiday/);
  });

  it("give the local date of an instant", () => {
    expect(localDateOf(ny, "2025-03-07T03:00:00Z")).toBe("2025-03-06");
    expect(iso(endOfLocalDay(ny, parseLocalDate("2025-11-02")!))).toBe("2025-11-03T04:59:59.999Z");
  });
});

describe("instant parsing", () => {
  it("reads zoned ISO instants exactly like Date.parse (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.constantFrom("", ".5", ".123", ".123456", ".000"),
        fc.constantFrom("Z", "+00:00", "+05:30", "-04:00", "+14:00", "-12:45"),
        (ms, fraction, zone) => {
          const text = new Date(ms).toISOString().slice(0, 19) + fraction + zone;
          expect(parseIsoInstant(text)).toBe(Date.parse(text));
        },
      ),
    );
    expect(parseIsoInstant("2025-03-05T10:00:00Z")).toBe(Date.UTC(2025, 2, 5, 10));
    expect(Number.isNaN(parseIsoInstant("not a date"))).toBe(true);
    expect(parseIsoInstant("2025-03-05")).toBe(Date.parse("2025-03-05")); // falls back
  });
});
