import { useNavigate, useSearchParams } from "react-router";
import { Alert, AlertDescription } from "@/components/ui/alert.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { SetPasswordForm } from "@/features/auth/components/set-password-form.tsx";
import { paths } from "@/lib/paths.ts";

/** Public page behind the one-time link an admin sends; it works without a session. */
export default function SetPasswordRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get("token") ?? "";

  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 p-4">
      <Card className="w-full max-w-sm">
        <CardHeader className="text-center">
          <img src="/favicon.svg" alt="" className="mx-auto mb-2 size-10" />
          <CardTitle className="text-xl">
            <h1>Choose your password</h1>
          </CardTitle>
          <CardDescription>This link works once. You'll be signed in to Claimdesk right after.</CardDescription>
        </CardHeader>
        <CardContent>
          {token ? (
            <SetPasswordForm token={token} onDone={() => navigate(paths.queue, { replace: true })} />
          ) : (
            <Alert variant="destructive" role="alert">
              <AlertDescription>This link is incomplete. Open it again from the message you received, or ask an admin for a new one.</AlertDescription>
            </Alert>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
