import * as React from "react";

export type Theme = "light" | "dark" | "system";
export type ResolvedTheme = "light" | "dark";

/** Same key as client/public/theme-boot.js (pre-paint script) — keep them in sync. */
export const THEME_STORAGE_KEY = "claimdesk-theme";

type ThemeContextValue = {
  /** The user's choice (may be "system"). */
  theme: Theme;
  /** What is actually applied right now. */
  resolvedTheme: ResolvedTheme;
  setTheme: (theme: Theme) => void;
};

const ThemeContext = React.createContext<ThemeContextValue | null>(null);

const DARK_QUERY = "(prefers-color-scheme: dark)";

function isTheme(value: unknown): value is Theme {
  return value === "light" || value === "dark" || value === "system";
}

function readStoredTheme(storageKey: string, fallback: Theme): Theme {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isTheme(stored) ? stored : fallback;
  } catch {
    return fallback;
  }
}

function subscribeToSystemTheme(onChange: () => void) {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}

function getSystemTheme(): ResolvedTheme {
  return window.matchMedia(DARK_QUERY).matches ? "dark" : "light";
}

function getServerSystemTheme(): ResolvedTheme {
  return "light";
}

/** Briefly disables CSS transitions so switching themes doesn't animate every colour. */
function withoutTransitions(apply: () => void) {
  const style = document.createElement("style");
  style.appendChild(document.createTextNode("*,*::before,*::after{transition:none!important}"));
  document.head.appendChild(style);
  apply();
  // Force a reflow, then re-enable transitions on the next frame.
  void window.getComputedStyle(document.body).opacity;
  window.requestAnimationFrame(() => style.remove());
}

type ThemeProviderProps = {
  children: React.ReactNode;
  defaultTheme?: Theme;
  storageKey?: string;
};

/**
 * Light / dark / system theme. Persists the choice in localStorage, follows
 * `prefers-color-scheme` live while on "system", sets `.dark` + `color-scheme`
 * on <html>, and syncs across tabs.
 */
function ThemeProvider({
  children,
  defaultTheme = "system",
  storageKey = THEME_STORAGE_KEY,
}: ThemeProviderProps) {
  const [theme, setThemeState] = React.useState<Theme>(() =>
    readStoredTheme(storageKey, defaultTheme),
  );
  const systemTheme = React.useSyncExternalStore(
    subscribeToSystemTheme,
    getSystemTheme,
    getServerSystemTheme,
  );
  const resolvedTheme: ResolvedTheme = theme === "system" ? systemTheme : theme;

  React.useLayoutEffect(() => {
    const root = document.documentElement;
    if (root.classList.contains("dark") === (resolvedTheme === "dark")) {
      root.style.colorScheme = resolvedTheme;
      return;
    }
    withoutTransitions(() => {
      root.classList.toggle("dark", resolvedTheme === "dark");
      root.style.colorScheme = resolvedTheme;
    });
  }, [resolvedTheme]);

  // Keep several open tabs in sync.
  React.useEffect(() => {
    function onStorage(event: StorageEvent) {
      if (event.key !== storageKey) return;
      setThemeState(isTheme(event.newValue) ? event.newValue : defaultTheme);
    }
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [storageKey, defaultTheme]);

  const setTheme = React.useCallback(
    (next: Theme) => {
      try {
        window.localStorage.setItem(storageKey, next);
      } catch {
        // Private mode / storage disabled: keep the in-memory choice.
      }
      setThemeState(next);
    },
    [storageKey],
  );

  const value = React.useMemo(
    () => ({ theme, resolvedTheme, setTheme }),
    [theme, resolvedTheme, setTheme],
  );

  return <ThemeContext value={value}>{children}</ThemeContext>;
}

function useTheme(): ThemeContextValue {
  const context = React.use(ThemeContext);
  if (!context) throw new Error("useTheme must be used inside <ThemeProvider>");
  return context;
}

export { ThemeProvider, useTheme };
