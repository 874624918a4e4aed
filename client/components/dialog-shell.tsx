import { Loader2 } from "lucide-react";
import type { FormEventHandler, ReactNode } from "react";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog.tsx";

/** A dialog holding one form: title, why it matters, the fields, Cancel and the submit button. */
export function DialogShell(props: {
  open: boolean;
  onClose: () => void;
  title: string;
  description: ReactNode;
  submit: string;
  pending: boolean;
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
  /** Tailwind max-width of the dialog; a single fact needs less room than a refund. */
  width?: string;
}) {
  return (
    <Dialog open={props.open} onOpenChange={(open) => !open && props.onClose()}>
      <DialogContent className={props.width ?? "sm:max-w-lg"}>
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
