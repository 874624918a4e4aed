import { ClaimQueue } from "@/features/claims/components/claim-queue.tsx";
import { ExportMenu } from "@/features/exports/components/export-menu.tsx";
import { BulkActionsBar } from "@/features/workflow/components/bulk-actions-bar.tsx";
import { TakeNextButton } from "@/features/workflow/components/take-next-button.tsx";
import { rememberQueueOrder } from "@/features/workflow/lib/queue-order.ts";

export default function QueuePage() {
  return (
    <ClaimQueue
      headerActions={
        <div className="flex items-center gap-2">
          <ExportMenu />
          <TakeNextButton />
        </div>
      }
      onRowsChange={rememberQueueOrder}
      selectionBar={({ selected, clear }) => <BulkActionsBar selected={selected} onDone={clear} />}
    />
  );
}
