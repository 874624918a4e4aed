import { z } from "zod";

export const totpCodeField = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."));

export const totpCodeInput = z.object({ code: totpCodeField });
export type TotpCodeInput = z.input<typeof totpCodeInput>;

/** Sign-in step two: the app's code, or one of the recovery codes printed at enrolment. */
export const verifySecondFactorInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("totp"), code: totpCodeField }),
  z.object({
    kind: z.literal("recovery"),
    code: z.string().trim().min(1, "Enter one of your recovery codes.").max(40, "Recovery codes are 10 characters, like 4k7pq-x2m9d."),
  }),
]);
export type VerifySecondFactorInput = z.input<typeof verifySecondFactorInput>;

export const disableTotpInput = z.object({
  password: z.string().min(1, "Enter your password.").max(200),
  code: totpCodeField,
});
export type DisableTotpInput = z.input<typeof disableTotpInput>;

export const resetUserTotpInput = z.object({ id: z.number().int().positive() });
