import { Loader2 } from "lucide-react";
import type { FormEventHandler, ReactNode } from "react";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog.tsx";

/** One fact's form in a dialog: what it changes, the fields, Cancel and Save (Enter submits, Escape cancels). */
export function FactDialog(props: { open: boolean; onClose: () => void; title: string; description: ReactNode; submit: string; pending: boolean; onSubmit: FormEventHandler<HTMLFormElement>; children: ReactNode }) {
  return (
    <Dialog open={props.open} onOpenChange={(open) => !open && props.onClose()}>
      <DialogContent className="sm:max-w-md">
        <form noValidate onSubmit={props.onSubmit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogDescription>{props.description}</DialogDescription>
          </DialogHeader>
          {props.children}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={props.onClose}>Cancel</Button>
            <Button type="submit" disabled={props.pending}>
              {props.pending && <Loader2 className="animate-spin" aria-hidden />}
              {props.submit}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
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
