import type { ParameterKind } from "./parameters-list.ts";

// Rule summaries and finding messages quote their numbers ("reported after the
// 30-day window"). When an admin changes such a number, the text shown to
// agents must change with it, or a finding would cite the old rule. A text is
// rewritten only where the old value appears exactly once with its unit;
// anything ambiguous is left as written.

const unitPattern: Partial<Record<ParameterKind, string>> = {
  days: "(?:natural )?days?\\b",
  hours: "hours?\\b",
  working_days: "working days?\\b",
  months: "months?\\b",
  business_days: "business days?\\b",
  percent: "%",
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function matcher(kind: ParameterKind, value: number): RegExp | undefined {
  const unit = unitPattern[kind];
  if (!unit) return undefined;
  // number, an optional range end ("5–10 business days"), a separator, the unit
  return new RegExp(`(?<![\\d.,])${escape(String(value))}((?:\\s?[–-]\\s?\\d+)?)([ -]?)(${unit})`, "g");
}

/** Whether `text` quotes `value` with its unit exactly once. */
export function quotesOnce(text: string, kind: ParameterKind, value: number): boolean {
  const re = matcher(kind, value);
  return !!re && (text.match(re)?.length ?? 0) === 1;
}

/** `text` with the one quotation of `before` replaced by `after`; unchanged when not exactly one. */
export function retext(text: string, kind: ParameterKind, before: number, after: number): string {
  const re = matcher(kind, before);
  if (!re || !quotesOnce(text, kind, before)) return text;
  return text.replace(re, (_m, range: string, sep: string, unit: string) => {
    // "30-day window", "5–10 business days" and "10 %" keep their form; "1 working day" / "2 working days".
    if (sep !== " " || range || unit === "%") return `${after}${range}${sep}${unit}`;
    const stem = unit.replace(/s$/, "");
    return `${after} ${after === 1 ? stem : `${stem}s`}`;
  });
}
