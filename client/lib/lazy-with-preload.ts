import { createElement, lazy, useState, type ComponentProps, type ComponentType } from "react";

/**
 * `React.lazy` that can also be fetched ahead of use (idle time, hover, focus), so a component kept out of the
 * initial JS still renders on the first click or keypress without a visible wait: an instance mounted after
 * the code arrived renders it directly, without the one-frame Suspense fallback React.lazy would show.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint
export function lazyWithPreload<T extends ComponentType<any>>(load: () => Promise<T>) {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  const fetchCode = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // a failed fetch (offline a moment) is tried again on next use
        throw error;
      },
    ));
  const Lazy = lazy(async () => ({ default: await fetchCode() }));
  /** Starts the fetch; a failure is left to the first real use, which shows it through the error boundary. */
  const preload = () => fetchCode().catch(() => undefined);
  function Preloadable(props: ComponentProps<T>) {
    // Fixed per instance: switching from Lazy to the component itself would remount it and lose its state.
    const [use] = useState(() => ({ Component: (loaded ?? Lazy) as ComponentType<ComponentProps<T>> }));
    return createElement(use.Component, props);
  }
  return Object.assign(Preloadable, { preload });
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
