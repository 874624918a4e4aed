import { FileText, Image, Video } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { formatDateTime, humanize } from "@/lib/format.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";

type Claim = RouterOutputs["claims"]["getClaim"];

const iconFor = (kind: string) => (kind.includes("video") ? Video : kind.includes("photo") || kind.includes("screenshot") ? Image : FileText);

export function EvidenceCard({ claim }: { claim: Claim }) {
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">Evidence ({claim.evidence.length})</CardTitle>
      </CardHeader>
      <CardContent className="px-4 text-sm">
        {claim.evidence.length === 0 ? (
          <p className="text-muted-foreground">No evidence recorded yet.</p>
        ) : (
          <ul className="divide-y">
            {claim.evidence.map((e) => {
              const Icon = iconFor(e.kind);
              return (
                <li key={e.id} className="flex items-start gap-3 py-2">
                  <Icon className="mt-0.5 size-4 text-muted-foreground" aria-hidden />
                  <div className="min-w-0 flex-1">
                    <div className="font-medium">{humanize(e.kind)}</div>
                    {e.note && <div className="text-muted-foreground">{e.note}</div>}
                    {e.fileName && <div className="truncate text-xs text-muted-foreground">{e.fileName}</div>}
                  </div>
                  <time className="text-xs text-muted-foreground tabular-nums" dateTime={new Date(e.createdAt).toISOString()}>
                    {formatDateTime(e.createdAt)}
                  </time>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
