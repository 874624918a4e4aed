import { CheckIcon, XIcon } from "lucide-react";

import { cn } from "@/lib/utils";
import {
  Command,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandSeparator,
} from "@/components/ui/command";
import type { DataTableFacetedFilterOption } from "./data-table-faceted-filter";

const countFormat = new Intl.NumberFormat(undefined, { notation: "compact" });

/** The searchable checkbox list inside a faceted filter's popover (loaded on first use, see the filter). */
function FacetedOptions({
  title,
  options,
  selected,
  counts,
  countCap,
  showSearch,
  onToggle,
  onClear,
}: {
  title: string;
  options: readonly DataTableFacetedFilterOption[];
  selected: ReadonlySet<string>;
  counts?: Readonly<Record<string, number>>;
  countCap?: number;
  showSearch: boolean;
  onToggle: (value: string) => void;
  onClear: () => void;
}) {
  return (
    <Command>
      {showSearch ? <CommandInput placeholder={title} autoFocus /> : null}
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
                onSelect={() => onToggle(option.value)}
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
                    {countCap !== undefined && count > countCap ? `${countFormat.format(countCap)}+` : countFormat.format(count)}
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
                onSelect={onClear}
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
  );
}

export { FacetedOptions };
