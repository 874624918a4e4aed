import { checkParameterValue, parameterName } from "./parameters-check.ts";
import type { PolicyParameter, ParameterValue } from "./parameters-list.ts";

// What an input shows and what it means. Money is typed in dollars ("12.50")
// and stored in cents; "Depends" (A6) is null, never a number.

export function parameterToText(p: Pick<PolicyParameter, "kind">, value: ParameterValue): string | null {
  if (value === null) return null;
  if ((p.kind === "cents" || p.kind === "cents_or_depends") && typeof value === "number") return (value / 100).toFixed(2);
  return String(value);
}

export function parameterFromText(p: PolicyParameter, text: string | null): { value: ParameterValue; error?: string } {
  if (text === null) return { value: null };
  const t = text.trim();
  if (p.kind === "grade") return { value: t };
  if (t === "") return { value: null, error: `${parameterName(p)} needs a value.` };
  if (p.kind === "cents" || p.kind === "cents_or_depends") {
    if (!/^\d+(\.\d{1,2})?$/.test(t)) return { value: Number.NaN, error: `${parameterName(p)} must be an amount like 12.50.` };
    return { value: Math.round(Number(t) * 100) };
  }
  const n = Number(t);
  return Number.isFinite(n) ? { value: n } : { value: n, error: `${parameterName(p)} must be a number.` };
}

/** The stored value for a text, or the message to show beside the field. */
export function parseParameterText(p: PolicyParameter, text: string | null): { value: ParameterValue; error?: string } {
  const parsed = parameterFromText(p, text);
  return { value: parsed.value, error: parsed.error ?? checkParameterValue(p, parsed.value) };
}
