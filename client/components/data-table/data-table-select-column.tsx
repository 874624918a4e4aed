import type * as React from "react";
import type { Row, RowData } from "@tanstack/react-table";

import { Checkbox } from "@/components/ui/checkbox";
import type {
  DataTableColumnDef,
  DataTableFeatures,
} from "@/components/data-table/data-table-features";

/** Toggle through TanStack's handler so Shift+click selects a range. */
function toggleFromClick<TData extends RowData>(
  row: Row<DataTableFeatures, TData>,
  event: React.MouseEvent,
) {
  event.stopPropagation();
  row.getToggleSelectedHandler()({
    target: { checked: !row.getIsSelected() },
    shiftKey: event.shiftKey,
  });
}

/**
 * Leading checkbox column: header toggles the current page (indeterminate when
 * some are selected), rows toggle themselves; Shift+click selects a range.
 * Create once at module scope next to the other columns.
 */
function createSelectColumn<TData extends RowData>(
  options: { getRowLabel?: (row: TData) => string } = {},
): DataTableColumnDef<TData> {
  return {
    id: "select",
    enableSorting: false,
    enableHiding: false,
    meta: { width: 36, headerClassName: "pl-3", cellClassName: "pl-3" },
    header: ({ table }) => {
      const all = table.getIsAllPageRowsSelected();
      const some = table.getIsSomePageRowsSelected();
      const empty = table.getRowModel().rows.length === 0;
      return (
        <div className="flex items-center">
          <Checkbox
            checked={all && !empty ? true : some ? "indeterminate" : false}
            disabled={empty}
            onCheckedChange={(value) => table.toggleAllPageRowsSelected(value === true)}
            aria-label="Select all rows on this page"
          />
        </div>
      );
    },
    cell: ({ row }) => (
      <div className="flex items-center">
        <Checkbox
          checked={row.getIsSelected()}
          disabled={!row.getCanSelect()}
          onClick={(event) => toggleFromClick(row, event)}
          aria-label={
            options.getRowLabel ? `Select ${options.getRowLabel(row.original)}` : "Select row"
          }
        />
      </div>
    ),
  };
}

export { createSelectColumn };
