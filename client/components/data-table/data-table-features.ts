import {
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  type CellData,
  type Column,
  type ColumnDef,
  type ReactTable,
  type RowData,
} from "@tanstack/react-table";

/** Per-column presentation hints, set via `meta` on a column definition. */
export interface DataTableColumnMeta {
  /** Human-readable name for menus (column visibility). Defaults to a string `header`, else the id. */
  label?: string;
  /** Horizontal alignment of header and cells; use "end" for amounts, counts and dates. */
  align?: "start" | "center" | "end";
  /** Width hint applied to the header cell (px number or CSS length). */
  width?: number | string;
  /** Extra classes for the <th>. */
  headerClassName?: string;
  /** Extra classes for every <td> of the column. */
  cellClassName?: string;
}

/**
 * The one feature set every server-driven DataTable uses. Processing is manual
 * (the server sorts and pages), so no client row-model slots are registered.
 * Filters are not table state here: feature pages own them (URL / query key)
 * and render them with DataTableFacetedFilter / DataTableSearch.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

/** Table instance handed to toolbar render props, pagination and view options. */
export type DataTableInstance<TData extends RowData> = ReactTable<DataTableFeatures, TData>;

export type DataTableColumn<TData extends RowData, TValue extends CellData = CellData> = Column<
  DataTableFeatures,
  TData,
  TValue
>;

// `any` value: columns are heterogeneous, exactly what helper.columns() returns.
export type DataTableColumnDef<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;

/**
 * Column helper bound to the DataTable feature set.
 *
 * @example
 * const col = createDataTableColumnHelper<ClaimRow>();
 * export const claimColumns = col.columns([
 *   col.accessor("reference", { header: "Reference" }),
 * ]);
 */
export function createDataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}

/** Label for menus: meta.label, then a string header, then the column id. */
export function getColumnLabel<TData extends RowData>(column: DataTableColumn<TData, unknown>) {
  const { meta, header } = column.columnDef;
  if (meta?.label) return meta.label;
  if (typeof header === "string") return header;
  return column.id;
}

export const DEFAULT_PAGE_SIZE_OPTIONS: readonly number[] = [25, 50, 100];
