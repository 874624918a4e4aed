import { RefreshCw } from "lucide-react";
import { useState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog.tsx";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";

/** Someone changed the claim first: say what (the server's message) and reload; nothing was saved. */
export function ConflictDialog({ message, onClose }: { message: string | null; onClose: () => void }) {
  const [reloading, setReloading] = useState(false);
  const reload = async () => {
    setReloading(true);
    try {
      await invalidateClaim();
    } finally {
      setReloading(false);
      onClose();
    }
  };
  return (
    <AlertDialog open={message !== null} onOpenChange={(open) => !open && onClose()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>This claim changed while you had it open</AlertDialogTitle>
          <AlertDialogDescription>{message}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogAction
            disabled={reloading}
            onClick={(e) => {
              e.preventDefault();
              void reload();
            }}
          >
            <RefreshCw className={reloading ? "animate-spin" : undefined} aria-hidden />
            Reload claim
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
