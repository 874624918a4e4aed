/** The theme's five chart colours, then mixes toward the text and a mid grey, so up to 15 series stay distinct in light and dark. */
export function seriesColor(i: number): string {
  const base = `var(--chart-${(i % 5) + 1})`;
  const round = Math.floor(i / 5);
  if (round === 0) return base;
  return round === 1 ? `color-mix(in oklch, ${base} 60%, var(--foreground))` : `color-mix(in oklch, ${base} 50%, var(--muted-foreground))`;
}
