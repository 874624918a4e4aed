import type { DiffValue, ParameterKind } from "@shared/policy/parameters.ts";
import { formatCents } from "@/lib/format.ts";

type Kind = ParameterKind | "time_zone" | "holidays";

/** The unit shown after an input ("days", "%", "USD"). */
export const unitLabel: Record<Kind, string> = {
  days: "days",
  hours: "hours",
  working_days: "working days",
  months: "months",
  business_days: "business days",
  percent: "%",
  cents: "USD",
  cents_or_depends: "USD",
  grade: "",
  time_zone: "",
  holidays: "",
};

const singular: Partial<Record<Kind, string>> = { days: "day", hours: "hour", working_days: "working day", months: "month", business_days: "business day" };

/** "30 days", "1 working day", "50 %", "$25.00", "Depends" (A6), "Medium". */
export function formatParameterValue(kind: Kind, value: DiffValue | undefined): string {
  if (value === undefined) return "—";
  if (value === null) return "Depends";
  if (typeof value === "string") return kind === "grade" ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  if (typeof value !== "number") return value.length ? value.join(", ") : "none";
  if (kind === "cents" || kind === "cents_or_depends") return formatCents(value);
  if (kind === "percent") return `${value} %`;
  return `${value} ${value === 1 ? (singular[kind] ?? unitLabel[kind]) : unitLabel[kind]}`;
}
