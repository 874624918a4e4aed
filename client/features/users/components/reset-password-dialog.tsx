import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { toast } from "@/lib/toast.ts";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog.tsx";
import { trpc } from "@/lib/trpc.ts";
import { invalidatePeople } from "../hooks/use-invalidate-people.ts";
import type { UserRow } from "../table/columns.tsx";
import { PasswordLink } from "./password-link.tsx";

export function ResetPasswordDialog({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: () => void invalidatePeople(),
      onError: (error) => toast.error(error.message),
    }),
  );
  const close = () => {
    reset.reset();
    onClose();
  };
  return (
    <Dialog open={!!user} onOpenChange={(open) => !open && close()}>
      <DialogContent className="sm:max-w-lg">
        {user && (
          <>
            <DialogHeader>
              <DialogTitle>Reset {user.name}'s password</DialogTitle>
              <DialogDescription>
                {reset.data ? "Send them this link to choose a new password." : "Their current password stops working and every session of theirs ends. You get a one-time link to send them."}
              </DialogDescription>
            </DialogHeader>
            {reset.data && <PasswordLink path={reset.data.setPasswordPath} expiresAt={reset.data.expiresAt} name={user.name} />}
            <DialogFooter>
              {reset.data ? (
                <Button onClick={close}>Done</Button>
              ) : (
                <>
                  <Button variant="outline" onClick={close}>
                    Cancel
                  </Button>
                  <Button variant="destructive" disabled={reset.isPending} onClick={() => reset.mutate({ id: user.id })}>
                    {reset.isPending && <Loader2 className="animate-spin" aria-hidden />}
                    Reset and get link
                  </Button>
                </>
              )}
            </DialogFooter>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
