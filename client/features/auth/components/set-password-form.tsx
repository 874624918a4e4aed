import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useForm } from "react-hook-form";
import { PASSWORD_MIN, setPasswordInput, type SetPasswordInput } from "@shared/schemas/passwords.ts";
import { Alert, AlertDescription } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { fieldErrors, queryClient, trpc } from "@/lib/trpc.ts";

/** Redeems the one-time link; on success the person is signed in on this device. */
export function SetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const form = useForm<SetPasswordInput>({ resolver: zodResolver(setPasswordInput), defaultValues: { token, password: "", confirm: "" } });
  const set = useMutation(
    trpc.auth.setPassword.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
        onDone();
      },
      onError: (error) => {
        for (const [field, messages] of Object.entries(fieldErrors(error))) form.setError(field as keyof SetPasswordInput, { message: messages[0] });
      },
    }),
  );
  const { errors } = form.formState;
  const formError = set.error && Object.keys(fieldErrors(set.error)).length === 0 ? set.error.message : (errors.token?.message ?? null);

  return (
    <form className="grid gap-4" noValidate onSubmit={form.handleSubmit((v) => set.mutate(v))}>
      {formError && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <Field id="password" label="New password" error={errors.password?.message}>
        <Input {...invalid("password", errors.password?.message)} type="password" autoComplete="new-password" autoFocus {...form.register("password")} />
        {!errors.password && <p className="text-xs text-muted-foreground">At least {PASSWORD_MIN} characters. A few unrelated words work well.</p>}
      </Field>
      <Field id="confirm" label="Repeat password" error={errors.confirm?.message}>
        <Input {...invalid("confirm", errors.confirm?.message)} type="password" autoComplete="new-password" {...form.register("confirm")} />
      </Field>
      <Button type="submit" disabled={set.isPending}>
        {set.isPending && <Loader2 className="animate-spin" aria-hidden />}
        Set password and sign in
      </Button>
    </form>
  );
}
