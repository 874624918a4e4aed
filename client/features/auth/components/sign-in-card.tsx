import { useMutation } from "@tanstack/react-query";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { useMe } from "@/lib/auth.tsx";
import { queryClient, trpc } from "@/lib/trpc.ts";
import { SecondFactorForm } from "./second-factor-form.tsx";
import { SignInForm } from "./sign-in-form.tsx";

/**
 * Both sign-in steps. The step comes from the server (`me.secondFactorPending`), so a reload or a
 * redirect during step two lands back on the code, not on the password.
 */
export function SignInCard({ onSignedIn }: { onSignedIn: () => void }) {
  const { data: me } = useMe();
  const codeStep = !!me?.secondFactorPending;
  const signOut = useMutation(trpc.auth.signOut.mutationOptions({ onSettled: () => queryClient.resetQueries(trpc.auth.me.queryFilter()) }));
  return (
    <Card className="w-full max-w-sm">
      <CardHeader className="text-center">
        <img src="/favicon.svg" alt="" className="mx-auto mb-2 size-10" />
        <CardTitle className="text-xl">
          <h1>{codeStep ? "Two-factor authentication" : "Sign in to Claimdesk"}</h1>
        </CardTitle>
        <CardDescription className="[overflow-wrap:anywhere]">{codeStep ? `Signed in as ${me?.email}. One more step.` : "After-sales claims for your stores."}</CardDescription>
      </CardHeader>
      <CardContent>
        {codeStep ? (
          <SecondFactorForm onVerified={onSignedIn} onRestart={() => signOut.mutate()} />
        ) : (
          <SignInForm
            onSignedIn={(pending) => {
              if (!pending) onSignedIn();
            }}
          />
        )}
      </CardContent>
    </Card>
  );
}
