/**
 * Queue totals past the cap show as "10,000+", and counting up to the cap is the dearest part of a queue
 * page (10,001 index entries). Once a filter has been seen over the cap, that answer is reused for a few
 * seconds instead of being counted again on every page, sort and refresh: the number it stands for does not
 * change in that time. Totals under the cap are cheap and always counted.
 */
const TTL_MS = 10_000;
const MAX_KEYS = 5_000;
const overCapSince = new Map<string, number>();
/** bench:queue turns it off: it compares each page with its own SQL replayed, the count included. */
export const cappedCountMemo = { enabled: true };

export function knownOverCap(key: string, nowMs: number): boolean {
  if (!cappedCountMemo.enabled) return false;
  const at = overCapSince.get(key);
  if (at === undefined) return false;
  if (nowMs - at < TTL_MS) return true;
  overCapSince.delete(key);
  return false;
}

export function rememberCount(key: string, overCap: boolean, nowMs: number): void {
  if (!overCap) {
    overCapSince.delete(key);
    return;
  }
  if (overCapSince.size >= MAX_KEYS) overCapSince.clear();
  overCapSince.set(key, nowMs);
}
