import { useEffect } from "react";

/** "/" jumps to the queue search, as in most tools agents already know. */
export function useSlashToFocus(selector: string) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== "/" || e.metaKey || e.ctrlKey || target?.closest("input, textarea, select, [contenteditable]")) return;
      const el = document.querySelector<HTMLInputElement>(selector);
      if (el) {
        e.preventDefault();
        el.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selector]);
}
