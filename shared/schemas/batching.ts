/**
 * Procedures that check a secret (password, second-factor code, set-password link) are never called inside a
 * batch: one batch of 60 sign-ins once had its calls checked side by side. The server refuses a batch that
 * names one; the client sends them on their own (client/lib/trpc.ts).
 */
export const unbatchedProcedures: ReadonlySet<string> = new Set([
  "auth.signIn",
  "auth.setPassword",
  "auth.changePassword",
  "auth.verifySecondFactor",
  "auth.confirmTotpEnrolment",
  "auth.regenerateRecoveryCodes",
  "auth.disableTotp",
]);

/** Calls per batch; the client's batch link splits larger ones. */
export const MAX_BATCH_SIZE = 20;
