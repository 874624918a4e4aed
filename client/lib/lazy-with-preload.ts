import { lazy, useState, type ComponentType } from "react";

/**
 * `React.lazy` that can also be fetched ahead of use (idle time, hover, focus), so a component kept out of the
 * initial JS still renders on the first click or keypress without a visible wait.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint
export function lazyWithPreload<T extends ComponentType<any>>(load: () => Promise<T>) {
  let loading: Promise<T> | undefined;
  const preload = () => (loading ??= load());
  const Component = lazy(async () => ({ default: await preload() }));
  return Object.assign(Component, { preload });
}

/** Runs `fn` once the browser is idle after the first paint (or after `timeout` ms at the latest). */
export function whenIdle(fn: () => void, timeout = 2000): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(fn, { timeout });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(fn, 200);
  return () => window.clearTimeout(id);
}

/** Whether `open` has ever been true: a lazy dialog mounts on first use and then stays, to animate closed. */
export function useMountedOnce(open: boolean): boolean {
  const [mounted, setMounted] = useState(open);
  if (open && !mounted) setMounted(true);
  return mounted || open;
}
