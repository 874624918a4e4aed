import type { ComponentProps, ReactNode } from "react";
import { DialogShell } from "@/components/dialog-shell.tsx";

/** One fact's form in a dialog: what it changes, the fields, Cancel and Save (Enter submits, Escape cancels). */
export function FactDialog(props: Omit<ComponentProps<typeof DialogShell>, "width">) {
  return <DialogShell {...props} width="sm:max-w-md" />;
}

/** A labelled row of the panel: what the fact is, what is recorded, and the button that changes it. */
export function FactRow({ label, children, action }: { label: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="grid grid-cols-[9rem_1fr_auto] items-start gap-3 border-t px-4 py-2.5 text-sm first:border-t-0">
      <div className="pt-0.5 text-xs font-medium tracking-wide text-muted-foreground uppercase">{label}</div>
      <div className="min-w-0">{children}</div>
      <div className="flex gap-1.5">{action}</div>
    </div>
  );
}
