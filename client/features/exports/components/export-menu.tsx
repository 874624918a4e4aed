import { ChevronDown, Columns3, Download, FileSpreadsheet, FileText, Loader2, X } from "lucide-react";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { columnKeys, datasetLabels, type ExportDataset } from "@shared/schemas/exports.ts";
import { Button } from "@/components/ui/button.tsx";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu.tsx";
import { Link } from "react-router";
import { hasRole, twoFactorSetupPath, useMe } from "@/lib/auth.tsx";
import { useExportDownload } from "../hooks/use-export-download.ts";
import { exportUrl, formatBytes } from "../lib/export-url.ts";
import { ColumnPickerDialog } from "./column-picker-dialog.tsx";

const others: ExportDataset[] = ["refunds", "sla_breaches", "audit_events"];

/** "Export" in the queue's header: the claims the queue shows now (its URL filters), as CSV or Excel. */
export function ExportMenu() {
  const [search] = useSearchParams();
  const { data: me } = useMe();
  const { progress, start, cancel } = useExportDownload();
  const [columns, setColumns] = useState<string[]>(() => columnKeys("claims"));
  const [picking, setPicking] = useState(false);
  const picked = columns.length === columnKeys("claims").length ? null : columns;

  if (progress) {
    return (
      <div className="flex items-center gap-2 rounded-md border px-2 py-1 text-sm" role="status" aria-live="polite">
        <Loader2 className="size-4 animate-spin text-muted-foreground" aria-hidden />
        <span className="tabular-nums">
          Exporting {progress.format.toUpperCase()}… {progress.rows !== null && `${progress.rows.toLocaleString()} rows · `}
          {formatBytes(progress.bytes)}
        </span>
        <Button variant="ghost" size="sm" className="h-7 px-2" onClick={cancel}>
          <X aria-hidden /> Cancel
        </Button>
      </div>
    );
  }
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm">
            <Download aria-hidden /> Export <ChevronDown className="opacity-60" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-60">
          <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">Claims matching the current filters</DropdownMenuLabel>
          <DropdownMenuItem onSelect={() => void start(exportUrl("claims", "csv", search, picked), "csv")}>
            <FileText aria-hidden /> CSV
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => void start(exportUrl("claims", "xlsx", search, picked), "xlsx")}>
            <FileSpreadsheet aria-hidden /> Excel (XLSX)
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setPicking(true)}>
            <Columns3 aria-hidden /> Columns… <span className="ml-auto text-xs text-muted-foreground tabular-nums">{columns.length}</span>
          </DropdownMenuItem>
          {hasRole(me, ["supervisor", "admin"]) && (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">Also for the filtered stores (CSV)</DropdownMenuLabel>
              {!me?.twoFactorEnabled && (
                <DropdownMenuItem asChild className="text-warning">
                  <Link to={twoFactorSetupPath}>Refunds and audit events need two-factor: set it up</Link>
                </DropdownMenuItem>
              )}
              {others.map((d) => (
                <DropdownMenuItem key={d} onSelect={() => void start(exportUrl(d, "csv", search, null), "csv")}>
                  <FileText aria-hidden /> {datasetLabels[d]}
                </DropdownMenuItem>
              ))}
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <ColumnPickerDialog open={picking} onOpenChange={setPicking} value={columns} onChange={setColumns} />
    </>
  );
}
