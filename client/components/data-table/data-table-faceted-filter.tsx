import * as React from "react";
import { PlusCircleIcon } from "lucide-react";

import { cn } from "@/lib/utils";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Separator } from "@/components/ui/separator";
import { lazyWithPreload, whenIdle } from "@/lib/lazy-with-preload";

// The option list (cmdk) is only needed once a filter opens: it loads when the page is idle, or on hover or
// focus of a filter button, which is before the click that opens it.
const FacetedOptions = lazyWithPreload(() => import("./data-table-faceted-options").then((m) => m.FacetedOptions));
const preloadOptions = () => void FacetedOptions.preload();

export type DataTableFacetedFilterOption = {
  value: string;
  label: string;
  icon?: React.ComponentType<{ className?: string }>;
  /** Per-option count (usually from the server's facet query for the *other* active filters). */
  count?: number;
};

type DataTableFacetedFilterProps = {
  title: string;
  options: readonly DataTableFacetedFilterOption[];
  /** Selected option values (controlled). */
  value: readonly string[];
  onValueChange: (value: string[]) => void;
  /** Alternative to `option.count`: counts keyed by option value. */
  counts?: Readonly<Record<string, number>>;
  /** Counts above this were only counted that far: shown as "10K+". */
  countCap?: number;
  /** How many selected values to show as chips before collapsing to "N selected". */
  maxChips?: number;
  /** Show the search box (defaults to on when there are more than 7 options). */
  searchable?: boolean;
  align?: "start" | "center" | "end";
  className?: string;
};

/**
 * Multi-select filter: a dashed "+ Title" button that opens a searchable list
 * of options with checkboxes and counts; selected values show as chips.
 * Fully controlled and server-agnostic: wire `value` / `onValueChange` to the
 * page's filter state (URL / query key).
 */
function DataTableFacetedFilter({
  title,
  options,
  value,
  onValueChange,
  counts,
  countCap,
  maxChips = 2,
  searchable,
  align = "start",
  className,
}: DataTableFacetedFilterProps) {
  const selected = React.useMemo(() => new Set(value), [value]);
  const showSearch = searchable ?? options.length > 7;
  const selectedOptions = options.filter((option) => selected.has(option.value));
  const contentRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => whenIdle(preloadOptions), []);

  function toggle(optionValue: string) {
    const next = new Set(selected);
    if (next.has(optionValue)) next.delete(optionValue);
    else next.add(optionValue);
    // Keep the options' order so URLs/query keys stay stable.
    onValueChange(options.map((o) => o.value).filter((v) => next.has(v)));
  }

  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button
          variant="outline"
          size="sm"
          onPointerEnter={preloadOptions}
          onFocus={preloadOptions}
          className={cn("h-8 border-dashed px-2.5", selected.size > 0 && "border-solid", className)}
        >
          <PlusCircleIcon
            className={cn("transition-transform", selected.size > 0 && "rotate-45")}
            aria-hidden="true"
          />
          {title}
          {selected.size > 0 ? (
            <>
              <Separator orientation="vertical" className="mx-0.5 data-[orientation=vertical]:h-4" />
              <Badge variant="secondary" className="rounded-sm px-1 font-normal lg:hidden">
                {selected.size}
              </Badge>
              <span className="hidden gap-1 lg:flex">
                {selected.size > maxChips ? (
                  <Badge variant="secondary" className="rounded-sm px-1 font-normal">
                    {selected.size} selected
                  </Badge>
                ) : (
                  selectedOptions.map((option) => (
                    <Badge
                      key={option.value}
                      variant="secondary"
                      className="rounded-sm px-1 font-normal"
                    >
                      {option.label}
                    </Badge>
                  ))
                )}
              </span>
              <span className="sr-only">
                {`: ${selectedOptions.map((option) => option.label).join(", ")}`}
              </span>
            </>
          ) : null}
        </Button>
      </PopoverTrigger>
      <PopoverContent ref={contentRef} className="w-60 p-0" align={align} onCloseAutoFocus={keepFocusElsewhere(contentRef)}>
        <React.Suspense fallback={<p className="px-3 py-6 text-center text-sm text-muted-foreground">Loading…</p>}>
          <FacetedOptions
            title={title}
            options={options}
            selected={selected}
            counts={counts}
            countCap={countCap}
            showSearch={showSearch}
            onToggle={toggle}
            onClear={() => onValueChange([])}
          />
        </React.Suspense>
      </PopoverContent>
    </Popover>
  );
}

/**
 * Radix hands focus back to the trigger only after the exit animation; by then the person may have
 * opened the next filter, and stealing focus from it would dismiss that one too. Return focus only
 * when it is still in the closing list (or nowhere).
 */
function keepFocusElsewhere(contentRef: React.RefObject<HTMLDivElement | null>) {
  return (event: Event) => {
    const active = document.activeElement;
    if (active && active !== document.body && !contentRef.current?.contains(active)) event.preventDefault();
  };
}

export { DataTableFacetedFilter, type DataTableFacetedFilterProps };
