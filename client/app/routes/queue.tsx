import { ChevronDown, Download, Plus } from "lucide-react";
import { Link } from "react-router";
import { paths } from "@/lib/paths.ts";
import { lazy, Suspense, useEffect } from "react";
import { Button } from "@/components/ui/button.tsx";
import { ClaimQueue } from "@/features/claims/components/claim-queue.tsx";
import { TakeNextButton } from "@/features/workflow/components/take-next-button.tsx";
import { rememberQueueOrder } from "@/features/workflow/lib/queue-order.ts";

// The export menu brings the export schemas (zod) and its column dialog: it loads beside the queue's rows
// instead of before them, behind a look-alike button, so the queue's first load stays small.
const ExportMenu = lazy(() => import("@/features/exports/components/export-menu.tsx").then((m) => ({ default: m.ExportMenu })));
// The bulk bar only shows once rows are selected: fetched right after the first render, not before it.
const loadBulkActionsBar = () => import("@/features/workflow/components/bulk-actions-bar.tsx").then((m) => ({ default: m.BulkActionsBar }));
const BulkActionsBar = lazy(loadBulkActionsBar);
const ExportMenuLoading = () => (
  <Button variant="outline" size="sm" disabled>
    <Download aria-hidden /> Export <ChevronDown className="opacity-60" aria-hidden />
  </Button>
);

export default function QueuePage() {
  useEffect(() => void loadBulkActionsBar(), []);
  return (
    <ClaimQueue
      headerActions={
        <div className="flex items-center gap-2">
          <Suspense fallback={<ExportMenuLoading />}>
            <ExportMenu />
          </Suspense>
          <Button asChild variant="outline" size="sm">
            <Link to={paths.newClaim}><Plus aria-hidden /> New claim</Link>
          </Button>
          <TakeNextButton />
        </div>
      }
      onRowsChange={rememberQueueOrder}
      selectionBar={({ selected, clear }) => (
        <Suspense fallback={null}>
          <BulkActionsBar selected={selected} onDone={clear} />
        </Suspense>
      )}
    />
  );
}
