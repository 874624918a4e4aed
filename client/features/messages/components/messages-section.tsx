import { useQuery } from "@tanstack/react-query";
import { Info } from "lucide-react";
import { useEffect, useRef } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import type { ClaimPageProps } from "@/features/claims/components/claim-page-props.ts";
import { trpc } from "@/lib/trpc.ts";
import { MessageComposer } from "./message-composer.tsx";
import { MessageItem } from "./message-item.tsx";

/** The conversation with the customer, oldest first, and the composer below it (the natural place to answer). Keeps the old section's `#conversation` anchor, which links and tests use. */
export function MessagesSection({ claim }: ClaimPageProps) {
  const conversation = useQuery({
    ...trpc.messages.listClaimMessages.queryOptions({ number: claim.number }),
    // While something waits to go out, look again now and then so "Sent" appears without a reload.
    refetchInterval: (q) => (q.state.data?.delivery === "smtp" && q.state.data.messages.some((m) => m.status === "outbox" || m.status === "sending") ? 10_000 : false),
  });
  const data = conversation.data;
  // Other sections queue messages too (Request evidence) and refresh only the claim: follow its version.
  const { refetch } = conversation;
  const seenVersion = useRef(claim.version);
  useEffect(() => {
    if (seenVersion.current === claim.version) return;
    seenVersion.current = claim.version;
    void refetch();
  }, [claim.version, refetch]);
  return (
    <Card id="conversation" className="gap-0 py-4" aria-labelledby="messages-title">
      <CardHeader className="px-4 pb-3">
        <CardTitle id="messages-title" className="text-sm">
          Messages {data && <span className="font-normal text-muted-foreground">({data.messages.length})</span>}
        </CardTitle>
        <CardDescription className="text-xs">The conversation with the customer, oldest first. Inbound attachments become evidence when you accept them.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 border-t px-4 pt-3">
        {data?.delivery === "outbox_only" && (
          <p className="flex items-start gap-2 rounded-md border bg-muted/40 px-3 py-2 text-xs text-muted-foreground" role="note">
            <Info className="mt-0.5 size-3.5 shrink-0" aria-hidden />
            Mail delivery is not configured (no SMTP server): messages stay in the outbox until it is.
          </p>
        )}
        {conversation.isPending ? (
          <div className="grid gap-2" aria-label="Loading messages">
            <Skeleton className="h-20 w-full" />
            <Skeleton className="h-20 w-4/5 justify-self-end" />
          </div>
        ) : conversation.isError ? (
          <p className="text-sm text-destructive">{conversation.error.message}</p>
        ) : data!.messages.length === 0 ? (
          <p className="text-sm text-muted-foreground">No messages about this claim yet.</p>
        ) : (
          <ol className="grid gap-2.5" aria-label="Conversation">
            {data!.messages.map((m) => (
              <MessageItem key={m.id} m={m} maxAttempts={data!.maxAttempts} claim={claim} />
            ))}
          </ol>
        )}
        <div className="border-t pt-3">
          <h3 className="mb-2 text-xs font-medium text-muted-foreground">Write to the customer</h3>
          <MessageComposer number={claim.number} version={claim.version} customerEmail={claim.customer.email} />
        </div>
      </CardContent>
    </Card>
  );
}
