import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { verifySecondFactorInput, type VerifySecondFactorInput } from "@shared/schemas/two-factor.ts";
import { Alert, AlertDescription } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { errorCode, fieldErrors, queryClient, trpc } from "@/lib/trpc.ts";

type Kind = VerifySecondFactorInput["kind"];

/** Sign-in step two: the authenticator app's code, or a recovery code for someone without their phone. */
export function SecondFactorForm({ onVerified, onRestart }: { onVerified: () => void; onRestart: () => void }) {
  const [kind, setKind] = useState<Kind>("totp");
  const form = useForm<VerifySecondFactorInput>({ resolver: zodResolver(verifySecondFactorInput), defaultValues: { kind: "totp", code: "" } });
  const verify = useMutation(
    trpc.auth.verifySecondFactor.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
        onVerified();
      },
      onError: (error) => {
        form.setValue("code", "");
        for (const [field, messages] of Object.entries(fieldErrors(error))) form.setError(field as "code", { message: messages[0] });
      },
    }),
  );
  const { errors } = form.formState;
  const ended = errorCode(verify.error) === "UNAUTHORIZED";
  const formError = verify.error && Object.keys(fieldErrors(verify.error)).length === 0 ? verify.error.message : null;
  const switchTo = (next: Kind) => {
    setKind(next);
    form.reset({ kind: next, code: "" });
    verify.reset();
  };

  if (ended) {
    return (
      <div className="grid gap-4">
        <Alert variant="destructive">
          <AlertDescription>{verify.error?.message}</AlertDescription>
        </Alert>
        <Button onClick={onRestart}>Sign in again</Button>
      </div>
    );
  }

  return (
    <form className="grid gap-4" noValidate onSubmit={form.handleSubmit((values) => verify.mutate(values as never))}>
      {formError && (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      {kind === "totp" ? (
        <Field id="totp-code" label="Authentication code" error={errors.code?.message}>
          <Input
            {...invalid("totp-code", errors.code?.message)}
            key="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            autoFocus
            placeholder="123 456"
            className="font-mono text-lg tracking-[0.3em]"
            {...form.register("code")}
          />
          {!errors.code && <p className="text-xs text-muted-foreground">Open your authenticator app and enter the 6-digit code for Claimdesk.</p>}
        </Field>
      ) : (
        <Field id="recovery-code" label="Recovery code" error={errors.code?.message}>
          <Input {...invalid("recovery-code", errors.code?.message)} key="recovery" autoComplete="off" spellCheck={false} autoFocus placeholder="xxxxx-xxxxx" className="font-mono" {...form.register("code")} />
          {!errors.code && <p className="text-xs text-muted-foreground">One of the ten codes you saved when you set up two-factor. Each works once.</p>}
        </Field>
      )}
      <Button type="submit" disabled={verify.isPending}>
        {verify.isPending && <Loader2 className="animate-spin" aria-hidden />}
        Verify
      </Button>
      <div className="flex items-center justify-between text-sm">
        <Button type="button" variant="link" className="h-auto p-0" onClick={() => switchTo(kind === "totp" ? "recovery" : "totp")}>
          {kind === "totp" ? "Use a recovery code" : "Use the authenticator app"}
        </Button>
        <Button type="button" variant="link" className="h-auto p-0 text-muted-foreground" onClick={onRestart}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
