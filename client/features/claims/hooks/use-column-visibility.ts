import { useEffect, useState } from "react";

/** Column choices are personal, not part of a shared link: they live in localStorage. */
export function useStoredColumnVisibility(key: string, defaults: Record<string, boolean>) {
  const [value, setValue] = useState<Record<string, boolean>>(() => {
    try {
      return { ...defaults, ...JSON.parse(localStorage.getItem(key) ?? "{}") };
    } catch {
      return defaults;
    }
  });
  useEffect(() => {
    localStorage.setItem(key, JSON.stringify(value));
  }, [key, value]);
  return [value, setValue] as const;
}
