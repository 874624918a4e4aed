import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useEffect } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "@/lib/toast.ts";
import { dailyReportSettingSchema, type DailyReportSetting } from "@shared/schemas/exports.ts";
import { Button } from "@/components/ui/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { Checkbox } from "@/components/ui/checkbox.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Label } from "@/components/ui/label.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";
import { queryClient, trpc } from "@/lib/trpc.ts";
import { showServerErrors } from "@/lib/form-errors.ts";

const hours = Array.from({ length: 24 }, (_, h) => h);
const hourLabel = (h: number) => `${String(h).padStart(2, "0")}:00 UTC`;

/** Admin: where and when the job runner writes yesterday's refunds as CSV (for finance's folder sync). */
export function DailyReportSettings() {
  const setting = useQuery(trpc.exports.getDailyReportSetting.queryOptions());
  const form = useForm<DailyReportSetting>({ resolver: zodResolver(dailyReportSettingSchema), defaultValues: { enabled: false, folder: "reports", hourUtc: 6 } });
  const { reset } = form;
  useEffect(() => {
    if (setting.data) reset({ enabled: setting.data.enabled, folder: setting.data.folder, hourUtc: setting.data.hourUtc });
  }, [setting.data, reset]);
  const save = useMutation(
    trpc.exports.setDailyReportSetting.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.exports.getDailyReportSetting.queryKey(), data);
        toast.success(data.enabled ? `Daily refunds report on: ${hourLabel(data.hourUtc)} into ${data.resolvedFolder}` : "Daily refunds report off");
      },
      onError: (error) => {
        showServerErrors(error, form.setError);
      },
    }),
  );
  const { errors, isDirty } = form.formState;

  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">Daily refunds report</CardTitle>
        <CardDescription className="text-xs">
          Every day the background jobs write the previous UTC day's refunds as a CSV file into a folder on the server (for finance's file sync).
        </CardDescription>
      </CardHeader>
      <CardContent className="px-4">
        {setting.isError ? (
          <p className="text-sm text-destructive">{setting.error.message}</p>
        ) : (
          <form className="grid gap-4 sm:grid-cols-[auto_1fr_10rem_auto] sm:items-start" noValidate onSubmit={form.handleSubmit((v) => save.mutate(v))}>
            {/* Top-aligned with a label's height of padding, so an error under the folder moves nothing else. */}
            <div className="flex h-9 items-center gap-2 sm:mt-5.5">
              <Controller
                control={form.control}
                name="enabled"
                render={({ field }) => <Checkbox id="daily-enabled" checked={field.value} onCheckedChange={(v) => field.onChange(v === true)} />}
              />
              <Label htmlFor="daily-enabled" className="font-normal">
                Write the report
              </Label>
            </div>
            <Field id="daily-folder" label="Folder" hint=" (absolute, or inside the data folder)" error={errors.folder?.message}>
              <Input {...invalid("daily-folder", errors.folder?.message)} autoComplete="off" spellCheck={false} {...form.register("folder")} />
            </Field>
            <Field id="daily-hour" label="At" error={errors.hourUtc?.message}>
              <Controller
                control={form.control}
                name="hourUtc"
                render={({ field }) => (
                  <Select value={String(field.value)} onValueChange={(v) => field.onChange(Number(v))}>
                    <SelectTrigger id="daily-hour" className="w-full" aria-invalid={!!errors.hourUtc}>
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      {hours.map((h) => (
                        <SelectItem key={h} value={String(h)}>
                          {hourLabel(h)}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                )}
              />
            </Field>
            <Button type="submit" className="sm:mt-5.5" disabled={save.isPending || setting.isPending || !isDirty}>
              {save.isPending && <Loader2 className="animate-spin" aria-hidden />}
              Save
            </Button>
          </form>
        )}
        {setting.data && (
          <p className="mt-3 text-xs text-muted-foreground">
            Files go to <code className="rounded bg-muted px-1 py-0.5 font-mono">{setting.data.resolvedFolder}</code> as{" "}
            <code className="rounded bg-muted px-1 py-0.5 font-mono">refunds-YYYY-MM-DD.csv</code>.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
