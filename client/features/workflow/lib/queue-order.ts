/**
 * The claim numbers of the queue page the person last looked at, in its order, so j / k on a claim page
 * walk the same list. Per tab (sessionStorage): two tabs on two queues keep their own order.
 */
const KEY = "claimdesk:queue-order";

export function rememberQueueOrder(numbers: readonly string[]): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(numbers));
  } catch {
    // Storage full or disabled: j / k just have no list to walk.
  }
}

export function readQueueOrder(): string[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** The neighbour of `current` in the remembered order; `null` at either end or when it is not in the list. */
export function neighbourInQueue(current: string, step: 1 | -1): { number: string | null; inList: boolean } {
  const order = readQueueOrder();
  const index = order.indexOf(current.toUpperCase());
  if (index === -1) return { number: null, inList: false };
  return { number: order[index + step] ?? null, inList: true };
}
