import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { Loader2, Send } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { toast } from "@/lib/toast.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { Textarea } from "@/components/ui/textarea.tsx";
import { fieldErrors, trpc } from "@/lib/trpc.ts";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";
import { Field, invalid } from "@/components/ui/field.tsx";

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return current;
}

/** The message the customer will get, rendered by the server from the store's template, read before it is queued. */
export function RequestEvidenceDialog({ number, version, open, onOpenChange }: { number: string; version: number; open: boolean; onOpenChange: (o: boolean) => void }) {
  const noteId = useId();
  const [note, setNote] = useState("");
  const debouncedNote = useDebounced(note.trim(), 400);
  const preview = useQuery({
    ...trpc.evidence.previewEvidenceRequest.queryOptions({ number, note: debouncedNote || undefined }),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const send = useMutation(
    trpc.evidence.requestEvidence.mutationOptions({
      onSuccess: async () => {
        toast.success(`Evidence requested: ${number} is awaiting evidence, the message is in the outbox.`);
        setNote("");
        onOpenChange(false);
        await invalidateClaim();
      },
      onError: async (error) => {
        if (Object.keys(fieldErrors(error)).length === 0) toast.error(error.message);
        if (error.data?.code === "CONFLICT") await invalidateClaim();
      },
    }),
  );
  const noteError = fieldErrors(send.error).note?.[0];
  const draft = preview.data;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Request evidence</DialogTitle>
          <DialogDescription>The customer is asked for exactly what the policy still needs (X5); the claim waits for them and its deadlines pause.</DialogDescription>
        </DialogHeader>
        {!draft ? (
          <div className="grid gap-2" aria-label="Loading the message preview">
            <Skeleton className="h-6 w-1/2" />
            <Skeleton className="h-40 w-full" />
          </div>
        ) : (
          <div className="grid gap-3 text-sm">
            <section aria-label="Missing evidence">
              <h3 className="mb-1.5 text-xs font-medium text-muted-foreground">Still missing</h3>
              {draft.missing.length === 0 ? (
                <p className="text-muted-foreground">Nothing: the policy has all the evidence it asks for.</p>
              ) : (
                <ul className="flex flex-wrap gap-1.5">
                  {draft.missing.map((m) => (
                    <li key={m.kind}>
                      <Badge variant="warning">
                        {m.missing} × {m.label}
                        {m.clause && <span className="font-normal opacity-80">· {m.clause}</span>}
                      </Badge>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <Field id={noteId} label="Note to the customer" hint=" (optional, added to the message)" error={noteError}>
              <Textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} {...invalid(noteId, noteError)} />
            </Field>
            <section aria-label="Message preview" className="rounded-md border bg-muted/40">
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 border-b px-3 py-2 text-xs">
                <dt className="text-muted-foreground">From</dt>
                <dd>{draft.from}</dd>
                <dt className="text-muted-foreground">To</dt>
                <dd>{draft.to}</dd>
                <dt className="text-muted-foreground">Subject</dt>
                <dd className="font-medium">{draft.subject}</dd>
              </dl>
              <pre className="max-h-64 overflow-auto px-3 py-2 font-sans text-xs leading-relaxed whitespace-pre-wrap">{draft.body}</pre>
            </section>
          </div>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button disabled={!draft || draft.missing.length === 0 || send.isPending} onClick={() => send.mutate({ number, version, note: note.trim() || undefined })}>
            {send.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Send aria-hidden />}
            Send request
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
