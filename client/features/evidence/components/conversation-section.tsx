import { useQuery } from "@tanstack/react-query";
import { ArrowDownLeft, ArrowUpRight } from "lucide-react";
import { Badge, type BadgeVariant } from "@/components/ui/badge.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import type { ClaimPageProps } from "@/features/claims/components/claim-page-props.ts";
import { formatDateTime } from "@/lib/format.ts";
import { trpc, type RouterOutputs } from "@/lib/trpc.ts";

type Message = RouterOutputs["evidence"]["listMessages"][number];

const statusBadge: Record<Message["status"], { label: string; variant: BadgeVariant }> = {
  outbox: { label: "In outbox", variant: "warning" },
  sent: { label: "Sent", variant: "success" },
  failed: { label: "Failed", variant: "destructive" },
  received: { label: "Received", variant: "info" },
};

function MessageItem({ m }: { m: Message }) {
  const outbound = m.direction === "outbound";
  const Icon = outbound ? ArrowUpRight : ArrowDownLeft;
  const badge = statusBadge[m.status] ?? { label: m.status, variant: "muted" as const };
  return (
    <li className="grid gap-1.5 px-4 py-3 text-sm">
      <div className="flex items-start gap-2">
        <Icon className={`mt-0.5 size-4 shrink-0 ${outbound ? "text-primary" : "text-info"}`} aria-label={outbound ? "To the customer" : "From the customer"} />
        <div className="min-w-0 flex-1">
          <div className="font-medium">{m.subject}</div>
          <div className="truncate text-xs text-muted-foreground">
            {m.fromAddress} → {m.toAddress}
          </div>
        </div>
        <Badge variant={badge.variant}>{badge.label}</Badge>
      </div>
      <pre tabIndex={0} aria-label="Message text" className="ml-6 max-h-72 overflow-auto rounded-md border bg-muted/40 px-3 py-2 font-sans text-xs leading-relaxed whitespace-pre-wrap">{m.body}</pre>
      <div className="ml-6 text-xs text-muted-foreground">
        {outbound ? `Queued by ${m.createdByName ?? "the system"}` : "Received"} · <time dateTime={new Date(m.createdAt).toISOString()}>{formatDateTime(m.createdAt)}</time>
        {m.sentAt && <> · sent {formatDateTime(m.sentAt)}</>}
        {m.status === "failed" && m.lastError && <span className="text-destructive"> · {m.lastError}</span>}
      </div>
    </li>
  );
}

/** Messages to and from the customer about this claim, oldest first, with where each stands (outbox, sent, failed). */
export function ConversationSection({ claim }: ClaimPageProps) {
  const messages = useQuery(trpc.evidence.listMessages.queryOptions({ number: claim.number }));
  return (
    <Card id="conversation" className="gap-0 py-4" aria-labelledby="conversation-title">
      <CardHeader className="px-4 pb-3">
        <CardTitle id="conversation-title" className="text-sm">
          Conversation {messages.data && <span className="font-normal text-muted-foreground">({messages.data.length})</span>}
        </CardTitle>
        <CardDescription className="text-xs">Outgoing messages wait in the outbox until the mailer sends them.</CardDescription>
      </CardHeader>
      <CardContent className="border-t px-0">
        {messages.isPending ? (
          <div className="p-4" aria-label="Loading messages">
            <Skeleton className="h-16 w-full" />
          </div>
        ) : messages.isError ? (
          <p className="px-4 py-3 text-sm text-destructive">{messages.error.message}</p>
        ) : messages.data.length === 0 ? (
          <p className="px-4 py-3 text-sm text-muted-foreground">No messages about this claim yet.</p>
        ) : (
          <ol className="divide-y" aria-label="Messages">
            {messages.data.map((m) => (
              <MessageItem key={m.id} m={m} />
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
