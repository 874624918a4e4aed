import { Suspense } from "react";
import { roleLabels } from "@shared/roles.ts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { SessionsList } from "@/features/account/components/sessions-list.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { useMe } from "@/lib/auth.tsx";
import { lazyWithPreload } from "@/lib/lazy-with-preload.ts";

// The password and two-factor forms (react-hook-form, zod, the QR code) load beside the page's data, not before it.
const ChangePasswordForm = lazyWithPreload(() => import("@/features/account/components/change-password-form.tsx").then((m) => m.ChangePasswordForm));
const TwoFactorCard = lazyWithPreload(() => import("@/features/account/components/two-factor-card.tsx").then((m) => m.TwoFactorCard));
void ChangePasswordForm.preload();
void TwoFactorCard.preload();

export default function AccountRoute() {
  const { data: me } = useMe();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4 p-4 lg:p-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Account</h1>
        {me && (
          <p className="text-sm text-muted-foreground">
            {me.name} · {me.email} · {roleLabels[me.role]}
          </p>
        )}
      </div>
      <Card className="gap-3 py-4">
        <CardHeader className="px-4">
          <CardTitle className="text-sm">
            <h2>Password</h2>
          </CardTitle>
          <CardDescription className="text-xs">Use a long passphrase you don't use anywhere else.</CardDescription>
        </CardHeader>
        <CardContent className="px-4">
          <Suspense fallback={<Skeleton className="h-40 w-full" aria-label="Loading the password form" />}>
            <ChangePasswordForm />
          </Suspense>
        </CardContent>
      </Card>
      <Suspense fallback={<Skeleton className="h-32 w-full" aria-label="Loading two-factor settings" />}>
        <TwoFactorCard />
      </Suspense>
      <Card className="gap-3 py-4">
        <CardHeader className="px-4">
          <CardTitle className="text-sm">
            <h2>Where you're signed in</h2>
          </CardTitle>
          <CardDescription className="text-xs">Sign out a device you don't recognise, or every device but this one.</CardDescription>
        </CardHeader>
        <CardContent className="px-4">
          <SessionsList />
        </CardContent>
      </Card>
    </div>
  );
}
