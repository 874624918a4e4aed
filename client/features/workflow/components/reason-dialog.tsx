import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2 } from "lucide-react";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { actionNoteForm, REASON_MIN, type ActionNoteForm } from "@shared/schemas/workflow.ts";
import type { PlainAction } from "@shared/workflow/action-procedures.ts";
import { claimActions } from "@shared/workflow/machine.ts";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog.tsx";
import { Label } from "@/components/ui/label.tsx";
import { Textarea } from "@/components/ui/textarea.tsx";

const explain: Partial<Record<PlainAction, string>> = {
  reject_claim: "The customer's claim is turned down. The reason and the clauses the policy relied on stay on the timeline (X4).",
  cancel: "The claim is withdrawn, for example because the customer no longer wants it or it is a duplicate.",
};

/** Asks for the written reason that reject and cancel require; validated by the same schema as the API. */
export function ReasonDialog({
  action,
  subject,
  pending,
  serverError,
  onSubmit,
  onClose,
}: {
  action: PlainAction | null;
  /** "CLM-000123" or "3 claims". */
  subject: string;
  pending: boolean;
  serverError?: string;
  onSubmit: (note: string) => void;
  onClose: () => void;
}) {
  const form = useForm<ActionNoteForm>({ resolver: zodResolver(actionNoteForm), defaultValues: { action: action ?? "cancel", note: "" } });
  useEffect(() => {
    if (action) form.reset({ action, note: "" });
  }, [action, form]);
  useEffect(() => {
    if (serverError) form.setError("note", { message: serverError });
  }, [serverError, form]);
  const error = form.formState.errors.note?.message;
  const label = action ? claimActions[action].label : "";

  return (
    <Dialog open={action !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-md">
        <form noValidate onSubmit={form.handleSubmit((v) => onSubmit(v.note ?? ""))} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>
              {label}: {subject}
            </DialogTitle>
            <DialogDescription>{action ? explain[action] : null}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="workflow-reason">Reason</Label>
            <Textarea
              id="workflow-reason"
              rows={4}
              autoFocus
              placeholder={`At least ${REASON_MIN} characters`}
              aria-invalid={!!error}
              aria-describedby={error ? "workflow-reason-error" : undefined}
              {...form.register("note")}
            />
            {error && (
              <p id="workflow-reason-error" className="text-xs text-destructive">
                {error}
              </p>
            )}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              Keep the claim
            </Button>
            <Button type="submit" variant="destructive" disabled={pending}>
              {pending && <Loader2 className="animate-spin" aria-hidden />}
              {label}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
