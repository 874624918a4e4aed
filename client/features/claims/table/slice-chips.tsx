import { XIcon } from "lucide-react";
import { ageBucketLabel } from "@shared/claim-age.ts";
import { Badge } from "@/components/ui/badge.tsx";
import type { QueueParams } from "./queue-params.ts";

// The dashboard's slices (report date range, backlog age) have no control of their own in the toolbar:
// they arrive by link, so they show as chips that say what narrows the list and can be removed.

const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

function reportedLabel(from?: string, to?: string) {
  if (from && to) return from === to ? `Reported ${day(from)}` : `Reported ${day(from)} – ${day(to)}`;
  return from ? `Reported from ${day(from)}` : `Reported until ${day(to!)}`;
}

export function SliceChips({ params, setParams }: { params: QueueParams; setParams: (patch: Partial<QueueParams>) => void }) {
  const chips = [
    params.from || params.to ? { key: "reported", label: reportedLabel(params.from, params.to), clear: { from: undefined, to: undefined } } : null,
    params.age ? { key: "age", label: `Open ${ageBucketLabel(params.age)}`, clear: { age: undefined } } : null,
  ].filter((c) => c !== null);
  return chips.map((chip) => (
    <Badge key={chip.key} variant="secondary" className="h-8 gap-1 rounded-md pr-1 font-normal">
      {chip.label}
      <button
        type="button"
        onClick={() => setParams(chip.clear)}
        className="rounded-sm p-0.5 text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        aria-label={`Remove filter: ${chip.label}`}
      >
        <XIcon className="size-3.5" aria-hidden="true" />
      </button>
    </Badge>
  ));
}
