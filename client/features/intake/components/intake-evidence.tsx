import { FileUp, Plus, X } from "lucide-react";
import { useRef } from "react";
import { evidenceKinds, type EvidenceKind } from "@shared/policy/enums.ts";
import { acceptedFileTypes, evidenceKindLabels, textEvidenceKinds } from "@shared/schemas/evidence.ts";
import { Button } from "@/components/ui/button.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";

export type TypedEvidence = { kind: EvidenceKind; note: string };
export type PickedFile = { file: File; kind: EvidenceKind };

const guessKind = (file: File): EvidenceKind => {
  const category = acceptedFileTypes[file.type]?.category;
  return category === "video" ? "video" : category === "document" ? "fault_statement" : "photo";
};

function KindPicker({ id, kinds, value, onChange, needed, label }: { id: string; kinds: readonly EvidenceKind[]; value: EvidenceKind; onChange: (k: EvidenceKind) => void; needed: ReadonlySet<string>; label: string }) {
  return (
    <Select value={value} onValueChange={(v) => onChange(v as EvidenceKind)}>
      <SelectTrigger id={id} className="w-48" aria-label={label}>
        <SelectValue>{evidenceKindLabels[value]}</SelectValue>
      </SelectTrigger>
      <SelectContent>
        {kinds.map((k) => (
          <SelectItem key={k} value={k}>
            {evidenceKindLabels[k]}
            {needed.has(k) && <span className="text-xs text-warning">· needed</span>}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

/**
 * Evidence recorded with the claim: numbers and statements typed in (saved with it), and files picked now
 * and uploaded to the claim right after it is opened. `needed` marks the kinds the preview still misses.
 */
export function IntakeEvidence({
  typed,
  onTyped,
  files,
  onFiles,
  needed,
  errors,
  fileProblem,
}: {
  typed: TypedEvidence[];
  onTyped: (next: TypedEvidence[]) => void;
  files: PickedFile[];
  onFiles: (next: PickedFile[]) => void;
  needed: ReadonlySet<string>;
  errors: Record<string, string>;
  fileProblem: (kind: EvidenceKind, file: File) => string | null;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const accept = Object.entries(acceptedFileTypes).flatMap(([mime, t]) => [mime, ...t.extensions.map((e) => `.${e}`)]).join(",");
  return (
    <div className="grid gap-3">
      {typed.map((t, i) => {
        const error = errors[`evidence.${i}.note`] ?? errors[`evidence.${i}.kind`];
        return (
          <div key={i} className="grid gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <KindPicker id={`typed-${i}-kind`} label={`Kind of typed evidence ${i + 1}`} kinds={textEvidenceKinds} value={t.kind} needed={needed} onChange={(kind) => onTyped(typed.map((x, j) => (j === i ? { ...x, kind } : x)))} />
              <Input
                className="min-w-48 flex-1"
                aria-label={`${evidenceKindLabels[t.kind]} (typed evidence ${i + 1})`}
                placeholder={t.kind === "serial_number" ? "SN-482913" : t.kind === "invoice_number" ? "INV-2026-00412" : "Number or statement"}
                value={t.note}
                aria-invalid={!!error}
                aria-describedby={error ? `typed-${i}-error` : undefined}
                onChange={(e) => onTyped(typed.map((x, j) => (j === i ? { ...x, note: e.target.value } : x)))}
              />
              <Button type="button" variant="ghost" size="icon" aria-label={`Remove typed evidence ${i + 1}`} onClick={() => onTyped(typed.filter((_, j) => j !== i))}>
                <X aria-hidden />
              </Button>
            </div>
            {error && (
              <p id={`typed-${i}-error`} className="text-xs text-destructive">
                {error}
              </p>
            )}
          </div>
        );
      })}
      {files.map((f, i) => {
        const problem = fileProblem(f.kind, f.file);
        return (
          <div key={`${f.file.name}-${i}`} className="grid gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <KindPicker id={`file-${i}-kind`} label={`Kind of ${f.file.name}`} kinds={evidenceKinds} value={f.kind} needed={needed} onChange={(kind) => onFiles(files.map((x, j) => (j === i ? { ...x, kind } : x)))} />
              <span className="min-w-0 flex-1 truncate text-sm">
                <FileUp className="mr-1 inline size-4 text-muted-foreground" aria-hidden />
                {f.file.name} <span className="text-muted-foreground">({Math.max(1, Math.round(f.file.size / 1024))} KB)</span>
              </span>
              <Button type="button" variant="ghost" size="icon" aria-label={`Remove ${f.file.name}`} onClick={() => onFiles(files.filter((_, j) => j !== i))}>
                <X aria-hidden />
              </Button>
            </div>
            {problem && <p className="text-xs text-destructive">{problem}</p>}
          </div>
        );
      })}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" size="sm" onClick={() => onTyped([...typed, { kind: needed.has("serial_number") ? "serial_number" : "invoice_number", note: "" }])}>
          <Plus aria-hidden /> Number or statement
        </Button>
        <Button type="button" variant="outline" size="sm" onClick={() => fileRef.current?.click()}>
          <FileUp aria-hidden /> Attach files
        </Button>
        <input
          ref={fileRef}
          type="file"
          multiple
          accept={accept}
          tabIndex={-1}
          aria-label="Evidence files"
          className="sr-only"
          onChange={(e) => {
            const picked = [...(e.target.files ?? [])].map((file) => ({ file, kind: guessKind(file) }));
            onFiles([...files, ...picked]);
            e.target.value = "";
          }}
        />
      </div>
    </div>
  );
}
