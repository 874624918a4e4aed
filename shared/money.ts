// Money is always an integer number of cents (minor units). Floats never hold
// money here: percentages are turned into basis points and applied with integer
// arithmetic so that 12.5 % of 1 cent rounds the same way on every machine.

export type Cents = number;

export function assertCents(value: number, label = "amount"): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${label} must be an integer number of cents, got ${value}`);
  }
  return value;
}

/**
 * Rounds half away from zero ("half-up" as accountants use it: 0.5 → 1,
 * -0.5 → -1), so that a refund and its reversal stay symmetric.
 */
function roundHalfUp(numerator: number, denominator: number): number {
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  return sign * Math.floor((abs + denominator / 2) / denominator);
}

/**
 * `pct` % of `cents`, rounded half-up to the cent. `pct` may carry up to two
 * decimals (12.5, 33.33); more precision is rounded to basis points first.
 */
export function percentOf(cents: Cents, pct: number): Cents {
  const basisPoints = Math.round(pct * 100);
  return roundHalfUp(cents * basisPoints, 10_000);
}

export function sumCents(values: readonly Cents[]): Cents {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export function minCents(first: Cents, ...rest: Cents[]): Cents {
  let min = first;
  for (const v of rest) if (v < min) min = v;
  return min;
}

export function clampCents(value: Cents, low: Cents, high: Cents): Cents {
  if (value < low) return low;
  if (value > high) return high;
  return value;
}

/** Display only: "$1,234.56", "-$0.05". Never parse this back. */
export function formatCents(cents: Cents, currencySymbol = "$"): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = (abs % 100).toString().padStart(2, "0");
  return `${sign}${currencySymbol}${whole}.${fraction}`;
}
