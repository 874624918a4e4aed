import { useEffect, useRef } from "react";

/** True while the person is typing or a dialog has the floor: single-key shortcuts must not fire then. */
export function isTypingOrInDialog(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (target?.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='combobox'], [role='listbox'], [role='menu']")) return true;
  return document.querySelector("[role='dialog'][data-state='open'], [role='alertdialog'][data-state='open']") !== null;
}

/**
 * Single-key shortcuts (no modifier). `keys` maps `event.key` to a handler; a handler returning false
 * leaves the key to the page.
 */
export function useHotkeys(keys: Record<string, () => boolean | void>, enabled = true): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented || event.repeat) return;
      const handler = latest.current[event.key];
      if (!handler || isTypingOrInDialog(event)) return;
      if (handler() !== false) event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
