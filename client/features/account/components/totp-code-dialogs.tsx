import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Loader2, TriangleAlert } from "lucide-react";
import { useForm } from "react-hook-form";
import { toast } from "@/lib/toast.ts";
import { disableTotpInput, totpCodeInput, type DisableTotpInput, type TotpCodeInput } from "@shared/schemas/two-factor.ts";
import { Alert, AlertDescription } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { useMe } from "@/lib/auth.tsx";
import { fieldErrors, queryClient, trpc } from "@/lib/trpc.ts";
import { RecoveryCodes } from "./recovery-codes.tsx";

type Props = { open: boolean; onOpenChange: (open: boolean) => void };

function showErrors<T extends Record<string, unknown>>(setError: (field: keyof T & string, e: { message?: string }) => void) {
  return (error: unknown) => {
    const fields = Object.entries(fieldErrors(error));
    for (const [field, messages] of fields) setError(field as keyof T & string, { message: messages[0] });
    if (fields.length === 0) toast.error((error as Error).message);
  };
}

export function RegenerateCodesDialog({ open, onOpenChange }: Props) {
  const form = useForm<TotpCodeInput>({ resolver: zodResolver(totpCodeInput), defaultValues: { code: "" } });
  const regen = useMutation(
    trpc.auth.regenerateRecoveryCodes.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.auth.getTwoFactorStatus.queryFilter()),
      onError: showErrors<TotpCodeInput>(form.setError),
    }),
  );
  const close = () => {
    onOpenChange(false);
    regen.reset();
    form.reset({ code: "" });
  };
  const { errors } = form.formState;
  return (
    <Dialog open={open} onOpenChange={(o) => !o && close()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>New recovery codes</DialogTitle>
          <DialogDescription>{regen.data ? "Your old codes no longer work." : "Your current recovery codes stop working. Confirm with a code from your authenticator app."}</DialogDescription>
        </DialogHeader>
        {regen.data ? (
          <>
            <RecoveryCodes codes={regen.data.recoveryCodes} />
            <DialogFooter>
              <Button onClick={close}>I've saved them</Button>
            </DialogFooter>
          </>
        ) : (
          <form noValidate className="grid gap-4" onSubmit={form.handleSubmit((v) => regen.mutate(v))}>
            <Field id="regen-code" label="Code from the app" error={errors.code?.message}>
              <Input {...invalid("regen-code", errors.code?.message)} inputMode="numeric" autoComplete="one-time-code" maxLength={7} autoFocus className="font-mono tracking-[0.3em]" {...form.register("code")} />
            </Field>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" disabled={regen.isPending}>
                {regen.isPending && <Loader2 className="animate-spin" aria-hidden />}
                Make new codes
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

export function DisableTotpDialog({ open, onOpenChange }: Props) {
  const { data: me } = useMe();
  const form = useForm<DisableTotpInput>({ resolver: zodResolver(disableTotpInput), defaultValues: { password: "", code: "" } });
  const disable = useMutation(
    trpc.auth.disableTotp.mutationOptions({
      onSuccess: () => {
        close();
        toast.success("Two-factor authentication is off");
        void queryClient.invalidateQueries(trpc.auth.getTwoFactorStatus.queryFilter());
        void queryClient.invalidateQueries(trpc.auth.me.queryFilter());
      },
      onError: showErrors<DisableTotpInput>(form.setError),
    }),
  );
  const close = () => {
    onOpenChange(false);
    form.reset({ password: "", code: "" });
  };
  const { errors } = form.formState;
  const losesRights = me?.role === "supervisor" ? "approve or pay out refunds, or export refunds and audit events" : me?.role === "admin" ? "approve refunds, export refunds and audit events, or change anything in Admin" : null;
  return (
    <Dialog open={open} onOpenChange={(o) => !o && close()}>
      <DialogContent className="sm:max-w-md">
        <form noValidate className="grid gap-4" onSubmit={form.handleSubmit((v) => disable.mutate(v))}>
          <DialogHeader>
            <DialogTitle>Turn off two-factor authentication</DialogTitle>
            <DialogDescription>Your password alone will sign you in. Your recovery codes stop working.</DialogDescription>
          </DialogHeader>
          {losesRights && (
            <Alert variant="warning">
              <TriangleAlert aria-hidden />
              <AlertDescription>Without it you can no longer {losesRights} until you set it up again.</AlertDescription>
            </Alert>
          )}
          <Field id="disable-password" label="Password" error={errors.password?.message}>
            <Input {...invalid("disable-password", errors.password?.message)} type="password" autoComplete="current-password" {...form.register("password")} />
          </Field>
          <Field id="disable-code" label="Code from the app" error={errors.code?.message}>
            <Input {...invalid("disable-code", errors.code?.message)} inputMode="numeric" autoComplete="one-time-code" maxLength={7} className="font-mono tracking-[0.3em]" {...form.register("code")} />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant="destructive" disabled={disable.isPending}>
              {disable.isPending && <Loader2 className="animate-spin" aria-hidden />}
              Turn off
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
