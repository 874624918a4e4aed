import { useEffect } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { SignInCard } from "@/features/auth/components/sign-in-card.tsx";
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
    if (me && !me.secondFactorPending) navigate(next, { replace: true });
  }, [me, navigate, next]);

  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 p-4">
      <SignInCard onSignedIn={() => navigate(next, { replace: true })} />
    </main>
  );
}
