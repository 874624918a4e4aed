import * as React from "react";
import {
  useTable,
  type ColumnVisibilityState,
  type OnChangeFn,
  type PaginationState,
  type Row,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type TableOptions,
} from "@tanstack/react-table";

import { cn } from "@/lib/utils";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { getAriaSort } from "@/components/data-table/data-table-column-header";
import {
  DEFAULT_PAGE_SIZE_OPTIONS,
  dataTableFeatures,
  type DataTableColumnDef,
  type DataTableColumnMeta,
  type DataTableFeatures,
  type DataTableInstance,
} from "@/components/data-table/data-table-features";
import { DataTableEmpty, DataTableError } from "@/components/data-table/data-table-message";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";

type RowEvent = React.MouseEvent<HTMLTableRowElement> | React.KeyboardEvent<HTMLTableRowElement>;

export type DataTableProps<TData extends RowData> = {
  /** Column definitions — keep the array stable (module scope or useMemo). */
  columns: ReadonlyArray<DataTableColumnDef<TData>>;
  /** The current server page. `undefined` while nothing has loaded yet. */
  data: ReadonlyArray<TData> | undefined;
  /** Total rows matching the current filters on the server (`undefined` = unknown yet). */
  rowCount: number | undefined;
  /** Stable id per row (used for selection and React keys). */
  getRowId: (row: TData) => string;

  /** Controlled pagination; the server must return exactly this page. */
  pagination: PaginationState;
  onPaginationChange: OnChangeFn<PaginationState>;
  /**
   * Controlled sorting (single column unless `enableMultiSort`). Omit both to
   * let the table keep it internally. Tip: reset `pageIndex` to 0 when it changes.
   */
  sorting?: SortingState;
  onSortingChange?: OnChangeFn<SortingState>;
  /** Controlled column visibility (`{ columnId: false }` hides). Omit to keep it internal. */
  columnVisibility?: ColumnVisibilityState;
  onColumnVisibilityChange?: OnChangeFn<ColumnVisibilityState>;
  /** Initial visibility when column visibility is uncontrolled. */
  defaultColumnVisibility?: ColumnVisibilityState;
  /** Controlled selection keyed by `getRowId`; persists across pages. Omit to keep it internal. */
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: OnChangeFn<RowSelectionState>;
  /** Enables selection (pair with `createSelectColumn()` in `columns`). */
  enableRowSelection?: boolean | ((row: TData) => boolean);
  enableMultiSort?: boolean;

  /** First load: render skeleton rows. */
  isLoading?: boolean;
  /** Background refetch (page change, new filters…): thin progress bar, rows stay visible. */
  isFetching?: boolean;
  /** Render `errorState` instead of rows. */
  isError?: boolean;
  /** Default error state shows a Retry button when given. */
  onRetry?: () => void;
  /** Replaces the default "No results" block. */
  emptyState?: React.ReactNode;
  /** Replaces the default error block. */
  errorState?: React.ReactNode;

  /** Click / Enter on a row (clicks on buttons, links, inputs and checkboxes inside are ignored). */
  onRowClick?: (row: TData, event: RowEvent) => void;
  /**
   * Row link target. Ctrl/⌘-click, middle-click and Ctrl/⌘+Enter open it in a
   * new tab; a plain click/Enter calls `onRowClick` (navigate there with the
   * router), or falls back to a full page navigation when `onRowClick` is absent.
   */
  getRowHref?: (row: TData) => string | undefined;
  getRowClassName?: (row: TData) => string | undefined;

  /** Rendered above the table; receives the table instance (for DataTableViewOptions…). */
  toolbar?: React.ReactNode | ((table: DataTableInstance<TData>) => React.ReactNode);
  pageSizeOptions?: readonly number[];
  hidePagination?: boolean;
  /** Accessible name of the <table>. */
  "aria-label"?: string;
  /** Root element classes. Give the root a bounded height (e.g. flex-1 min-h-0) for a sticky header. */
  className?: string;
  /** Classes for the bordered, scrolling table frame. */
  containerClassName?: string;
};

const EMPTY_ROWS: never[] = [];
const SKELETON_WIDTHS = ["w-3/4", "w-1/2", "w-2/3", "w-5/6", "w-2/5"];

/** Elements inside a row whose clicks/keys must not trigger the row action. */
const INTERACTIVE_SELECTOR =
  "a[href], button, input, select, textarea, label, summary, [role='button'], [role='checkbox'], [role='menuitem'], [role='switch'], [role='combobox'], [contenteditable='true'], [data-row-action-ignore]";

function isFromInteractiveChild(event: RowEvent) {
  const target = event.target as Element | null;
  if (!target || target === event.currentTarget) return false;
  const hit = target.closest(INTERACTIVE_SELECTOR);
  return hit !== null && event.currentTarget.contains(hit);
}

function cellAlignClass(meta: DataTableColumnMeta | undefined) {
  if (meta?.align === "end") return "text-right";
  if (meta?.align === "center") return "text-center";
  return undefined;
}

function widthStyle(meta: DataTableColumnMeta | undefined): React.CSSProperties | undefined {
  if (meta?.width === undefined) return undefined;
  return { width: meta.width, minWidth: meta.width };
}

/**
 * Server-driven table (TanStack Table v9, manual pagination + sorting).
 * Dense rows, sticky header, roving keyboard focus (↑/↓/Home/End, Enter opens,
 * Space selects), skeleton/empty/error states and a fetching indicator.
 */
function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const {
    columns,
    rowCount,
    getRowId,
    pagination,
    onPaginationChange,
    sorting,
    onSortingChange,
    columnVisibility,
    onColumnVisibilityChange,
    defaultColumnVisibility,
    rowSelection,
    onRowSelectionChange,
    enableRowSelection = false,
    enableMultiSort = false,
    isLoading = false,
    isFetching = false,
    isError = false,
    onRetry,
    emptyState,
    errorState,
    onRowClick,
    getRowHref,
    getRowClassName,
    toolbar,
    pageSizeOptions = DEFAULT_PAGE_SIZE_OPTIONS,
    hidePagination = false,
    className,
    containerClassName,
  } = props;
  const data = props.data ?? EMPTY_ROWS;

  // Only controlled slices go into `state`; the rest stay table-owned.
  const state: NonNullable<TableOptions<DataTableFeatures, TData>["state"]> = { pagination };
  if (sorting) state.sorting = sorting;
  if (columnVisibility) state.columnVisibility = columnVisibility;
  if (rowSelection) state.rowSelection = rowSelection;

  const table = useTable<DataTableFeatures, TData>({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    rowCount,
    manualPagination: true,
    manualSorting: true,
    enableMultiSort,
    enableSortingRemoval: true,
    enableRowSelection:
      typeof enableRowSelection === "function"
        ? (row) => enableRowSelection(row.original)
        : enableRowSelection,
    initialState: defaultColumnVisibility ? { columnVisibility: defaultColumnVisibility } : undefined,
    state,
    onPaginationChange,
    ...(onSortingChange ? { onSortingChange } : {}),
    ...(onColumnVisibilityChange ? { onColumnVisibilityChange } : {}),
    ...(onRowSelectionChange ? { onRowSelectionChange } : {}),
  });

  const rows = table.getRowModel().rows;
  const headerGroups = table.getHeaderGroups();
  const visibleColumns = table.getVisibleLeafColumns();
  const columnCount = Math.max(1, visibleColumns.length);
  const interactive = Boolean(onRowClick || getRowHref);
  const showSkeleton = isLoading && !isError;

  // Roving tab stop: exactly one row is in the tab order.
  const [activeRowId, setActiveRowId] = React.useState<string | null>(null);
  const tabStopId =
    activeRowId !== null && rows.some((row) => row.id === activeRowId)
      ? activeRowId
      : (rows[0]?.id ?? null);

  function activate(row: Row<DataTableFeatures, TData>, event: RowEvent) {
    const href = getRowHref?.(row.original);
    const newTab = "metaKey" in event && (event.metaKey || event.ctrlKey);
    if (href && newTab) {
      window.open(href, "_blank", "noopener");
      return;
    }
    if (onRowClick) onRowClick(row.original, event);
    else if (href) window.location.assign(href);
  }

  function focusSibling(from: HTMLTableRowElement, where: "next" | "prev" | "first" | "last") {
    const body = from.parentElement;
    if (!body) return;
    const all = Array.from(body.querySelectorAll<HTMLTableRowElement>(":scope > tr[data-row-id]"));
    const index = all.indexOf(from);
    const target =
      where === "first"
        ? all[0]
        : where === "last"
          ? all[all.length - 1]
          : where === "next"
            ? all[index + 1]
            : all[index - 1];
    if (target) {
      target.focus();
      target.scrollIntoView({ block: "nearest" });
    }
  }

  function onRowKeyDown(row: Row<DataTableFeatures, TData>, event: React.KeyboardEvent<HTMLTableRowElement>) {
    if (event.target !== event.currentTarget) return; // keys inside cell controls stay theirs
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        focusSibling(event.currentTarget, "next");
        break;
      case "ArrowUp":
        event.preventDefault();
        focusSibling(event.currentTarget, "prev");
        break;
      case "Home":
        event.preventDefault();
        focusSibling(event.currentTarget, "first");
        break;
      case "End":
        event.preventDefault();
        focusSibling(event.currentTarget, "last");
        break;
      case "Enter":
        if (interactive) {
          event.preventDefault();
          activate(row, event);
        }
        break;
      case " ":
        if (row.getCanSelect()) {
          event.preventDefault();
          row.getToggleSelectedHandler()({
            target: { checked: !row.getIsSelected() },
            shiftKey: event.shiftKey,
          });
        }
        break;
    }
  }

  function onRowClickEvent(row: Row<DataTableFeatures, TData>, event: React.MouseEvent<HTMLTableRowElement>) {
    if (!interactive || isFromInteractiveChild(event)) return;
    // Don't hijack text selection.
    if (window.getSelection()?.toString()) return;
    activate(row, event);
  }

  function onRowAuxClick(row: Row<DataTableFeatures, TData>, event: React.MouseEvent<HTMLTableRowElement>) {
    if (event.button !== 1 || isFromInteractiveChild(event)) return;
    const href = getRowHref?.(row.original);
    if (href) {
      event.preventDefault();
      window.open(href, "_blank", "noopener");
    }
  }

  let body: React.ReactNode;
  if (isError) {
    body = (
      <TableRow className="hover:bg-transparent">
        <TableCell colSpan={columnCount} className="p-0">
          {errorState ?? <DataTableError onRetry={onRetry} />}
        </TableCell>
      </TableRow>
    );
  } else if (showSkeleton) {
    const skeletonRows = Math.min(pagination.pageSize, 25);
    body = Array.from({ length: skeletonRows }, (_, rowIndex) => (
      <TableRow key={`skeleton-${rowIndex}`} aria-hidden="true" className="h-9 hover:bg-transparent">
        {visibleColumns.map((column, columnIndex) => (
          <TableCell
            key={column.id}
            className={cn("py-0", column.columnDef.meta?.cellClassName)}
          >
            {column.id === "select" ? (
              <Skeleton className="size-4 rounded-[4px]" />
            ) : (
              <Skeleton
                className={cn(
                  "h-3.5",
                  SKELETON_WIDTHS[(rowIndex + columnIndex * 2) % SKELETON_WIDTHS.length],
                  column.columnDef.meta?.align === "end" && "ml-auto",
                  column.columnDef.meta?.align === "center" && "mx-auto",
                )}
              />
            )}
          </TableCell>
        ))}
      </TableRow>
    ));
  } else if (rows.length === 0) {
    body = (
      <TableRow className="hover:bg-transparent">
        <TableCell colSpan={columnCount} className="p-0">
          {emptyState ?? <DataTableEmpty />}
        </TableCell>
      </TableRow>
    );
  } else {
    // aria-rowindex is 1-based and counts the header row(s).
    const firstRowIndex = pagination.pageIndex * pagination.pageSize + headerGroups.length + 1;
    body = rows.map((row, index) => {
      const selected = row.getIsSelected();
      const href = getRowHref?.(row.original);
      return (
        <TableRow
          key={row.id}
          data-row-id={row.id}
          aria-rowindex={firstRowIndex + index}
          data-state={selected ? "selected" : undefined}
          data-href={href}
          tabIndex={row.id === tabStopId ? 0 : -1}
          onFocus={(event) => {
            if (event.target === event.currentTarget) setActiveRowId(row.id);
          }}
          onKeyDown={(event) => onRowKeyDown(row, event)}
          onClick={(event) => onRowClickEvent(row, event)}
          onAuxClick={(event) => onRowAuxClick(row, event)}
          className={cn(
            "h-9 scroll-mt-9 outline-none focus-visible:bg-accent/60 focus-visible:shadow-[inset_0_0_0_2px_var(--color-ring)]",
            interactive && "cursor-pointer",
            getRowClassName?.(row.original),
          )}
        >
          {row.getVisibleCells().map((cell) => {
            const meta = cell.column.columnDef.meta;
            return (
              <TableCell
                key={cell.id}
                className={cn("py-1", cellAlignClass(meta), meta?.cellClassName)}
              >
                <table.FlexRender cell={cell} />
              </TableCell>
            );
          })}
        </TableRow>
      );
    });
  }

  return (
    <div data-slot="data-table" className={cn("flex min-h-0 flex-col gap-3", className)}>
      {toolbar ? (typeof toolbar === "function" ? toolbar(table) : toolbar) : null}

      <div
        className={cn(
          "relative flex min-h-0 flex-1 flex-col overflow-hidden rounded-lg border bg-card",
          containerClassName,
        )}
      >
        <div
          aria-hidden="true"
          data-state={isFetching && !showSkeleton ? "active" : "idle"}
          className="pointer-events-none absolute inset-x-0 top-0 z-20 h-0.5 overflow-hidden opacity-0 transition-opacity duration-300 data-[state=active]:opacity-100"
        >
          {isFetching && !showSkeleton ? (
            <div className="h-full w-full origin-left animate-indeterminate bg-primary/70" />
          ) : null}
        </div>
        <Table
          aria-label={props["aria-label"]}
          aria-busy={isLoading || isFetching || undefined}
          aria-rowcount={rowCount !== undefined ? rowCount + headerGroups.length : undefined}
          containerClassName="min-h-0 flex-1 overflow-auto"
          className="tabular-nums"
        >
          <TableHeader>
            {headerGroups.map((headerGroup, index) => (
              <TableRow
                key={headerGroup.id}
                aria-rowindex={index + 1}
                className="border-0 hover:bg-transparent"
              >
                {headerGroup.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  return (
                    <TableHead
                      key={header.id}
                      colSpan={header.colSpan}
                      scope="col"
                      aria-sort={header.isPlaceholder ? undefined : getAriaSort(header.column)}
                      style={widthStyle(meta)}
                      className={cn(
                        "sticky top-0 z-10 bg-muted/40 shadow-[inset_0_-1px_0_var(--color-border)] backdrop-blur supports-[backdrop-filter]:bg-muted/60",
                        cellAlignClass(meta),
                        meta?.headerClassName,
                      )}
                    >
                      {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>{body}</TableBody>
        </Table>
      </div>

      {hidePagination ? null : (
        <DataTablePagination
          table={table}
          pageSizeOptions={pageSizeOptions}
          showSelection={enableRowSelection !== false}
        />
      )}
    </div>
  );
}

export { DataTable };
