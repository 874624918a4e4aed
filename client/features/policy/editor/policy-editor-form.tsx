import { zodResolver } from "@hookform/resolvers/zod";
import { skipToken, useQuery } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useMemo, useState } from "react";
import { FormProvider, useForm, useWatch, type FieldPath } from "react-hook-form";
import { useNavigate } from "react-router";
import { toast } from "@/lib/toast.ts";
import { policyEditorSchema, type PolicyEditorValues, type PreviewPolicyChangeInput } from "@shared/schemas/policy.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { queryClient, trpc } from "@/lib/trpc.ts";
import { groupByClause } from "../group-by-clause.ts";
import { useCreatePolicyVersion } from "../hooks/use-create-policy-version.ts";
import { policyPaths } from "../paths.ts";
import { CalendarFields } from "./calendar-fields.tsx";
import { countChanges, formField, initialValues, toRequest, type EditorSource } from "./form-values.ts";
import { ParameterField } from "./parameter-field.tsx";
import { ReviewPanel } from "./review-panel.tsx";

type Props = { source: EditorSource; storeName: string; clauseSummaries: ReadonlyMap<string, string> };

/** Edit → review (server preview: diff and per-field issues) → save as version N+1. */
export function PolicyEditorForm({ source, storeName, clauseSummaries }: Props) {
  const navigate = useNavigate();
  const schema = useMemo(() => policyEditorSchema(source.parameters), [source.parameters]);
  const form = useForm<PolicyEditorValues>({ resolver: zodResolver(schema), defaultValues: initialValues(source), mode: "onTouched" });
  const [reviewed, setReviewed] = useState<PreviewPolicyChangeInput | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const preview = useQuery(trpc.policy.previewPolicyChange.queryOptions(reviewed ?? skipToken));
  useWatch({ control: form.control }); // re-render on every edit: the change count and staleness follow the inputs
  const request = toRequest(source, form.getValues());
  const changeCount = countChanges(source, form.getValues());
  const stale = reviewed !== null && JSON.stringify(request) !== JSON.stringify(reviewed);

  const showIssues = (issues: { field: string; message: string }[]) => {
    for (const issue of issues) form.setError(formField(issue.field) as FieldPath<PolicyEditorValues>, { message: issue.message });
  };
  const create = useCreatePolicyVersion({
    storeName,
    onSaved: () => navigate(policyPaths.store(source.storeId)),
    onFieldErrors: (errors) => showIssues(Object.entries(errors).map(([field, messages]) => ({ field, message: messages[0]! }))),
  });

  async function review() {
    if (!(await form.trigger(["values", "timeZone", "holidays"], { shouldFocus: true }))) return toast.error("Some values need fixing first; see the highlighted fields.");
    if (changeCount === 0) return toast.info("Nothing changed yet.");
    setReviewing(true);
    try {
      const result = await queryClient.fetchQuery(trpc.policy.previewPolicyChange.queryOptions(request));
      if (result.issues.length) {
        showIssues(result.issues);
        setReviewed(null);
        return toast.error(result.issues.length === 1 ? result.issues[0]!.message : `${result.issues.length} values were refused; see the highlighted fields.`);
      }
      if (result.currentVersion !== source.version) toast.warning(`Version ${result.currentVersion} was saved while you were editing: saving will be refused. Reload to start from it.`);
      setReviewed(request);
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The preview failed.");
    } finally {
      setReviewing(false);
    }
  }

  const save = form.handleSubmit((values) => {
    if (!reviewed || stale) return;
    create.mutate({ ...toRequest(source, values), baseVersion: source.version, note: values.note });
  });

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={save} className="grid items-start gap-4 lg:grid-cols-[1fr_360px]">
        <Card className="gap-0 py-2">
          <CardContent className="divide-y px-4">
            {groupByClause(source.parameters).map(([clause, params]) => (
              <section key={clause} aria-label={`Clause ${clause}`} className="py-3">
                <header className="flex items-start gap-2 pb-1">
                  <Badge variant="outline" className="h-fit font-mono">{clause}</Badge>
                  <p className="text-xs leading-5 text-muted-foreground">{clauseSummaries.get(clause)}</p>
                </header>
                <div className="grid divide-y divide-dashed">
                  {params.map((p) => (
                    <ParameterField key={p.key} parameter={p} />
                  ))}
                </div>
              </section>
            ))}
          </CardContent>
        </Card>
        <div className="flex flex-col gap-4 lg:sticky lg:top-4">
          <Card className="gap-3 py-4">
            <CardHeader className="px-4">
              <CardTitle className="text-sm">Calendar</CardTitle>
            </CardHeader>
            <CardContent className="px-4">
              <CalendarFields />
            </CardContent>
          </Card>
          <Card className="gap-3 py-4" aria-label="Review">
            <CardHeader className="px-4">
              <CardTitle className="text-sm">Review</CardTitle>
              <CardDescription className="text-xs">
                {changeCount === 0 ? "No changes yet." : `${changeCount} change${changeCount === 1 ? "" : "s"} from version ${source.version}.`} Claims already judged keep
                their version.
              </CardDescription>
            </CardHeader>
            <CardContent className="px-4">
              {reviewed && preview.data ? (
                <ReviewPanel preview={preview.data} stale={stale} saving={create.isPending} onBack={() => setReviewed(null)} />
              ) : (
                <Button type="button" className="w-full" variant={changeCount ? "default" : "outline"} onClick={review} disabled={reviewing}>
                  {reviewing && <Loader2 className="animate-spin" aria-hidden />}
                  Review changes
                </Button>
              )}
            </CardContent>
          </Card>
        </div>
      </form>
    </FormProvider>
  );
}
