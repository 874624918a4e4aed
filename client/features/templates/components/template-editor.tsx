import { saveTemplateInput, templateLabels, type TemplateKey } from "@shared/schemas/templates.ts";
import { Loader2, RotateCcw, Save } from "lucide-react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Textarea } from "@/components/ui/textarea.tsx";
import { fieldErrors, type RouterOutputs } from "@/lib/trpc.ts";
import { useTemplateMutations } from "../hooks/use-template-mutations.ts";
import { TemplatePreview } from "./template-preview.tsx";

type Loaded = RouterOutputs["templates"]["getTemplate"];
type Target = "subject" | "body";

/** Subject and body with click-to-insert placeholders, checked as you type with the API's own schema, and a live preview. */
export function TemplateEditor({ template, storeName }: { template: Loaded; storeName: string }) {
  const ids = { subject: useId(), body: useId() };
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const refs = { subject: useRef<HTMLInputElement>(null), body: useRef<HTMLTextAreaElement>(null) };
  const lastFocus = useRef<Target>("body");
  const { save, reset } = useTemplateMutations();

  // Another store or situation, or the saved wording came back: start from what the server has.
  useEffect(() => {
    setSubject(template.subject);
    setBody(template.body);
    save.reset();
    // Keyed on the loaded wording only: `save` changes identity every render and must not reset the fields.
  }, [template.storeId, template.key, template.subject, template.body]);

  const local = useMemo(() => {
    const parsed = saveTemplateInput.safeParse({ storeId: template.storeId, key: template.key, subject, body });
    const errors: Partial<Record<Target, string>> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path[0] as Target] ??= issue.message;
    return errors;
  }, [template.storeId, template.key, subject, body]);
  const server = fieldErrors(save.error);
  const errors = { subject: local.subject ?? server.subject?.[0], body: local.body ?? server.body?.[0] };
  const dirty = subject !== template.subject || body !== template.body;

  function insert(name: string) {
    const target = lastFocus.current;
    const el = refs[target].current;
    const token = `{{${name}}}`;
    const value = target === "subject" ? subject : body;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + token + value.slice(end);
    (target === "subject" ? setSubject : setBody)(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <form
        aria-label={`${templateLabels[template.key as TemplateKey]} template for ${storeName}`}
        className="grid content-start gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!local.subject && !local.body) save.mutate({ storeId: template.storeId, key: template.key, subject, body });
        }}
      >
        <Field id={ids.subject} label="Subject" error={errors.subject}>
          <Input ref={refs.subject} value={subject} onChange={(e) => setSubject(e.target.value)} onFocus={() => (lastFocus.current = "subject")} {...invalid(ids.subject, errors.subject)} />
        </Field>
        <Field id={ids.body} label="Message" error={errors.body}>
          <Textarea ref={refs.body} rows={16} value={body} onChange={(e) => setBody(e.target.value)} onFocus={() => (lastFocus.current = "body")} className="font-mono text-xs leading-relaxed" {...invalid(ids.body, errors.body)} />
        </Field>
        <section aria-labelledby={`${ids.body}-placeholders`} className="grid gap-1.5">
          <h3 id={`${ids.body}-placeholders`} className="text-xs font-medium text-muted-foreground">
            Placeholders <span className="font-normal">(click to insert where the cursor was)</span>
          </h3>
          <ul className="flex flex-wrap gap-1.5">
            {template.placeholders.map((p) => (
              <li key={p}>
                <Button type="button" variant="outline" size="sm" className="h-7 px-2 font-mono text-xs" onClick={() => insert(p)} aria-label={`Insert ${p}`}>
                  {`{{${p}}}`}
                </Button>
              </li>
            ))}
          </ul>
        </section>
        <div className="flex flex-wrap items-center gap-2 pt-1">
          <Button type="submit" disabled={!dirty || save.isPending || !!local.subject || !!local.body}>
            {save.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Save aria-hidden />}
            Save
          </Button>
          {dirty && (
            <Button type="button" variant="ghost" onClick={() => { setSubject(template.subject); setBody(template.body); save.reset(); }}>
              Discard changes
            </Button>
          )}
          <AlertDialog>
            <AlertDialogTrigger asChild>
              <Button type="button" variant="outline" className="ml-auto" disabled={!template.overridden || reset.isPending}>
                <RotateCcw aria-hidden />
                Reset to default
              </Button>
            </AlertDialogTrigger>
            <AlertDialogContent>
              <AlertDialogHeader>
                <AlertDialogTitle>Reset to the default wording?</AlertDialogTitle>
                <AlertDialogDescription>
                  {storeName}'s {templateLabels[template.key as TemplateKey].toLowerCase()} messages go back to the built-in text. The customised wording is kept in the audit log.
                </AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>Cancel</AlertDialogCancel>
                <AlertDialogAction onClick={() => reset.mutate({ storeId: template.storeId, key: template.key })}>Reset</AlertDialogAction>
              </AlertDialogFooter>
            </AlertDialogContent>
          </AlertDialog>
        </div>
      </form>
      <div className="grid content-start gap-1.5">
        <div className="flex items-center gap-2">
          <h3 className="text-xs font-medium text-muted-foreground">
            Live preview <span className="font-normal">(sample values highlighted)</span>
          </h3>
          {dirty && <Badge variant="warning">Unsaved</Badge>}
        </div>
        <TemplatePreview subject={subject} body={body} values={template.sample} />
      </div>
    </div>
  );
}
