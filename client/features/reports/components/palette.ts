/** The theme's five chart colours, then lighter mixes of them, so up to 15 series stay distinct in light and dark. */
export function seriesColor(i: number): string {
  const base = `var(--chart-${(i % 5) + 1})`;
  const round = Math.floor(i / 5);
  return round === 0 ? base : `color-mix(in oklch, ${base} ${round === 1 ? 55 : 30}%, var(--background))`;
}
