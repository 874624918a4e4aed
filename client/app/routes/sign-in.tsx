import { useEffect } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { SignInForm } from "@/features/auth/components/sign-in-form.tsx";
import { useMe } from "@/lib/auth.tsx";
import { paths } from "@/lib/paths.ts";

/** Only same-site paths: an attacker's ?next=https://evil.example must not redirect off the app. */
const safeNext = (next: string | null) => (next && next.startsWith("/") && !next.startsWith("//") ? next : paths.queue);

export default function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const next = safeNext(params.get("next"));
  useEffect(() => {
    if (me) navigate(next, { replace: true });
  }, [me, navigate, next]);

  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 p-4">
      <Card className="w-full max-w-sm">
        <CardHeader className="text-center">
          <img src="/favicon.svg" alt="" className="mx-auto mb-2 size-10" />
          <CardTitle className="text-xl">
            <h1>Sign in to Claimdesk</h1>
          </CardTitle>
          <CardDescription>After-sales claims for your stores.</CardDescription>
        </CardHeader>
        <CardContent>
          <SignInForm onSignedIn={() => navigate(next, { replace: true })} />
        </CardContent>
      </Card>
    </main>
  );
}
