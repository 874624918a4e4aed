import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { FileText, Inbox, MailOpen } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card, CardContent } from "@/components/ui/card.tsx";
import { Separator } from "@/components/ui/separator.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { formatDateTime } from "@/lib/format.ts";
import { trpc } from "@/lib/trpc.ts";
import { AttachToClaimForm, DiscardMailButton, OpenClaimForOrderForm } from "./file-mail-actions.tsx";
import { UnsortedMailList } from "./unsorted-mail-list.tsx";

const PAGE_SIZE = 50;

function Reader({ id, onDone }: { id: number; onDone: () => void }) {
  const mail = useQuery(trpc.inboundMail.getInboundMail.queryOptions({ id }));
  if (mail.isPending) return <Skeleton className="h-80 w-full" aria-label="Loading mail" />;
  if (mail.isError) return <p className="p-4 text-sm text-destructive">{mail.error.message}</p>;
  const m = mail.data;
  return (
    <article aria-label="Mail" className="flex min-w-0 flex-col gap-4">
      <header className="grid gap-1">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h2 className="text-base font-semibold">{m.subject || "(no subject)"}</h2>
          <DiscardMailButton id={m.id} onDone={onDone} />
        </div>
        <p className="text-sm">
          {m.fromName && <span className="font-medium">{m.fromName} </span>}
          <span className="text-muted-foreground">&lt;{m.fromAddress}&gt;</span>
          {m.toAddress && <span className="text-muted-foreground"> → {m.toAddress}</span>}
        </p>
        <p className="text-xs text-muted-foreground">
          Received {formatDateTime(m.receivedAt)}
          {m.storeId && (
            <Badge variant="muted" className="ml-2">
              {m.storeId}
            </Badge>
          )}
        </p>
      </header>
      <pre className="max-h-96 overflow-auto rounded-md border bg-muted/30 p-3 font-sans text-sm whitespace-pre-wrap">{m.textBody || "(no text)"}</pre>
      {m.attachments.length > 0 && (
        <ul aria-label="Attachments" className="flex flex-wrap gap-2">
          {m.attachments.map((a, i) => (
            <li key={i}>
              <a href={`/api/inbound-mail/${m.id}/attachments/${i}`} target="_blank" rel="noopener" className="flex items-center gap-1.5 rounded-md border px-2 py-1 text-xs hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
                <FileText className="size-3.5 text-muted-foreground" aria-hidden />
                {a.filename} <span className="text-muted-foreground">({Math.max(1, Math.round(a.size / 1024))} KB)</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {m.senderAuth?.verdict === "fail" && (
        <p className="rounded-md bg-warning-muted px-2 py-1 text-xs text-warning" role="note">
          The mail provider could not confirm the sender: this mail may not come from {m.fromAddress}.
        </p>
      )}
      <p className="text-xs text-muted-foreground">Once the mail is filed on a claim, accept its attachments as evidence in the claim's conversation.</p>
      <Separator />
      <AttachToClaimForm id={m.id} />
      <Separator />
      <OpenClaimForOrderForm id={m.id} />
    </article>
  );
}

/** Mail no rule could file: an agent reads it and attaches it to a claim, opens a claim from it, or discards it. */
export function UnsortedMailPage() {
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number | null>(null);
  const list = useQuery({ ...trpc.inboundMail.listUnsortedMail.queryOptions({ page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const current = selected ?? rows[0]?.id ?? null;
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4 p-4 lg:p-6">
      <div className="flex items-baseline gap-2">
        <h1 className="text-lg font-semibold tracking-tight">Unsorted mail</h1>
        {list.data && <Badge variant={total ? "warning" : "muted"}>{total}</Badge>}
      </div>
      <div className="grid gap-4 lg:grid-cols-[360px_minmax(0,1fr)]">
        <Card className="gap-0 overflow-hidden py-0">
          <h2 className="border-b px-3 py-2.5 text-sm font-semibold">Inbox</h2>
          <CardContent className="px-0">
            {list.isPending ? (
              <div className="grid gap-2 p-3">
                <Skeleton className="h-12" />
                <Skeleton className="h-12" />
              </div>
            ) : rows.length === 0 ? (
              <p className="flex items-center gap-2 p-4 text-sm text-muted-foreground">
                <Inbox className="size-4" aria-hidden /> Nothing to sort: every mail found its claim.
              </p>
            ) : (
              <UnsortedMailList rows={rows} selectedId={current} onSelect={setSelected} />
            )}
            {total > PAGE_SIZE && (
              <div className="flex items-center justify-between border-t px-3 py-2 text-xs text-muted-foreground">
                <span>
                  Page {page} of {Math.ceil(total / PAGE_SIZE)}
                </span>
                <span className="flex gap-1">
                  <Button variant="outline" size="xs" disabled={page === 1} onClick={() => setPage(page - 1)}>
                    Previous
                  </Button>
                  <Button variant="outline" size="xs" disabled={page * PAGE_SIZE >= total} onClick={() => setPage(page + 1)}>
                    Next
                  </Button>
                </span>
              </div>
            )}
          </CardContent>
        </Card>
        <Card className="py-4">
          <CardContent className="px-4">
            {current ? (
              <Reader key={current} id={current} onDone={() => setSelected(null)} />
            ) : (
              <p className="flex items-center gap-2 text-sm text-muted-foreground">
                <MailOpen className="size-4" aria-hidden /> Pick a mail to read it.
              </p>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
