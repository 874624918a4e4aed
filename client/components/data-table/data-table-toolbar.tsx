import * as React from "react";
import { SearchIcon, XIcon } from "lucide-react";

import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/**
 * Toolbar row above a DataTable: filters on the left (wrapping), `actions`
 * (view options, export, primary action…) pinned to the right.
 */
function DataTableToolbar({
  children,
  actions,
  className,
  ...props
}: React.ComponentProps<"div"> & { actions?: React.ReactNode }) {
  return (
    <div
      data-slot="data-table-toolbar"
      role="toolbar"
      aria-orientation="horizontal"
      className={cn("flex items-start justify-between gap-2", className)}
      {...props}
    >
      <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">{children}</div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

type DataTableSearchProps = Omit<React.ComponentProps<"input">, "value" | "onChange" | "defaultValue"> & {
  /** Committed search term (controlled, e.g. from the URL). */
  value: string;
  /** Called with the new term after `debounceMs` of no typing (immediately on clear / Enter). */
  onValueChange: (value: string) => void;
  debounceMs?: number;
};

/** Debounced search box with a clear button. */
function DataTableSearch({
  value,
  onValueChange,
  debounceMs = 300,
  placeholder = "Search…",
  className,
  onKeyDown,
  ...props
}: DataTableSearchProps) {
  const [draft, setDraft] = React.useState(value);
  const [committed, setCommitted] = React.useState(value);
  const onValueChangeRef = React.useRef(onValueChange);
  onValueChangeRef.current = onValueChange;

  // Adopt external changes (e.g. "Reset filters", back/forward navigation).
  if (value !== committed) {
    setCommitted(value);
    setDraft(value);
  }

  React.useEffect(() => {
    if (draft === value) return;
    const timer = window.setTimeout(() => onValueChangeRef.current(draft), debounceMs);
    return () => window.clearTimeout(timer);
  }, [draft, value, debounceMs]);

  return (
    <div className={cn("relative w-full sm:w-64", className)}>
      <SearchIcon
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
      />
      <Input
        type="search"
        value={draft}
        placeholder={placeholder}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") onValueChange(draft);
          if (event.key === "Escape" && draft) {
            event.preventDefault();
            setDraft("");
            onValueChange("");
          }
          onKeyDown?.(event);
        }}
        className="h-8 pr-8 pl-8 [&::-webkit-search-cancel-button]:hidden"
        {...props}
      />
      {draft ? (
        <Button
          type="button"
          variant="ghost"
          size="icon-xs"
          className="absolute top-1/2 right-1 size-6 -translate-y-1/2 text-muted-foreground"
          onClick={() => {
            setDraft("");
            onValueChange("");
          }}
          aria-label="Clear search"
        >
          <XIcon />
        </Button>
      ) : null}
    </div>
  );
}

/** "Reset" ghost button shown when any filter is active. */
function DataTableResetFilters({
  className,
  children = "Reset",
  ...props
}: React.ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" size="sm" className={cn("h-8 px-2.5", className)} {...props}>
      {children}
      <XIcon />
    </Button>
  );
}

export { DataTableToolbar, DataTableSearch, DataTableResetFilters, type DataTableSearchProps };
