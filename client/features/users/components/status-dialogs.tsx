import { useMutation } from "@tanstack/react-query";
import { toast } from "@/lib/toast.ts";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog.tsx";
import { trpc } from "@/lib/trpc.ts";
import { invalidatePeople } from "../hooks/use-invalidate-people.ts";
import type { UserRow } from "../table/columns.tsx";

const claimsText = (n: number) => `${n} open claim${n === 1 ? "" : "s"}`;

/** Deactivate or reactivate after saying what happens: the consequences are immediate and visible to others. */
export function StatusDialog({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const opts = {
    onSuccess: (res: { changed: boolean; returnedClaims?: string[] }) => {
      void invalidatePeople();
      toast.success(user?.active ? `${user.name} deactivated` : `${user?.name} reactivated`, {
        description: res.returnedClaims?.length ? `${claimsText(res.returnedClaims.length)} returned to the unassigned queue.` : undefined,
      });
      onClose();
    },
    onError: (error: { message: string }) => toast.error(error.message),
  };
  const deactivate = useMutation(trpc.users.deactivateUser.mutationOptions(opts));
  const reactivate = useMutation(trpc.users.reactivateUser.mutationOptions(opts));
  const pending = deactivate.isPending || reactivate.isPending;

  return (
    <AlertDialog open={!!user} onOpenChange={(open) => !open && onClose()}>
      <AlertDialogContent>
        {user && (
          <>
            <AlertDialogHeader>
              <AlertDialogTitle>{user.active ? `Deactivate ${user.name}?` : `Reactivate ${user.name}?`}</AlertDialogTitle>
              <AlertDialogDescription asChild>
                {user.active ? (
                  <div className="grid gap-2">
                    <p>This takes effect immediately:</p>
                    <ul className="list-disc pl-5">
                      <li>every session of theirs ends, on every device;</li>
                      <li>
                        {user.openClaims === 0 ? "they have no open claims to hand back;" : `${claimsText(user.openClaims)} return to the unassigned queue;`}
                      </li>
                      <li>they cannot sign in until an admin reactivates them.</li>
                    </ul>
                  </div>
                ) : (
                  <p>They can sign in again with their password. Claims they handed back stay in the queue.</p>
                )}
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
              <AlertDialogAction
                variant={user.active ? "destructive" : "default"}
                disabled={pending}
                onClick={(e) => {
                  e.preventDefault();
                  (user.active ? deactivate : reactivate).mutate({ id: user.id });
                }}
              >
                {user.active ? "Deactivate" : "Reactivate"}
              </AlertDialogAction>
            </AlertDialogFooter>
          </>
        )}
      </AlertDialogContent>
    </AlertDialog>
  );
}
