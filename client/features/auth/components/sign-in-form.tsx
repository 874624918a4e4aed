import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useForm } from "react-hook-form";
import { signInInput, type SignInInput } from "@shared/schemas/auth.ts";
import { Alert, AlertDescription } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Label } from "@/components/ui/label.tsx";
import { fieldErrors, queryClient, trpc } from "@/lib/trpc.ts";

/** Password step; `onSignedIn(true)` when the account has TOTP and the code step follows. */
export function SignInForm({ onSignedIn }: { onSignedIn: (secondFactorPending: boolean) => void }) {
  const form = useForm<SignInInput>({ resolver: zodResolver(signInInput), defaultValues: { email: "", password: "" } });
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
        onSignedIn(result.secondFactorPending);
      },
      onError: (error) => {
        for (const [field, messages] of Object.entries(fieldErrors(error))) {
          form.setError(field as keyof SignInInput, { message: messages[0] });
        }
      },
    }),
  );
  const { errors } = form.formState;
  const formError = signIn.error && Object.keys(fieldErrors(signIn.error)).length === 0 ? signIn.error.message : null;

  return (
    <form className="grid gap-4" noValidate onSubmit={form.handleSubmit((values) => signIn.mutate(values))}>
      {formError && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-1.5">
        <Label htmlFor="email">E-mail</Label>
        <Input
          id="email"
          type="email"
          autoComplete="username"
          autoFocus
          aria-invalid={!!errors.email}
          aria-describedby={errors.email ? "email-error" : undefined}
          {...form.register("email")}
        />
        {errors.email && <p id="email-error" className="text-xs text-destructive">{errors.email.message}</p>}
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="password">Password</Label>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!errors.password}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...form.register("password")}
        />
        {errors.password && <p id="password-error" className="text-xs text-destructive">{errors.password.message}</p>}
      </div>
      <Button type="submit" disabled={signIn.isPending}>
        {signIn.isPending && <Loader2 className="animate-spin" aria-hidden />}
        Sign in
      </Button>
    </form>
  );
}
