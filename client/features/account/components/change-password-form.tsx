import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useForm } from "react-hook-form";
import { toast } from "@/lib/toast.ts";
import { changePasswordInput, PASSWORD_MIN, type ChangePasswordInput } from "@shared/schemas/passwords.ts";
import { Button } from "@/components/ui/button.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { queryClient, trpc } from "@/lib/trpc.ts";
import { showServerErrors } from "@/lib/form-errors.ts";

const empty: ChangePasswordInput = { currentPassword: "", newPassword: "", confirm: "" };

export function ChangePasswordForm() {
  const form = useForm<ChangePasswordInput>({ resolver: zodResolver(changePasswordInput), defaultValues: empty });
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: (res) => {
        form.reset(empty);
        void queryClient.invalidateQueries(trpc.auth.listSessions.queryFilter());
        toast.success("Password changed", { description: res.otherSessionsEnded ? `Signed out of ${res.otherSessionsEnded} other session${res.otherSessionsEnded === 1 ? "" : "s"}.` : undefined });
      },
      onError: (error) => {
        showServerErrors(error, form.setError);
      },
    }),
  );
  const { errors } = form.formState;
  return (
    <form className="grid max-w-sm gap-4" noValidate onSubmit={form.handleSubmit((v) => change.mutate(v))}>
      <Field id="current-password" label="Current password" error={errors.currentPassword?.message}>
        <Input {...invalid("current-password", errors.currentPassword?.message)} type="password" autoComplete="current-password" {...form.register("currentPassword")} />
      </Field>
      <Field id="new-password" label="New password" error={errors.newPassword?.message}>
        <Input {...invalid("new-password", errors.newPassword?.message)} type="password" autoComplete="new-password" {...form.register("newPassword")} />
        {!errors.newPassword && <p className="text-xs text-muted-foreground">At least {PASSWORD_MIN} characters. A few unrelated words work well.</p>}
      </Field>
      <Field id="confirm-password" label="Repeat new password" error={errors.confirm?.message}>
        <Input {...invalid("confirm-password", errors.confirm?.message)} type="password" autoComplete="new-password" {...form.register("confirm")} />
      </Field>
      <div>
        <Button type="submit" disabled={change.isPending}>
          {change.isPending && <Loader2 className="animate-spin" aria-hidden />}
          Change password
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">Changing it signs you out everywhere else; this device stays signed in.</p>
    </form>
  );
}
