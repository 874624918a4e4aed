import type { ClaimReason, VoidCause } from "@shared/policy/enums.ts";
import { claimReasonLabels, destinationLabel, voidCauseLabels } from "@shared/schemas/case-facts.ts";
import { statusLabels, type ClaimStatus } from "@shared/workflow/statuses.ts";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { formatDateTime, humanize } from "@/lib/format.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";

type ClaimEvent = RouterOutputs["claims"]["getClaim"]["events"][number];

function describe(e: ClaimEvent): string {
  const d = e.data as Record<string, unknown>;
  switch (e.type) {
    case "claim_opened":
      return `Claim opened${d.channel ? ` by ${String(d.channel)}` : ""}`;
    case "status_changed":
      return `Status: ${statusLabels[d.from as ClaimStatus] ?? d.from} → ${statusLabels[d.to as ClaimStatus] ?? d.to}`;
    case "assigned":
      if (!d.to) return d.fromName ? `Unassigned ${String(d.fromName)}` : "Unassigned";
      if (d.via === "take_next") return `Taken with Take next${d.toName ? ` by ${String(d.toName)}` : ""}`;
      return d.toName ? `Assigned to ${String(d.toName)}` : "Assigned";
    case "reason_changed":
      return `Reason: ${claimReasonLabels[d.from as ClaimReason] ?? d.from} → ${claimReasonLabels[d.to as ClaimReason] ?? d.to}`;
    case "void_causes_recorded": {
      const causes = (d.after as VoidCause[] | undefined) ?? [];
      return `Void causes on ${String(d.sku)}: ${causes.length ? causes.map((c) => voidCauseLabels[c] ?? c).join(", ") : "none"}`;
    }
    case "packaging_severity_set":
      return `Packaging damage: ${String(d.after)}`;
    case "return_destination_set":
      return `Return routed to ${destinationLabel(String(d.after)).toLowerCase()}`;
    case "priority_changed":
      return `Priority: ${String(d.fromLabel ?? d.from)} → ${String(d.toLabel ?? d.to)}`;
    default:
      return humanize(e.type);
  }
}

/** The reason, note or comment a person wrote with the change (reject, cancel, a supervisor's decision…). */
function note(e: ClaimEvent): string | null {
  const d = e.data as Record<string, unknown>;
  const text = d.reason ?? d.note ?? d.comment;
  return typeof text === "string" && text ? text : null;
}

export function TimelineCard({ events }: { events: ClaimEvent[] }) {
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">Timeline</CardTitle>
      </CardHeader>
      <CardContent className="px-4">
        <ol className="relative space-y-4 border-l pl-4 text-sm">
          {[...events].reverse().map((e) => (
            <li key={e.id} className="relative">
              <span className="absolute -left-[21px] top-1.5 size-2.5 rounded-full border-2 border-background bg-muted-foreground" aria-hidden />
              <div>{describe(e)}</div>
              {note(e) && <p className="mt-0.5 text-xs text-muted-foreground">“{note(e)}”</p>}
              <div className="text-xs text-muted-foreground">
                <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time>
                {e.actorName ? ` · ${e.actorName}` : " · System"}
              </div>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
