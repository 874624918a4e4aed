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
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog.tsx";
import { Button } from "@/components/ui/button.tsx";
import { queryClient, trpc } from "@/lib/trpc.ts";

export function RevokeApiKeyButton({ id, name, prefix, storeName }: { id: number; name: string; prefix: string; storeName: string }) {
  const revoke = useMutation(
    trpc.apiKeys.revokeApiKey.mutationOptions({
      onSuccess: () => {
        toast.success(`Key ${prefix} revoked`);
        void queryClient.invalidateQueries(trpc.apiKeys.listApiKeys.pathFilter());
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={`Revoke key ${name}`}>
          Revoke
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Revoke “{name}”?</AlertDialogTitle>
          <AlertDialogDescription>
            {storeName}'s systems using key <span className="font-mono">{prefix}</span> get 401 from their next request. This cannot be undone; create a new key to restore access.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction variant="destructive" onClick={() => revoke.mutate({ id })}>
            Revoke key
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
