import { useMutation } from "@tanstack/react-query";
import { toast } from "@/lib/toast.ts";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";
import { trpc } from "@/lib/trpc.ts";

/** Approve, reject and pay out a refund (X3), each refreshing the queue and the claim, errors toasted. */
export function useRefundDecision(onDone?: () => void) {
  const fail = (what: string) => (error: { message: string }) => toast.error(`${what} failed`, { description: error.message });
  const approve = useMutation(
    trpc.approvals.approveRefund.mutationOptions({
      onSuccess: async (r) => {
        await invalidateClaim();
        toast.success(r.replayed ? `${r.reference} was already approved` : `${r.reference} approved`);
        onDone?.();
      },
      onError: fail("Approval"),
    }),
  );
  const reject = useMutation(
    trpc.approvals.rejectRefund.mutationOptions({
      onSuccess: async (r) => {
        await invalidateClaim();
        toast.success(`${r.reference} rejected: the claim is back in review`);
        onDone?.();
      },
      onError: fail("Rejection"),
    }),
  );
  const execute = useMutation(
    trpc.approvals.executeRefund.mutationOptions({
      onSuccess: async (r) => {
        await invalidateClaim();
        toast.success(r.couponCode ? `${r.reference} paid as coupon ${r.couponCode}` : `${r.reference} paid out`);
      },
      onError: fail("Payout"),
    }),
  );
  return { approve, reject, execute, pending: approve.isPending || reject.isPending || execute.isPending };
}
