import { zodResolver } from "@hookform/resolvers/zod";
import { FileUp, Loader2, X } from "lucide-react";
import { useId, useState, type DragEvent } from "react";
import { Controller, useForm } from "react-hook-form";
import { evidenceKinds, type EvidenceKind } from "@shared/policy/enums.ts";
import { evidenceSizeLimits, formatBytes, uploadEvidenceForm, type UploadEvidenceForm } from "@shared/schemas/evidence.ts";
import { Button } from "@/components/ui/button.tsx";
import { Input } from "@/components/ui/input.tsx";
import { cn } from "@/lib/utils.ts";
import { acceptAttribute, checkFile } from "../file-checks.ts";
import { useUploadEvidence } from "../hooks/use-upload-evidence.ts";
import { UploadError } from "../upload-evidence.ts";
import { Field, invalid } from "@/components/ui/field.tsx";
import { KindSelect } from "./kind-select.tsx";

const limitsHint = `Photos (JPEG, PNG, WebP, HEIC) and PDFs up to ${formatBytes(evidenceSizeLimits.image)}, videos (MP4, MOV, WebM) up to ${formatBytes(evidenceSizeLimits.video)}.`;

/** One file at a time: kind, note, the file (picked or dropped), checked here first and by its content on the server. */
export function EvidenceUploadForm({ number, version, defaultKind, needed }: { number: string; version: number; defaultKind: EvidenceKind; needed: ReadonlySet<string> }) {
  const ids = { kind: useId(), note: useId(), file: useId() };
  const form = useForm<UploadEvidenceForm>({ resolver: zodResolver(uploadEvidenceForm), defaultValues: { kind: defaultKind, note: "" } });
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [dragging, setDragging] = useState(false);
  const upload = useUploadEvidence();
  const kind = form.watch("kind");

  const pick = (f: File | undefined | null) => {
    setFile(f ?? null);
    setFileError(f ? (checkFile(kind, f) ?? undefined) : undefined);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    pick(e.dataTransfer.files[0]);
  };

  const submit = form.handleSubmit(async (values) => {
    if (!file) return setFileError("Choose a file to upload.");
    const problem = checkFile(values.kind, file);
    if (problem) return setFileError(problem);
    try {
      await upload.mutateAsync({ number, version, kind: values.kind, note: values.note || undefined, file });
      form.reset({ kind: values.kind, note: "" });
      setFile(null);
    } catch (error) {
      if (!(error instanceof UploadError)) throw error;
      for (const [field, messages] of Object.entries(error.fieldErrors)) {
        if (field === "kind" || field === "note") form.setError(field, { message: messages[0] });
      }
      if (!error.fieldErrors.kind && !error.fieldErrors.note) setFileError(error.message);
    }
  });

  const { errors } = form.formState;
  const busy = upload.isPending;
  return (
    <form className="grid gap-3" noValidate onSubmit={submit} aria-label="Upload evidence">
      <div className="grid gap-3 sm:grid-cols-[220px_1fr]">
        <Field id={ids.kind} label="Kind" error={errors.kind?.message}>
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <KindSelect
                id={ids.kind}
                kinds={evidenceKinds}
                value={field.value}
                needed={needed}
                error={errors.kind?.message}
                onChange={(k) => {
                  field.onChange(k);
                  if (file) setFileError(checkFile(k, file) ?? undefined);
                }}
              />
            )}
          />
        </Field>
        <Field id={ids.note} label="Note" hint=" (optional)" error={errors.note?.message}>
          <Input placeholder="What it shows, where it came from" {...invalid(ids.note, errors.note?.message)} {...form.register("note")} />
        </Field>
      </div>

      <Field id={ids.file} label="File" error={fileError}>
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={cn(
            "relative flex items-center gap-3 rounded-md border border-dashed px-3 py-3 text-sm transition-colors has-[:focus-visible]:border-ring has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50",
            dragging && "border-primary bg-accent",
            fileError && "border-destructive",
          )}
        >
          <FileUp className="size-5 shrink-0 text-muted-foreground" aria-hidden />
          <div className="min-w-0 flex-1">
            {file ? (
              <p className="truncate font-medium">
                {file.name} <span className="font-normal text-muted-foreground">· {formatBytes(file.size)}</span>
              </p>
            ) : (
              <p>
                Drop a file here or <span className="font-medium underline underline-offset-2">choose one</span>
              </p>
            )}
            <p className="text-xs text-muted-foreground">{limitsHint}</p>
          </div>
          <input
            type="file"
            accept={acceptAttribute}
            className="absolute inset-0 cursor-pointer opacity-0"
            onChange={(e) => pick(e.target.files?.[0])}
            disabled={busy}
            {...invalid(ids.file, fileError)}
          />
          {file && !busy && (
            <Button type="button" variant="ghost" size="icon-xs" className="relative z-10" aria-label={`Remove ${file.name}`} onClick={() => pick(null)}>
              <X />
            </Button>
          )}
        </div>
      </Field>

      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" disabled={busy}>
          {busy && <Loader2 className="animate-spin" aria-hidden />}
          Upload
        </Button>
        {upload.progress !== null && (
          <>
            <progress className="h-1.5 flex-1 overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-muted [&::-webkit-progress-value]:bg-primary" max={1} value={upload.progress} aria-label="Upload progress" />
            <span className="w-10 text-right text-xs tabular-nums text-muted-foreground">{Math.round(upload.progress * 100)}%</span>
            <Button type="button" variant="ghost" size="sm" onClick={upload.cancel}>
              Cancel
            </Button>
          </>
        )}
      </div>
    </form>
  );
}
