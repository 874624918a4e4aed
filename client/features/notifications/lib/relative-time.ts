const format = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "short" });

/** Seconds per unit, largest first. */
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["week", 604_800],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "just now", "5 min. ago", "yesterday", "3 wk. ago": the bell says how fresh it is, the title carries the rest. */
export function relativeTime(at: Date, now: Date = new Date()): string {
  const seconds = (at.getTime() - now.getTime()) / 1000;
  if (Math.abs(seconds) < 45) return "just now";
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? units[units.length - 1]!;
  return format.format(Math.round(seconds / size), unit);
}
