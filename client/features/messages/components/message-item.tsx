import { useMutation } from "@tanstack/react-query";
import { ArrowDownLeft, ArrowUpRight, FileCheck2, Loader2, Paperclip } from "lucide-react";
import { Badge, type BadgeVariant } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";
import { toast } from "@/lib/toast.ts";
import { formatDateTime } from "@/lib/format.ts";
import { trpc, type RouterOutputs } from "@/lib/trpc.ts";
import { cn } from "@/lib/utils.ts";

export type ConversationMessage = RouterOutputs["messages"]["listClaimMessages"]["messages"][number];

/** Where an outbound message stands; an outbox message with a failed attempt behind it is "Retrying". */
function deliveryBadge(m: ConversationMessage, maxAttempts: number): { label: string; variant: BadgeVariant } {
  if (m.direction === "inbound") return { label: "Received", variant: "info" };
  if (m.status === "sent") return { label: "Sent", variant: "success" };
  if (m.status === "failed") return { label: "Failed", variant: "destructive" };
  if (m.status === "sending") return { label: "Sending…", variant: "muted" };
  if (m.attempts > 0) return { label: `Retrying (${m.attempts}/${maxAttempts})`, variant: "warning" };
  return { label: "In outbox", variant: "warning" };
}

const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * Mail attachments count as evidence only once an agent looked at them and accepts them: anyone can write to
 * support and quote a claim number.
 */
function AcceptAttachments({ m, claim }: { m: ConversationMessage; claim: { number: string; version: number } }) {
  const accept = useMutation(
    trpc.messages.acceptMailAttachments.mutationOptions({
      onSuccess: async (r) => {
        toast.success(`${r.evidenceIds.length} ${r.evidenceIds.length === 1 ? "attachment" : "attachments"} added as evidence.`);
        await invalidateClaim();
      },
      onError: async (error) => {
        toast.error(error.message);
        if (error.data?.code === "CONFLICT") await invalidateClaim();
      },
    }),
  );
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-dashed px-2 py-1.5 text-xs text-muted-foreground">
      <span className="flex-1">Not evidence yet: open the attachments, and accept them if they belong to this claim.</span>
      <Button size="sm" variant="outline" disabled={accept.isPending} onClick={() => accept.mutate({ number: claim.number, version: claim.version, messageId: m.id })}>
        {accept.isPending ? <Loader2 className="size-3.5 animate-spin" aria-hidden /> : <FileCheck2 className="size-3.5" aria-hidden />}
        Accept as evidence
      </Button>
    </div>
  );
}

export function MessageItem({ m, maxAttempts, claim }: { m: ConversationMessage; maxAttempts: number; claim: { number: string; version: number } }) {
  const outbound = m.direction === "outbound";
  const Icon = outbound ? ArrowUpRight : ArrowDownLeft;
  const badge = deliveryBadge(m, maxAttempts);
  return (
    <li className={cn("flex", outbound ? "justify-end pl-6 sm:pl-12" : "pr-6 sm:pr-12")} aria-label={`${outbound ? "To" : "From"} the customer: ${m.subject}`}>
      <article className={cn("grid w-full min-w-0 gap-1.5 rounded-lg border px-3 py-2.5 text-sm", outbound ? "border-primary/25 bg-primary/5" : "bg-card")}>
        <header className="flex items-start gap-2">
          <Icon className={cn("mt-0.5 size-4 shrink-0", outbound ? "text-primary" : "text-info")} aria-hidden />
          <div className="min-w-0 flex-1">
            <div className="font-medium break-words">{m.subject}</div>
            <div className="truncate text-xs text-muted-foreground">
              {m.fromAddress} → {m.toAddress}
            </div>
          </div>
          <Badge variant={badge.variant}>{badge.label}</Badge>
        </header>
        <pre tabIndex={0} aria-label="Message text" className="max-h-72 overflow-auto rounded-md bg-background/60 px-2.5 py-2 font-sans text-xs leading-relaxed whitespace-pre-wrap focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
          {m.body}
        </pre>
        {m.attachments.length > 0 && (
          <ul className="flex flex-wrap gap-1.5" aria-label="Attachments">
            {m.attachments.map((a, i) => (
              <li key={`${a.fileName}-${i}`}>
                {a.url ? (
                  <a href={a.url} target="_blank" rel="noopener" className="inline-flex items-center gap-1 rounded-md border bg-background px-2 py-1 text-xs hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
                    <Paperclip className="size-3" aria-hidden />
                    {a.fileName} <span className="text-muted-foreground">· {kb(a.size)}</span>
                  </a>
                ) : (
                  <span className="inline-flex items-center gap-1 rounded-md border border-dashed px-2 py-1 text-xs text-muted-foreground" title="Not stored">
                    <Paperclip className="size-3" aria-hidden />
                    {a.fileName} · {kb(a.size)}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {m.senderAuth === "fail" && (
          <p className="rounded-md bg-warning-muted px-2 py-1 text-xs text-warning">The mail provider could not confirm the sender of this mail.</p>
        )}
        {m.attachmentsAwaitingReview && <AcceptAttachments m={m} claim={claim} />}
        <footer className="text-xs text-muted-foreground">
          {outbound ? `Queued by ${m.createdByName ?? "the system"}` : "Received"} · <time dateTime={new Date(m.createdAt).toISOString()}>{formatDateTime(m.createdAt)}</time>
          {m.sentAt && <> · sent {formatDateTime(m.sentAt)}</>}
          {outbound && m.status !== "sent" && m.attempts > 0 && <> · {m.attempts} of {maxAttempts} attempts</>}
        </footer>
        {m.lastError && m.status !== "sent" && (
          <p className={cn("rounded-md px-2 py-1 text-xs", m.status === "failed" ? "bg-destructive-muted text-destructive" : "bg-warning-muted text-warning")} role={m.status === "failed" ? "alert" : undefined}>
            {m.status === "failed" ? "Not delivered: " : "Last attempt failed, will retry: "}
            {m.lastError}
          </p>
        )}
      </article>
    </li>
  );
}
