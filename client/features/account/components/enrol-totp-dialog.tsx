import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/lib/toast.ts";
import { totpCodeInput, type TotpCodeInput } from "@shared/schemas/two-factor.ts";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { fieldErrors, queryClient, trpc } from "@/lib/trpc.ts";
import { RecoveryCodes } from "./recovery-codes.tsx";

/** Groups of four, as authenticator apps show a secret typed by hand. */
const spaced = (secret: string) => secret.replace(/(.{4})/g, "$1 ").trim();

export function EnrolTotpDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const start = useMutation(trpc.auth.startTotpEnrolment.mutationOptions({ onError: (e) => toast.error(e.message) }));
  const form = useForm<TotpCodeInput>({ resolver: zodResolver(totpCodeInput), defaultValues: { code: "" } });
  const confirm = useMutation(
    trpc.auth.confirmTotpEnrolment.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.auth.getTwoFactorStatus.queryFilter());
        void queryClient.invalidateQueries(trpc.auth.me.queryFilter());
      },
      onError: (error) => {
        const fields = Object.entries(fieldErrors(error));
        for (const [, messages] of fields) form.setError("code", { message: messages[0] });
        if (fields.length === 0) toast.error(error.message);
      },
    }),
  );
  const { mutate: begin, reset: resetStart } = start;
  useEffect(() => {
    if (open) begin();
  }, [open, begin]);
  const close = (next: boolean) => {
    if (next) return;
    onOpenChange(false);
    resetStart();
    confirm.reset();
    form.reset({ code: "" });
  };
  const { errors } = form.formState;
  const codes = confirm.data?.recoveryCodes;

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent className="sm:max-w-md">
        {codes ? (
          <>
            <DialogHeader>
              <DialogTitle>Save your recovery codes</DialogTitle>
              <DialogDescription>Two-factor authentication is on. If you lose your phone, one of these codes gets you in.</DialogDescription>
            </DialogHeader>
            <RecoveryCodes codes={codes} />
            <DialogFooter>
              <Button onClick={() => close(false)}>I've saved them</Button>
            </DialogFooter>
          </>
        ) : (
          <form noValidate className="grid gap-4" onSubmit={form.handleSubmit((v) => confirm.mutate(v))}>
            <DialogHeader>
              <DialogTitle>Set up two-factor authentication</DialogTitle>
              <DialogDescription>Scan the QR code with an authenticator app (1Password, Google Authenticator, Microsoft Authenticator…), then enter the code it shows.</DialogDescription>
            </DialogHeader>
            <div className="grid justify-items-center gap-3">
              {start.data ? (
                <img src={start.data.qrDataUrl} alt="QR code to add Claimdesk to your authenticator app" className="size-44 rounded-md bg-white p-2" />
              ) : (
                <Skeleton className="size-44" />
              )}
              <div className="grid w-full gap-1 text-center">
                <span className="text-xs text-muted-foreground">Can't scan? Enter this key in the app instead:</span>
                <code aria-label="Setup key" data-testid="totp-secret" className="rounded-md bg-muted px-2 py-1.5 font-mono text-sm break-all select-all">
                  {start.data ? spaced(start.data.secret) : "…"}
                </code>
              </div>
            </div>
            <Field id="enrol-code" label="Code from the app" error={errors.code?.message}>
              <Input {...invalid("enrol-code", errors.code?.message)} inputMode="numeric" autoComplete="one-time-code" maxLength={7} placeholder="123 456" className="font-mono tracking-[0.3em]" {...form.register("code")} />
            </Field>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={!start.data || confirm.isPending}>
                {confirm.isPending && <Loader2 className="animate-spin" aria-hidden />}
                Turn on
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
