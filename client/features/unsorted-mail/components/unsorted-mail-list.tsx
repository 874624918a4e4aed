import { Paperclip } from "lucide-react";
import { formatDateTime, fromNow } from "@/lib/format.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";
import { cn } from "@/lib/utils.ts";

type Row = RouterOutputs["inboundMail"]["listUnsortedMail"]["rows"][number];

/** The unsorted mail, newest first; a row opens the mail in the reader. */
export function UnsortedMailList({ rows, selectedId, onSelect }: { rows: Row[]; selectedId: number | null; onSelect: (id: number) => void }) {
  return (
    <ul aria-label="Unsorted mail" className="divide-y">
      {rows.map((r) => (
        <li key={r.id}>
          <button
            type="button"
            aria-current={r.id === selectedId ? "true" : undefined}
            onClick={() => onSelect(r.id)}
            className={cn(
              "grid w-full gap-0.5 px-3 py-2.5 text-left text-sm hover:bg-muted/60 focus-visible:bg-muted/60 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring",
              r.id === selectedId && "bg-muted",
            )}
          >
            <span className="flex items-baseline justify-between gap-2">
              <span className="truncate font-medium">{r.fromName ?? r.fromAddress}</span>
              <time dateTime={new Date(r.receivedAt).toISOString()} title={formatDateTime(r.receivedAt)} className="shrink-0 text-xs text-muted-foreground">
                {fromNow(r.receivedAt)}
              </time>
            </span>
            <span className="flex items-center gap-1 truncate">
              {r.attachments > 0 && <Paperclip className="size-3.5 shrink-0 text-muted-foreground" aria-label={`${r.attachments} attachments`} />}
              <span className="truncate">{r.subject || "(no subject)"}</span>
            </span>
            <span className="truncate text-xs text-muted-foreground">{r.preview}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
