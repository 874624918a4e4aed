import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { Role } from "@shared/roles.ts";
import { trpc, type RouterOutputs } from "./trpc.ts";

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
