import { TRPCError } from "@trpc/server";
import type { SessionUser } from "../trpc/context.ts";
import { ErrorReason } from "../trpc/init.ts";

/** Signed in with the password, second step still to do: such a session may only finish or abandon the sign-in. */
export const secondFactorPending = (user: SessionUser) => !!user.secondFactor?.enrolled && !user.secondFactor.verified;

export const secondFactorPendingError = () =>
  new TRPCError({
    code: "UNAUTHORIZED",
    message: "Enter the code from your authenticator app to finish signing in.",
    cause: new ErrorReason("second_factor_pending"),
  });

/**
 * Money leaving the business and admin changes need a second factor from supervisors and admins; agents
 * never reach these actions. `action` completes "… to approve refunds." so the refusal says what to do.
 */
export function assertSecondFactor(user: SessionUser, action: string): void {
  if (user.role === "agent") return;
  if (user.secondFactor?.enrolled && user.secondFactor.verified) return;
  throw new TRPCError({
    code: "FORBIDDEN",
    message: user.secondFactor?.enrolled
      ? `Confirm your sign-in with a two-factor code to ${action}.`
      : `Set up two-factor authentication in Account to ${action}.`,
    cause: new ErrorReason("second_factor_required"),
  });
}
