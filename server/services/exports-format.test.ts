import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseUtcTimestamp } from "./exports-pg-cursor.ts";
import { ByteSink } from "./exports-bytes.ts";
import { centsToDecimal, neutralise, offsetMinutes } from "./exports-format.ts";

const instant = (ms: number, offset: number | null) => {
  const sink = new ByteSink();
  sink.instant(ms, offset);
  return sink.take().toString();
};
const utcIso = (ms: number) => instant(ms, null);
const localIso = (d: Date, timeZone: string) => instant(d.getTime(), offsetMinutes(timeZone, d.getTime()));

describe("export cell formatting", () => {
  it("neutralises every formula lead-in and leaves other text alone", () => {
    for (const s of ["=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ["Kinetic", "1-2", "a=b", ""]) expect(neutralise(s)).toBe(s);
  });

  it("writes cents as decimal amounts without floats", () => {
    expect([1230, 5, -5, 0, 100, 123456789].map(centsToDecimal)).toEqual(["12.30", "0.05", "-0.05", "0.00", "1.00", "1234567.89"]);
  });

  it("writes UTC instants exactly as toISOString does", () => {
    for (let ms = Date.parse("1999-12-31T23:59:59.999Z"); ms < Date.parse("2030-01-01Z"); ms += 7_654_321_987) expect(utcIso(ms)).toBe(new Date(ms).toISOString());
    const anyInstant = fc.integer({ min: Date.parse("0001-01-01T00:00:00Z"), max: Date.parse("9998-12-31T23:59:59.999Z") });
    fc.assert(fc.property(anyInstant, (ms) => utcIso(ms) === new Date(ms).toISOString()));
    fc.assert(fc.property(anyInstant, fc.integer({ min: -14 * 60, max: 14 * 60 }), (ms, offset) => instant(ms, offset).slice(0, 19) === new Date(ms + offset * 60_000).toISOString().slice(0, 19)));
  });

  it("writes store time with the offset in force at that instant, across DST changes", () => {
    expect(localIso(new Date("2026-03-29T00:59:59Z"), "Europe/Berlin")).toBe("2026-03-29T01:59:59+01:00");
    expect(localIso(new Date("2026-03-29T01:00:00Z"), "Europe/Berlin")).toBe("2026-03-29T03:00:00+02:00");
    expect(localIso(new Date("2026-11-01T05:59:00Z"), "America/New_York")).toBe("2026-11-01T01:59:00-04:00");
    expect(localIso(new Date("2026-11-01T06:00:00Z"), "America/New_York")).toBe("2026-11-01T01:00:00-05:00");
    expect(localIso(new Date("2026-07-01T12:00:00Z"), "Asia/Kolkata")).toBe("2026-07-01T17:30:00+05:30");
    expect(localIso(new Date("2026-07-01T12:00:00Z"), "UTC")).toBe("2026-07-01T12:00:00+00:00");
  });

  it("reads PostgreSQL's UTC timestamptz text", () => {
    expect(new Date(parseUtcTimestamp("2026-11-20 12:00:00+00")).toISOString()).toBe("2026-11-20T12:00:00.000Z");
    expect(new Date(parseUtcTimestamp("2026-11-20 12:00:00.5+00")).toISOString()).toBe("2026-11-20T12:00:00.500Z");
    expect(new Date(parseUtcTimestamp("2026-01-02 03:04:05.123456+00")).toISOString()).toBe("2026-01-02T03:04:05.123Z");
  });
});
