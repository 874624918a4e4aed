import { useMutation, useQueryClient } from "@tanstack/react-query";
import { templateKeys, templateLabels, type TemplateKey } from "@shared/schemas/templates.ts";
import { Loader2, Send, TriangleAlert } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "@/lib/toast.ts";
import { Button } from "@/components/ui/button.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";
import { Textarea } from "@/components/ui/textarea.tsx";
import { fieldErrors, trpc } from "@/lib/trpc.ts";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";

type Choice = TemplateKey | "free";

/**
 * Write to the customer: start from a template filled for this claim (the server renders it, overrides
 * included) or from nothing, edit, send. Sending queues the message; the mailer delivers it.
 */
export function MessageComposer({ number, version, customerEmail }: { number: string; version: number; customerEmail?: string }) {
  const ids = { template: useId(), subject: useId(), body: useId() };
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<Choice>("free");
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [warnings, setWarnings] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);

  async function pick(next: Choice) {
    setChoice(next);
    setWarnings([]);
    if (next === "free") return;
    setLoading(true);
    try {
      // Fetched on demand, not kept: the draft must reflect the claim as it is when the agent picks it.
      const draft = await queryClient.fetchQuery({ ...trpc.messages.draftClaimMessage.queryOptions({ number, key: next }), staleTime: 0 });
      setSubject(draft.subject);
      setBody(draft.body);
      setWarnings(draft.warnings);
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "Could not load the template.");
    } finally {
      setLoading(false);
    }
  }

  const send = useMutation(
    trpc.messages.sendClaimMessage.mutationOptions({
      onSuccess: async () => {
        toast.success("Message queued: it is in the outbox.");
        setChoice("free");
        setSubject("");
        setBody("");
        setWarnings([]);
        await invalidateClaim();
      },
      onError: async (error) => {
        if (Object.keys(fieldErrors(error)).length === 0) toast.error(error.message);
        if (error.data?.code === "CONFLICT") await invalidateClaim();
      },
    }),
  );
  const errors = fieldErrors(send.error);

  return (
    <form
      aria-label="Write to the customer"
      className="grid gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate({ number, version, templateKey: choice === "free" ? null : choice, subject, body });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-[220px_1fr]">
        <Field id={ids.template} label="Start from">
          <Select value={choice} onValueChange={(v) => void pick(v as Choice)}>
            <SelectTrigger id={ids.template} className="w-full">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="free">Free text</SelectItem>
              {templateKeys.map((k) => (
                <SelectItem key={k} value={k}>
                  {templateLabels[k]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </Field>
        <Field id={ids.subject} label="Subject" hint={customerEmail ? ` · to ${customerEmail}` : undefined} error={errors.subject?.[0]}>
          <Input value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={200} disabled={loading} {...invalid(ids.subject, errors.subject?.[0])} />
        </Field>
      </div>
      {warnings.length > 0 && (
        <ul className="grid gap-1 rounded-md border border-warning/25 bg-warning-muted px-3 py-2 text-xs text-warning" aria-label="Before sending">
          {warnings.map((w) => (
            <li key={w} className="flex items-start gap-1.5">
              <TriangleAlert className="mt-0.5 size-3 shrink-0" aria-hidden />
              {w}
            </li>
          ))}
        </ul>
      )}
      <Field id={ids.body} label="Message" error={errors.body?.[0]}>
        <Textarea rows={loading ? 4 : Math.min(16, Math.max(5, body.split("\n").length + 1))} value={body} onChange={(e) => setBody(e.target.value)} disabled={loading} className="font-sans text-sm" {...invalid(ids.body, errors.body?.[0])} />
      </Field>
      <div className="flex items-center justify-end gap-2">
        {loading && <span className="text-xs text-muted-foreground">Filling the template for this claim…</span>}
        <Button type="submit" disabled={send.isPending || loading || !subject.trim() || !body.trim()}>
          {send.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Send aria-hidden />}
          Send
        </Button>
      </div>
    </form>
  );
}
