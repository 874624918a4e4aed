import type { RowData } from "@tanstack/react-table";
import {
  ChevronLeftIcon,
  ChevronRightIcon,
  ChevronsLeftIcon,
  ChevronsRightIcon,
} from "lucide-react";

import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import {
  DEFAULT_PAGE_SIZE_OPTIONS,
  type DataTableInstance,
} from "@/components/data-table/data-table-features";

const numberFormat = new Intl.NumberFormat();

type DataTablePaginationProps<TData extends RowData> = {
  table: DataTableInstance<TData>;
  pageSizeOptions?: readonly number[];
  /** Show the "N selected" counter (defaults to whether row selection is enabled). */
  showSelection?: boolean;
  className?: string;
};

/**
 * Footer: "N selected" / "1–25 of 1,234" on the left; rows-per-page select,
 * "Page X of Y" and first/prev/next/last on the right. Reads controlled state
 * from `table.state`, so it re-renders with the owning DataTable.
 */
function DataTablePagination<TData extends RowData>({
  table,
  pageSizeOptions = DEFAULT_PAGE_SIZE_OPTIONS,
  showSelection = table.options.enableRowSelection !== false,
  className,
}: DataTablePaginationProps<TData>) {
  const { pageIndex, pageSize } = table.state.pagination;
  const selectedCount = Object.keys(table.state.rowSelection).length;
  const rowCount = table.options.rowCount;
  const knownCount = typeof rowCount === "number" && rowCount >= 0;
  const pageCount = knownCount ? Math.max(1, Math.ceil(rowCount / pageSize)) : undefined;
  const firstRow = knownCount && rowCount > 0 ? pageIndex * pageSize + 1 : 0;
  const lastRow = knownCount ? Math.min(rowCount, (pageIndex + 1) * pageSize) : 0;
  const sizes = pageSizeOptions.includes(pageSize)
    ? pageSizeOptions
    : [...pageSizeOptions, pageSize].sort((a, b) => a - b);

  return (
    <div
      data-slot="data-table-pagination"
      className={cn(
        "flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-1 text-sm text-muted-foreground tabular-nums",
        className,
      )}
    >
      <div className="flex min-w-0 items-center gap-3" aria-live="polite">
        {showSelection && selectedCount > 0 ? (
          <span className="font-medium text-foreground">
            {numberFormat.format(selectedCount)} selected
          </span>
        ) : null}
        <span>
          {knownCount
            ? rowCount === 0
              ? "No rows"
              : `${numberFormat.format(firstRow)}–${numberFormat.format(lastRow)} of ${numberFormat.format(rowCount)}`
            : "\u00a0"}
        </span>
      </div>

      <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
        <div className="flex items-center gap-2">
          <span aria-hidden="true" className="hidden sm:inline">
            Rows per page
          </span>
          <Select value={String(pageSize)} onValueChange={(value) => table.setPageSize(Number(value))}>
            <SelectTrigger
              size="xs"
              className="w-[4.25rem] tabular-nums"
              aria-label="Rows per page"
            >
              <SelectValue />
            </SelectTrigger>
            <SelectContent side="top" align="end">
              {sizes.map((size) => (
                <SelectItem key={size} value={String(size)} className="tabular-nums">
                  {size}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <span className="min-w-[6.5rem] text-center font-medium text-foreground">
          {pageCount !== undefined
            ? `Page ${numberFormat.format(pageIndex + 1)} of ${numberFormat.format(pageCount)}`
            : `Page ${numberFormat.format(pageIndex + 1)}`}
        </span>
        <nav aria-label="Pagination" className="flex items-center gap-1">
          <Button
            variant="outline"
            size="icon-xs"
            className="hidden sm:inline-flex"
            onClick={() => table.firstPage()}
            disabled={!table.getCanPreviousPage()}
            aria-label="First page"
          >
            <ChevronsLeftIcon />
          </Button>
          <Button
            variant="outline"
            size="icon-xs"
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
            aria-label="Previous page"
          >
            <ChevronLeftIcon />
          </Button>
          <Button
            variant="outline"
            size="icon-xs"
            onClick={() => table.nextPage()}
            disabled={!table.getCanNextPage()}
            aria-label="Next page"
          >
            <ChevronRightIcon />
          </Button>
          <Button
            variant="outline"
            size="icon-xs"
            className="hidden sm:inline-flex"
            onClick={() => table.lastPage()}
            disabled={!table.getCanLastPage()}
            aria-label="Last page"
          >
            <ChevronsRightIcon />
          </Button>
        </nav>
      </div>
    </div>
  );
}

export { DataTablePagination, type DataTablePaginationProps };
