import { ArrowRight, Loader2 } from "lucide-react";
import { useFormContext } from "react-hook-form";
import type { PolicyEditorValues } from "@shared/schemas/policy.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Label } from "@/components/ui/label.tsx";
import { Textarea } from "@/components/ui/textarea.tsx";
import type { RouterOutputs } from "@/lib/trpc.ts";
import { formatParameterValue } from "../format-parameter.ts";

type Preview = RouterOutputs["policy"]["previewPolicyChange"];

/** The reviewed diff (before → after, with the clause each change touches), the note and the save button. */
export function ReviewPanel({ preview, stale, saving, onBack }: { preview: Preview; stale: boolean; saving: boolean; onBack: () => void }) {
  const { register, formState } = useFormContext<PolicyEditorValues>();
  const noteError = formState.errors.note?.message;
  return (
    <div className="grid gap-4">
      <ul aria-label="Changes" className="divide-y rounded-md border text-sm">
        {preview.diff.map((d) => (
          <li key={d.key} className="grid gap-1 px-3 py-2">
            <div className="flex items-start gap-2">
              <span className="min-w-0 flex-1">
                {d.label}
                <span className="block truncate text-xs text-muted-foreground">{d.context}</span>
              </span>
              {d.clause ? <Badge variant="outline" className="font-mono">{d.clause}</Badge> : <Badge variant="muted">Calendar</Badge>}
            </div>
            <div className="flex flex-wrap items-center gap-1.5 tabular-nums">
              <span className="text-muted-foreground line-through decoration-muted-foreground/50">{formatParameterValue(d.kind, d.before)}</span>
              <ArrowRight className="size-3.5 text-muted-foreground" aria-label="becomes" />
              <span className="font-medium">{formatParameterValue(d.kind, d.after)}</span>
            </div>
          </li>
        ))}
      </ul>
      {stale && <p role="status" className="text-xs text-warning">You changed values after this review. Review again before saving.</p>}
      <div className="grid gap-1.5">
        <Label htmlFor="policy-note">Why does the policy change?</Label>
        <Textarea
          id="policy-note"
          rows={3}
          placeholder="Shown in the version history, e.g. “Store extended the defect window for the spring sale.”"
          aria-invalid={!!noteError}
          aria-describedby={noteError ? "policy-note-error" : undefined}
          {...register("note")}
        />
        {noteError && <p id="policy-note-error" role="alert" className="text-xs text-destructive">{noteError}</p>}
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onBack}>
          Back to editing
        </Button>
        <Button type="submit" disabled={stale || saving}>
          {saving && <Loader2 className="animate-spin" aria-hidden />}
          Save as version {preview.nextVersion}
        </Button>
      </div>
    </div>
  );
}
