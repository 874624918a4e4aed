import * as React from "react";
import { CheckIcon, PlusCircleIcon, XIcon } from "lucide-react";

import { cn } from "@/lib/utils";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Command,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandSeparator,
} from "@/components/ui/command";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Separator } from "@/components/ui/separator";

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
  /** How many selected values to show as chips before collapsing to "N selected". */
  maxChips?: number;
  /** Show the search box (defaults to on when there are more than 7 options). */
  searchable?: boolean;
  align?: "start" | "center" | "end";
  className?: string;
};

const countFormat = new Intl.NumberFormat(undefined, { notation: "compact" });

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
  maxChips = 2,
  searchable,
  align = "start",
  className,
}: DataTableFacetedFilterProps) {
  const selected = React.useMemo(() => new Set(value), [value]);
  const showSearch = searchable ?? options.length > 7;
  const selectedOptions = options.filter((option) => selected.has(option.value));
  const contentRef = React.useRef<HTMLDivElement>(null);

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
        <Command>
          {showSearch ? <CommandInput placeholder={title} /> : null}
          <CommandList className="max-h-72">
            <CommandEmpty>No options found.</CommandEmpty>
            <CommandGroup>
              {options.map((option) => {
                const isSelected = selected.has(option.value);
                const count = counts?.[option.value] ?? option.count;
                const Icon = option.icon;
                return (
                  <CommandItem
                    key={option.value}
                    value={`${option.label} ${option.value}`}
                    onSelect={() => toggle(option.value)}
                    aria-checked={isSelected}
                  >
                    <span
                      aria-hidden="true"
                      className={cn(
                        "flex size-4 shrink-0 items-center justify-center rounded-[4px] border border-input",
                        isSelected
                          ? "border-primary bg-primary text-primary-foreground"
                          : "[&_svg]:invisible",
                      )}
                    >
                      <CheckIcon className="size-3.5 text-current" />
                    </span>
                    {Icon ? <Icon className="size-4 text-muted-foreground" /> : null}
                    <span className="truncate">{option.label}</span>
                    {count !== undefined ? (
                      <span className="ml-auto pl-2 font-mono text-xs text-muted-foreground tabular-nums">
                        {countFormat.format(count)}
                      </span>
                    ) : null}
                  </CommandItem>
                );
              })}
            </CommandGroup>
            {selected.size > 0 ? (
              <>
                <CommandSeparator />
                <CommandGroup>
                  <CommandItem
                    value="__clear__"
                    onSelect={() => onValueChange([])}
                    className="justify-center text-center"
                  >
                    <XIcon />
                    Clear filter
                  </CommandItem>
                </CommandGroup>
              </>
            ) : null}
          </CommandList>
        </Command>
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
