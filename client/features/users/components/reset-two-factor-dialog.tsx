import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { toast } from "@/lib/toast.ts";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog.tsx";
import { trpc } from "@/lib/trpc.ts";
import { invalidatePeople } from "../hooks/use-invalidate-people.ts";
import type { UserRow } from "../table/columns.tsx";

/** For someone who lost their phone and their recovery codes; they set two-factor up again after signing in. */
export function ResetTwoFactorDialog({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const reset = useMutation(
    trpc.auth.resetUserTotp.mutationOptions({
      onSuccess: () => {
        toast.success(`Two-factor reset for ${user?.name}`, { description: "They sign in with their password and set it up again." });
        void invalidatePeople();
        onClose();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <Dialog open={!!user} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-md">
        {user && (
          <>
            <DialogHeader>
              <DialogTitle>Reset {user.name}'s two-factor authentication</DialogTitle>
              <DialogDescription>
                Only when they have lost both their phone and their recovery codes, and you have confirmed it is them. Their authenticator and recovery codes stop working; the reset is
                recorded in the audit log.
              </DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <Button variant="outline" onClick={onClose}>
                Cancel
              </Button>
              <Button variant="destructive" disabled={reset.isPending} onClick={() => reset.mutate({ id: user.id })}>
                {reset.isPending && <Loader2 className="animate-spin" aria-hidden />}
                Reset two-factor
              </Button>
            </DialogFooter>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
