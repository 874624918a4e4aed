import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2 } from "lucide-react";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { ClaimFactsInput, IssueType, PolicyDocument } from "@shared/policy/index.ts";
import { gradeClaimLineInput, type GradeClaimLineInput } from "@shared/schemas/resolution.ts";
import { Button } from "@/components/ui/button.tsx";
import { Label } from "@/components/ui/label.tsx";
import { Textarea } from "@/components/ui/textarea.tsx";
import { fieldErrors, type RouterOutputs } from "@/lib/trpc.ts";
import { formatCents } from "@/lib/format.ts";
import { useGradeLine } from "../hooks/use-grade-line.ts";
import { useRefundPreview } from "../hooks/use-refund-preview.ts";
import { GradingSelect, type Choice } from "./grading-select.tsx";
import { RefundPreview } from "./refund-preview.tsx";

type Claim = RouterOutputs["claims"]["getClaim"];
type Line = Claim["lines"][number];

const gradeLabels = { low: "Low", medium: "Medium", high: "High", depends: "Depends" } as const;
const humanKey = (k: string) => k.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

function choices(doc: PolicyDocument) {
  const issues = Object.entries(doc.grading.issueGrades?.grades ?? {}).map(([k, g]) => ({ value: k, label: humanKey(k), hint: g ? gradeLabels[g] : undefined }));
  const parts = Object.entries(doc.grading.partValues?.valuesCents ?? {}).map(([k, v]) => ({ value: k, label: humanKey(k), hint: v == null ? "Depends" : formatCents(v) }));
  const grades: Choice[] = (["low", "medium", "high"] as const).map((g) => ({ value: g, label: gradeLabels[g], hint: `${doc.grading.sharesPct[g]} %` }));
  grades.push({ value: "depends", label: "Depends", hint: "set with a reason" });
  const failureCause = doc.lineRules.some((r) => r.test.type === "failure_cause");
  return { issues, parts, grades, failureCause };
}

/** One claimed line: issue type (A3 default grade), part (A5 value), grade (A4 share) and a reason for "Depends" (A6). */
export function GradeLineForm({ claim, line, index, doc, facts, disabled }: { claim: Claim; line: Line; index: number; doc: PolicyDocument; facts: ClaimFactsInput; disabled: boolean }) {
  const [now] = useState(() => new Date());
  const opts = choices(doc);
  const form = useForm<GradeClaimLineInput>({
    resolver: zodResolver(gradeClaimLineInput),
    defaultValues: {
      number: claim.number,
      version: claim.version,
      claimLineId: line.id,
      issueType: (line.issueType ?? undefined) as GradeClaimLineInput["issueType"],
      partType: (line.partType ?? facts.lines[index]?.partType ?? undefined) as GradeClaimLineInput["partType"],
      // A3: an issue type brings its default grade; the agent confirms or changes it.
      grade: (line.grade ?? (line.issueType ? doc.grading.issueGrades?.grades[line.issueType as IssueType] : undefined)) as GradeClaimLineInput["grade"],
      gradeReason: line.gradeReason ?? "",
      failureCause: (facts.lines[index]?.failureCause ?? undefined) as GradeClaimLineInput["failureCause"],
    },
  });
  const save = useGradeLine({
    onFieldErrors: (error) => {
      for (const [field, messages] of Object.entries(fieldErrors(error))) form.setError(field as keyof GradeClaimLineInput, { message: messages[0] });
    },
  });
  const [issueType, partType, grade, failureCause] = useWatch({ control: form.control, name: ["issueType", "partType", "grade", "failureCause"] });
  const preview = useRefundPreview(doc, facts, index, { issueType, partType, grade, failureCause }, now);
  const valueDepends = !!partType && doc.grading.partValues?.valuesCents[partType] === null;
  const needsReason = grade === "depends" || valueDepends;
  const { errors } = form.formState;
  const id = `line-${line.id}`;

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="grid gap-3 border-b px-4 py-3 last:border-b-0"
      onSubmit={form.handleSubmit((values) => save.mutate({ ...values, version: claim.version }, { onSuccess: () => form.reset(values) }))}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div className="min-w-0">
          <span id={`${id}-title`} className="font-medium">{line.name}</span>
          {!line.grade && <span className="ml-2 text-xs text-muted-foreground">not graded yet</span>}
          <span className="ml-2 text-xs text-muted-foreground tabular-nums">
            {line.sku} · {line.quantity} × {formatCents(line.unitPriceCents, claim.order.currency)} = {formatCents(line.unitPriceCents * line.quantity, claim.order.currency)} paid
          </span>
        </div>
        {preview && <RefundPreview preview={preview} currency={claim.order.currency} />}
      </div>
      <fieldset disabled={disabled || save.isPending} className="grid gap-3 sm:grid-cols-3">
        {opts.issues.length > 0 && (
          <GradingSelect
            control={form.control} name="issueType" id={`${id}-issue`} label="Issue" placeholder="Pick the issue" choices={opts.issues} error={errors.issueType?.message} optional
            onPicked={(v) => {
              const def = v ? doc.grading.issueGrades?.grades[v as IssueType] : undefined;
              if (def && !form.getFieldState("grade").isDirty) form.setValue("grade", def, { shouldDirty: false });
            }}
          />
        )}
        {opts.parts.length > 0 && (
          <GradingSelect control={form.control} name="partType" id={`${id}-part`} label="Part" placeholder="Pick the part" choices={opts.parts} error={errors.partType?.message} optional />
        )}
        {/* Optional: a line without a graded refund (a consumable's L7 cause, a replacement) needs no grade. */}
        <GradingSelect control={form.control} name="grade" id={`${id}-grade`} label="Grade" placeholder="Not graded" choices={opts.grades} error={errors.grade?.message} optional />
        {opts.failureCause && (
          <GradingSelect
            control={form.control} name="failureCause" id={`${id}-cause`} label="Failure cause" placeholder="Not known yet" optional error={errors.failureCause?.message}
            choices={[{ value: "defect", label: "Defect in materials or production" }, { value: "wear_and_tear", label: "Wear and tear" }]}
          />
        )}
        {needsReason && (
          <div className="grid gap-1.5 sm:col-span-3">
            <Label htmlFor={`${id}-reason`}>Reason for “Depends” <span className="text-muted-foreground">(A6, read by the supervisor)</span></Label>
            <Textarea
              id={`${id}-reason`} rows={2} aria-invalid={!!errors.gradeReason} aria-describedby={errors.gradeReason ? `${id}-reason-error` : undefined}
              placeholder="What you saw and how you value it" {...form.register("gradeReason")}
            />
            {errors.gradeReason && <p id={`${id}-reason-error`} className="text-xs text-destructive">{errors.gradeReason.message}</p>}
          </div>
        )}
      </fieldset>
      {!disabled && (
        <div className="flex justify-end">
          <Button type="submit" size="sm" variant={form.formState.isDirty ? "default" : "outline"} disabled={save.isPending}>
            {save.isPending && <Loader2 className="animate-spin" aria-hidden />}
            Save grading
          </Button>
        </div>
      )}
    </form>
  );
}
