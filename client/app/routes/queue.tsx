import { ClaimQueue } from "@/features/claims/components/claim-queue.tsx";
import { BulkActionsBar } from "@/features/workflow/components/bulk-actions-bar.tsx";
import { TakeNextButton } from "@/features/workflow/components/take-next-button.tsx";
import { rememberQueueOrder } from "@/features/workflow/lib/queue-order.ts";

export default function QueuePage() {
  return (
    <ClaimQueue
      headerActions={<TakeNextButton />}
      onRowsChange={rememberQueueOrder}
      selectionBar={({ selected, clear }) => <BulkActionsBar selected={selected} onDone={clear} />}
    />
  );
}
