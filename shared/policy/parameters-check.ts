import { isValidTimeZone, parseLocalDate } from "../time.ts";
import { grades } from "./enums.ts";
import type { PolicyParameter } from "./parameters-list.ts";

// One check per value, used by the server before it stores a version and by
// the editor beside each input, so both say the same words. Every message
// starts with the field's name: it must make sense in a toast as well.

export const unitWords: Record<PolicyParameter["kind"], string> = {
  days: "days",
  hours: "hours",
  working_days: "working days",
  months: "months",
  business_days: "business days",
  percent: "%",
  cents: "cents",
  cents_or_depends: "cents",
  grade: "",
};

export function parameterName(p: Pick<PolicyParameter, "label" | "context">): string {
  return p.context ? `${p.label} (${p.context})` : p.label;
}

/** Undefined when `value` may be stored for `p`, else the reason, naming the field. */
export function checkParameterValue(p: PolicyParameter, value: unknown): string | undefined {
  const name = parameterName(p);
  if (p.kind === "grade") {
    return typeof value === "string" && (grades as readonly string[]).includes(value) ? undefined : `${name} must be Low, Medium, High or Depends.`;
  }
  // Null is "Depends" (A6): allowed only where the schedule may say so.
  if (value === null) return p.kind === "cents_or_depends" ? undefined : `${name} needs a value.`;
  if (typeof value !== "number" || !Number.isFinite(value)) return `${name} must be a number.`;
  const min = p.min ?? 0;
  const max = p.max ?? Number.MAX_SAFE_INTEGER;
  if (p.kind === "percent") {
    // Money math turns percentages into basis points (money.ts): two decimals at most.
    if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-9) return `${name} may have at most two decimals.`;
    if (value < min || value > max) return `${name} must be between ${min} and ${max} %.`;
    return undefined;
  }
  const what = p.kind === "cents" || p.kind === "cents_or_depends" ? "an amount in whole cents" : `a whole number of ${unitWords[p.kind]}`;
  if (!Number.isInteger(value)) return `${name} must be ${what}.`;
  if (value < min) return `${name} must be ${min} or more.`;
  if (value > max) return `${name} must be ${max} or less.`;
  return undefined;
}

export function checkTimeZone(timeZone: string): string | undefined {
  return timeZone.trim() && isValidTimeZone(timeZone.trim()) ? undefined : `Time zone "${timeZone}" is not a known IANA time zone (for example Europe/Berlin).`;
}

export function checkHoliday(date: string): string | undefined {
  return parseLocalDate(date) === undefined ? `Holiday "${date}" is not a calendar date (YYYY-MM-DD).` : undefined;
}
