import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { disableTotpInput, resetUserTotpInput, totpCodeInput, verifySecondFactorInput } from "../../../shared/schemas/two-factor.ts";
import { codesByIp, codesBySession, takeIpAttempt, tooManyCodes } from "../../auth/sign-in-limits.ts";
import { deleteSessionById } from "../../auth/sessions.ts";
import {
  clearTotp,
  confirmTotpEnrolment,
  disableTotp,
  getTwoFactorStatus,
  isWrongCode,
  regenerateRecoveryCodes,
  startTotpEnrolment,
  verifySecondFactor,
  wrongCode,
} from "../../auth/totp-enrolment.ts";
import { users } from "../../db/schema/index.ts";
import { recordAdminAudit } from "../../services/admin-audit.ts";
import type { Context, SessionUser } from "../../trpc/context.ts";
import { adminMutationProcedure, authedProcedure, secondStepProcedure } from "../../trpc/procedures.ts";

/**
 * Every code guess is counted against the session and its address before the code is checked (atomically,
 * in the database: sign-in-limits.ts), whichever procedure took it; a right code gives the attempts back.
 */
async function countingGuesses<T>(ctx: Context & { user: SessionUser }, run: () => Promise<T>): Promise<T> {
  const now = ctx.now();
  const ipAttempt = await takeIpAttempt(ctx.db, codesByIp, ctx.meta.ip, now);
  const bySession = await codesBySession.take(ctx.db, ctx.user.sessionId, now);
  if (!bySession.allowed) throw tooManyCodes(bySession.retryAfterMs);
  try {
    const result = await run();
    await codesBySession.clear(ctx.db, ctx.user.sessionId);
    if (ipAttempt) await codesByIp.release(ctx.db, ipAttempt);
    return result;
  } catch (error) {
    // Only a wrong code was a guess; any other refusal gives the attempts back.
    if (!isWrongCode(error)) {
      await codesBySession.release(ctx.db, ctx.user.sessionId);
      if (ipAttempt) await codesByIp.release(ctx.db, ipAttempt);
    }
    throw error;
  }
}

export const twoFactorProcedures = {
  getTwoFactorStatus: authedProcedure.query(({ ctx }) => getTwoFactorStatus(ctx.db, ctx.user)),

  /** Returns the secret (for typing in), its otpauth URI and a QR code; nothing is active until confirmed. */
  startTotpEnrolment: authedProcedure.mutation(({ ctx }) => startTotpEnrolment(ctx.db, ctx.user)),

  confirmTotpEnrolment: authedProcedure
    .input(totpCodeInput)
    .mutation(({ ctx, input }) => countingGuesses(ctx, () => confirmTotpEnrolment(ctx.db, ctx.user, input.code, ctx.now()))),

  regenerateRecoveryCodes: authedProcedure
    .input(totpCodeInput)
    .mutation(({ ctx, input }) => countingGuesses(ctx, () => regenerateRecoveryCodes(ctx.db, ctx.user, input.code, ctx.now()))),

  disableTotp: authedProcedure.input(disableTotpInput).mutation(({ ctx, input }) => countingGuesses(ctx, () => disableTotp(ctx.db, ctx.user, input, ctx.now()))),

  /**
   * Sign-in step two, callable by a session whose second factor is pending. Five wrong codes end the
   * session: whoever has only the password starts again from the password, and the account lock counts that.
   */
  verifySecondFactor: secondStepProcedure.input(verifySecondFactorInput).mutation(async ({ ctx, input }) => {
    if (!ctx.user.secondFactor?.enrolled) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Two-factor authentication is off for this account." });
    if (ctx.user.secondFactor.verified) return { ok: true as const };
    const now = ctx.now();
    const ipAttempt = await takeIpAttempt(ctx.db, codesByIp, ctx.meta.ip, now);
    const attempt = await codesBySession.take(ctx.db, ctx.user.sessionId, now);
    const endSession = async () => {
      await deleteSessionById(ctx.db, ctx.user.sessionId);
      ctx.cookies?.clearSession();
      // The count stays until its window ends: cleared, guesses still in flight on this session would start over.
      return new TRPCError({ code: "UNAUTHORIZED", message: "Too many wrong codes. Sign in again with your password." });
    };
    // Past the limit nothing is checked: parallel guesses that took their attempts after the 5th find the session ending.
    if (!attempt.allowed) throw await endSession();
    if (await verifySecondFactor(ctx.db, ctx.user, input, now)) {
      await codesBySession.clear(ctx.db, ctx.user.sessionId);
      if (ipAttempt) await codesByIp.release(ctx.db, ipAttempt);
      return { ok: true as const };
    }
    const left = codesBySession.limit - attempt.hits;
    if (left <= 0) throw await endSession();
    const what = input.kind === "totp" ? "That code is not valid or was already used." : "That recovery code is not valid or was already used.";
    throw wrongCode(`${what} ${left} ${left === 1 ? "try" : "tries"} left.`);
  }),

  /** For someone who lost both phone and recovery codes: they sign in with the password and enrol again. */
  resetUserTotp: adminMutationProcedure.input(resetUserTotpInput).mutation(async ({ ctx, input }) => {
    if (input.id === ctx.user.id) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "Turn off your own two-factor authentication in Account; another admin can reset it for you." });
    }
    const now = ctx.now();
    return ctx.db.transaction(async (tx) => {
      const [target] = await tx.select({ id: users.id, email: users.email, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, input.id)).for("update");
      if (!target) throw new TRPCError({ code: "NOT_FOUND", message: "No such person." });
      if (!target.enabledAt) throw new TRPCError({ code: "PRECONDITION_FAILED", message: `${target.email} has no two-factor authentication to reset.` });
      await clearTotp(tx, target.id, now);
      await recordAdminAudit(tx, { actorId: ctx.user.id, action: "totp_reset", targetType: "user", targetId: target.id, data: { email: target.email }, at: now });
      return { ok: true as const };
    });
  }),
};
