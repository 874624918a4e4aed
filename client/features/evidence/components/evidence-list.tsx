import { Download, ExternalLink, FileText, Hash, Image, Video } from "lucide-react";
import { acceptedFileTypes, evidenceKindLabels, evidenceKindRules, formatBytes } from "@shared/schemas/evidence.ts";
import { Button } from "@/components/ui/button.tsx";
import { formatDateTime } from "@/lib/format.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";

type Item = RouterOutputs["evidence"]["listEvidence"]["items"][number];

// By the file's sniffed type; items without a file by their kind (a video noted from an e-mail is still a video).
const iconFor = (item: Item) => {
  const category = item.category ?? evidenceKindRules[item.kind]?.files[0];
  if (!item.url && evidenceKindRules[item.kind]?.text) return Hash;
  return category === "video" ? Video : category === "image" ? Image : FileText;
};
// Browsers other than Safari cannot draw HEIC: show its icon instead of a broken image.
const previewable = (item: Item) => item.url && item.category === "image" && item.mimeType !== "image/heic" && item.mimeType !== "image/heif";

function Thumbnail({ item }: { item: Item }) {
  const Icon = iconFor(item);
  if (previewable(item)) {
    return <img src={item.url!} alt="" loading="lazy" className="size-12 shrink-0 rounded-md border bg-muted object-cover" />;
  }
  return (
    <span className="grid size-12 shrink-0 place-items-center rounded-md border bg-muted text-muted-foreground" aria-hidden>
      <Icon className="size-5" />
    </span>
  );
}

/** Evidence rows: what it is, the file's name, size and sniffed type, who recorded it and when; files open in a new tab or download. */
export function EvidenceList({ items, since }: { items: Item[]; since: Date | null }) {
  if (items.length === 0) return <p className="px-4 py-3 text-sm text-muted-foreground">No evidence recorded yet.</p>;
  return (
    <ul className="divide-y" aria-label="Evidence items">
      {items.map((item) => {
        const type = item.mimeType ? (acceptedFileTypes[item.mimeType]?.label ?? item.mimeType) : null;
        const fresh = since !== null && new Date(item.createdAt) > since;
        return (
          <li key={item.id} className="flex items-center gap-3 px-4 py-2.5 text-sm">
            <Thumbnail item={item} />
            <div className="min-w-0 flex-1">
              <div className="flex items-center gap-2">
                <span className="font-medium">{evidenceKindLabels[item.kind] ?? item.kind}</span>
                {fresh && <span className="rounded bg-info-muted px-1 text-xs text-info">new since the request</span>}
              </div>
              {item.fileName && (
                <div className="truncate text-xs">
                  {item.fileName}
                  <span className="text-muted-foreground">
                    {" · "}
                    {formatBytes(item.sizeBytes ?? 0)} · {type}
                  </span>
                </div>
              )}
              {item.note && <div className="line-clamp-2 text-xs text-muted-foreground">{item.note}</div>}
              <div className="text-xs text-muted-foreground">
                {item.createdByName ?? "Imported"} · <time dateTime={new Date(item.createdAt).toISOString()}>{formatDateTime(item.createdAt)}</time>
              </div>
            </div>
            {item.url && (
              <div className="flex shrink-0 gap-1">
                <Button asChild variant="ghost" size="icon-sm">
                  <a href={item.url} target="_blank" rel="noopener" aria-label={`Open ${item.fileName}`} title="Open">
                    <ExternalLink />
                  </a>
                </Button>
                <Button asChild variant="ghost" size="icon-sm">
                  <a href={`${item.url}?download=1`} download aria-label={`Download ${item.fileName}`} title="Download">
                    <Download />
                  </a>
                </Button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
