import * as React from "react";
import type { CellData, RowData } from "@tanstack/react-table";
import { ArrowDownIcon, ArrowUpIcon, ChevronsUpDownIcon, EyeOffIcon, XIcon } from "lucide-react";

import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { DataTableColumn } from "@/components/data-table/data-table-features";

type DataTableColumnHeaderProps<TData extends RowData, TValue extends CellData> = {
  column: DataTableColumn<TData, TValue>;
  title: string;
  className?: string;
};

/**
 * Header cell content: a menu button offering sort ascending / descending /
 * clear and "hide column". The surrounding <th> carries `aria-sort` (set by
 * DataTable). Columns that can neither sort nor hide render plain text.
 *
 * @example
 * col.accessor("amount", {
 *   header: ({ column }) => <DataTableColumnHeader column={column} title="Amount" />,
 *   meta: { label: "Amount", align: "end" },
 * })
 */
function DataTableColumnHeader<TData extends RowData, TValue extends CellData>({
  column,
  title,
  className,
}: DataTableColumnHeaderProps<TData, TValue>) {
  const canSort = column.getCanSort();
  const canHide = column.getCanHide();
  const align = column.columnDef.meta?.align ?? "start";

  if (!canSort && !canHide) {
    return <span className={cn("truncate", className)}>{title}</span>;
  }

  const sorted = column.getIsSorted();
  const SortIcon = sorted === "asc" ? ArrowUpIcon : sorted === "desc" ? ArrowDownIcon : ChevronsUpDownIcon;

  return (
    <div
      className={cn(
        "flex items-center",
        align === "end" && "justify-end",
        align === "center" && "justify-center",
        className,
      )}
    >
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            size="xs"
            className={cn(
              "h-7 gap-1 px-2 text-xs font-medium text-muted-foreground hover:text-foreground data-[state=open]:bg-accent data-[state=open]:text-foreground",
              align === "end" ? "-mr-2" : "-ml-2",
              sorted && "text-foreground",
            )}
          >
            <span className="truncate">{title}</span>
            {canSort ? (
              <SortIcon
                aria-hidden="true"
                className={cn("size-3.5", sorted ? "opacity-100" : "opacity-50")}
              />
            ) : null}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align={align === "end" ? "end" : "start"} className="min-w-36">
          {canSort ? (
            <>
              <DropdownMenuItem
                onSelect={() => column.toggleSorting(false)}
                data-active={sorted === "asc" || undefined}
                className="data-[active]:font-medium"
              >
                <ArrowUpIcon />
                Sort ascending
              </DropdownMenuItem>
              <DropdownMenuItem
                onSelect={() => column.toggleSorting(true)}
                data-active={sorted === "desc" || undefined}
                className="data-[active]:font-medium"
              >
                <ArrowDownIcon />
                Sort descending
              </DropdownMenuItem>
              {sorted ? (
                <DropdownMenuItem onSelect={() => column.clearSorting()}>
                  <XIcon />
                  Clear sort
                </DropdownMenuItem>
              ) : null}
            </>
          ) : null}
          {canSort && canHide ? <DropdownMenuSeparator /> : null}
          {canHide ? (
            <DropdownMenuItem onSelect={() => column.toggleVisibility(false)}>
              <EyeOffIcon />
              Hide column
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}

/** `aria-sort` value for a <th>, or undefined for unsortable columns. */
function getAriaSort<TData extends RowData>(
  column: DataTableColumn<TData, unknown>,
): React.AriaAttributes["aria-sort"] {
  if (!column.getCanSort()) return undefined;
  const sorted = column.getIsSorted();
  return sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none";
}

export { DataTableColumnHeader, getAriaSort };
