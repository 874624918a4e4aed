import { useState } from "react";
import { exportColumns } from "@shared/schemas/exports.ts";
import { Button } from "@/components/ui/button.tsx";
import { Checkbox } from "@/components/ui/checkbox.tsx";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog.tsx";
import { Label } from "@/components/ui/label.tsx";

type Props = { open: boolean; onOpenChange: (open: boolean) => void; value: string[]; onChange: (columns: string[]) => void };

/** Which claim columns the export carries; times come with the store's local time beside UTC. */
export function ColumnPickerDialog({ open, onOpenChange, value, onChange }: Props) {
  const [picked, setPicked] = useState<string[]>(value);
  const all = exportColumns.claims;
  const toggle = (key: string, on: boolean) => setPicked((p) => (on ? all.map((c) => c.key).filter((k) => k === key || p.includes(k)) : p.filter((k) => k !== key)));
  return (
    <Dialog open={open} onOpenChange={(o) => (o && setPicked(value), onOpenChange(o))}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Export columns</DialogTitle>
          <DialogDescription>Times come out in UTC and in the store's local time.</DialogDescription>
        </DialogHeader>
        <fieldset className="grid grid-cols-2 gap-x-4 gap-y-2" aria-label="Columns">
          {all.map((c) => (
            <div key={c.key} className="flex items-center gap-2">
              <Checkbox id={`export-col-${c.key}`} checked={picked.includes(c.key)} onCheckedChange={(v) => toggle(c.key, v === true)} />
              <Label htmlFor={`export-col-${c.key}`} className="font-normal">
                {c.label}
              </Label>
            </div>
          ))}
        </fieldset>
        {picked.length === 0 && <p className="text-sm text-destructive" role="alert">Pick at least one column.</p>}
        <DialogFooter className="gap-2 sm:justify-between">
          <div className="flex gap-2">
            <Button variant="ghost" size="sm" onClick={() => setPicked(all.map((c) => c.key))}>All</Button>
            <Button variant="ghost" size="sm" onClick={() => setPicked([])}>None</Button>
          </div>
          <Button size="sm" disabled={picked.length === 0} onClick={() => (onChange(picked), onOpenChange(false))}>
            Use {picked.length} column{picked.length === 1 ? "" : "s"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
