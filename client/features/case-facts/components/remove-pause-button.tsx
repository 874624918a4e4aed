import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle } from "@/components/ui/alert-dialog.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Label } from "@/components/ui/label.tsx";
import { toast } from "@/lib/toast.ts";
import { trpc } from "@/lib/trpc.ts";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";

/** Removing a pause shortens the warranty again, so it asks first and keeps the reason on the timeline. */
export function RemovePauseButton({ claim, index, label }: { claim: { number: string; version: number }; index: number; label: string }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const remove = useMutation(
    trpc.caseFacts.removeRepairPause.mutationOptions({
      onSuccess: async () => { await invalidateClaim(); toast.success("Repair pause removed"); setOpen(false); },
      onError: (e) => toast.error("Not removed", { description: e.message }),
    }),
  );
  return (
    <>
      <Button size="xs" variant="ghost" onClick={() => setOpen(true)} aria-label={`Remove pause from ${label}`}>Remove</Button>
      <AlertDialog open={open} onOpenChange={setOpen}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Remove the repair pause from {label}?</AlertDialogTitle>
            <AlertDialogDescription>The warranty end date no longer includes it.</AlertDialogDescription>
          </AlertDialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="remove-pause-note">Why</Label>
            <Input id="remove-pause-note" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <AlertDialogFooter>
            <AlertDialogCancel>Keep it</AlertDialogCancel>
            <AlertDialogAction disabled={note.trim().length < 5 || remove.isPending} onClick={(e) => { e.preventDefault(); remove.mutate({ ...claim, index, note }); }}>Remove</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
