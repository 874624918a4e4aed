import { formatDistanceToNowStrict, format } from "date-fns";

const money = new Map<string, Intl.NumberFormat>();
export function formatCents(cents: number, currency = "USD"): string {
  let f = money.get(currency);
  if (!f) money.set(currency, (f = new Intl.NumberFormat("en-US", { style: "currency", currency })));
  return f.format(cents / 100);
}

export const formatDateTime = (d: Date | string) => format(new Date(d), "d MMM yyyy, HH:mm");
export const formatDate = (d: Date | string) => format(new Date(d), "d MMM yyyy");
export const fromNow = (d: Date | string) => formatDistanceToNowStrict(new Date(d), { addSuffix: true });

export const humanize = (key: string) => key.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
