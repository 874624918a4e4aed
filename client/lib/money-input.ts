/**
 * Dollars as typed ("12.50", "$1,200") to integer cents, for react-hook-form's `setValueAs`: the form then
 * holds cents and validates with the same zod schema as the server. Unreadable input becomes NaN, which
 * the schema reports beside the field; an empty field is "not set".
 */
export function dollarsToCents(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  const text = String(value ?? "").replace(/[$,\s]/g, "");
  if (text === "") return undefined;
  if (!/^\d+(\.\d{0,2})?$/.test(text)) return Number.NaN;
  const [whole, fraction = ""] = text.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export const centsToDollars = (cents: number | null | undefined) => (cents == null ? "" : (cents / 100).toFixed(2));
