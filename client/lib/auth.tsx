import { useQuery } from "@tanstack/react-query";
import { ShieldAlert } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Role } from "@shared/roles.ts";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { paths } from "./paths.ts";
import { isTrpcError, trpc, type RouterOutputs } from "./trpc.ts";

export type Me = NonNullable<RouterOutputs["auth"]["me"]>;

export function useMe() {
  return useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 60_000 });
}

export const hasRole = (me: Me | null | undefined, roles: readonly Role[]) => !!me && roles.includes(me.role);

/** Renders children only for the given roles: people never see controls they cannot use. */
export function RequireRole({ roles, children, fallback = null }: { roles: readonly Role[]; children: ReactNode; fallback?: ReactNode }) {
  const { data: me } = useMe();
  return hasRole(me, roles) ? children : fallback;
}

/** The server's machine-readable reason for a refusal (see the error formatter in server/trpc/init.ts). */
export const errorReason = (e: unknown) => (isTrpcError(e) ? ((e.data as { reason?: string | null } | undefined)?.reason ?? null) : null);
export const needsSecondFactor = (e: unknown) => errorReason(e) === "second_factor_required";

export const twoFactorSetupPath = `${paths.account}#two-factor`;

/**
 * Tells a supervisor or admin without TOTP, before they try, that `action` needs it, with the way there.
 * Agents and people with TOTP see nothing.
 */
export function SecondFactorBanner({ action, className }: { action: string; className?: string }) {
  const { data: me } = useMe();
  if (!me || me.role === "agent" || me.twoFactorEnabled) return null;
  return (
    <Alert variant="warning" className={className}>
      <ShieldAlert aria-hidden />
      <AlertTitle>Two-factor authentication needed</AlertTitle>
      <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
        <span>Set up two-factor authentication in Account to {action}. It takes a minute with an authenticator app.</span>
        <Button asChild size="sm" variant="outline" className="text-foreground">
          <Link to={twoFactorSetupPath}>Set up two-factor</Link>
        </Button>
      </AlertDescription>
    </Alert>
  );
}
