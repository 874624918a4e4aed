import type { RowData } from "@tanstack/react-table";
import { Settings2Icon } from "lucide-react";

import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import {
  getColumnLabel,
  type DataTableInstance,
} from "@/components/data-table/data-table-features";

/** "View" menu listing hideable columns with checkboxes. */
function DataTableViewOptions<TData extends RowData>({
  table,
}: {
  table: DataTableInstance<TData>;
}) {
  const visibility = table.state.columnVisibility;
  // Data columns, plus display columns that opted in with a `meta.label`.
  const columns = table
    .getAllLeafColumns()
    .filter(
      (column) =>
        column.getCanHide() &&
        (column.accessorFn !== undefined || column.columnDef.meta?.label !== undefined),
    );
  const hiddenCount = columns.filter((column) => visibility[column.id] === false).length;

  if (columns.length === 0) return null;

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" className="h-8">
          <Settings2Icon />
          View
          {hiddenCount > 0 ? (
            <span className="rounded-sm bg-muted px-1 text-xs text-muted-foreground tabular-nums">
              {hiddenCount} hidden
            </span>
          ) : null}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-48">
        <DropdownMenuLabel>Columns</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {columns.map((column) => (
          <DropdownMenuCheckboxItem
            key={column.id}
            checked={visibility[column.id] !== false}
            onCheckedChange={(value) => column.toggleVisibility(!!value)}
            onSelect={(event) => event.preventDefault()}
          >
            <span className="truncate">{getColumnLabel(column)}</span>
          </DropdownMenuCheckboxItem>
        ))}
        {hiddenCount > 0 ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => table.toggleAllColumnsVisible(true)}>
              Show all columns
            </DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

export { DataTableViewOptions };
