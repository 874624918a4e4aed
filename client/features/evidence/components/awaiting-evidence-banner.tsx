import { useMutation } from "@tanstack/react-query";
import { Hourglass, Loader2 } from "lucide-react";
import { toast } from "@/lib/toast.ts";
import { Alert, AlertDescription } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { formatDateTime } from "@/lib/format.ts";
import { trpc } from "@/lib/trpc.ts";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";

/**
 * While we wait on the customer. New evidence never moves the claim by itself: the agent looks at it and
 * takes "Evidence received" (back to review, deadlines resume) when it answers the request.
 */
export function AwaitingEvidenceBanner({ number, version, since, newItems }: { number: string; version: number; since: Date; newItems: number }) {
  const received = useMutation(
    trpc.workflow.transitionClaim.mutationOptions({
      onSuccess: async () => {
        toast.success(`${number} is back in review; its deadlines run again.`);
        await invalidateClaim();
      },
      onError: async (error) => {
        toast.error(error.message);
        if (error.data?.code === "CONFLICT") await invalidateClaim();
      },
    }),
  );
  return (
    <div className="px-4 pb-3">
      <Alert variant={newItems > 0 ? "info" : "default"}>
        <Hourglass aria-hidden />
        <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
          <span className="min-w-0 flex-1">
            Awaiting evidence since {formatDateTime(since)}.{" "}
            {newItems > 0 ? `${newItems} new item${newItems === 1 ? "" : "s"} arrived since the request.` : "Nothing has arrived yet; deadlines are paused."}
          </span>
          {newItems > 0 && (
            <Button size="sm" className="shrink-0" disabled={received.isPending} onClick={() => received.mutate({ number, version, action: "evidence_received" })}>
              {received.isPending && <Loader2 className="animate-spin" aria-hidden />}
              Evidence received
            </Button>
          )}
        </AlertDescription>
      </Alert>
    </div>
  );
}
