import { eq } from "drizzle-orm";
import { signInInput } from "../../../shared/schemas/auth.ts";
import { changePasswordInput, setPasswordInput, signOutSessionInput } from "../../../shared/schemas/passwords.ts";
import { checkPassword } from "../../auth/sign-in-password.ts";
import { secondFactorPending } from "../../auth/totp-gate.ts";
import { createSession, deleteSession, endSessions, storeIdsFor } from "../../auth/sessions.ts";
import { currentPasswordBySession, minutesFrom, passwordLinksByIp, takeIpAttempt, tooMany } from "../../auth/sign-in-limits.ts";
import { changePassword, endOwnSession, isDeadLink, isWrongCurrentPassword, listOwnSessions, redeemPasswordToken } from "../../services/users-account.ts";
import { users } from "../../db/schema/index.ts";
import type { Context } from "../../trpc/context.ts";
import { router } from "../../trpc/init.ts";
import { authedProcedure, publicProcedure, secondStepProcedure } from "../../trpc/procedures.ts";
import { twoFactorProcedures } from "./two-factor.ts";

/** Opens a session for the person and hands its cookie to this browser (sign-in and a redeemed link alike). */
async function signInOnThisDevice(ctx: Context, userId: number): Promise<{ secondFactorPending: boolean }> {
  const session = await createSession(ctx.db, {
    userId,
    ttlHours: ctx.settings.sessionTtlHours,
    now: ctx.now(),
    userAgent: ctx.meta.userAgent,
    ip: ctx.meta.ip,
  });
  ctx.cookies?.setSession(session.token, session.expiresAt);
  const [row] = await ctx.db.select({ totpEnabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  return { secondFactorPending: !!row?.totpEnabledAt };
}

export const authRouter = router({
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    // Lockout, per-address limit and the one message for unknown e-mail / wrong password: sign-in-password.ts.
    const user = await checkPassword(ctx.db, input, { now: ctx.now(), ip: ctx.meta.ip });
    const { secondFactorPending } = await signInOnThisDevice(ctx, user.id);
    return { ...user, storeIds: await storeIdsFor(ctx.db, user.id, user.role), secondFactorPending };
  }),

  signOut: secondStepProcedure.mutation(async ({ ctx }) => {
    const token = ctx.cookies?.sessionToken();
    if (token) await deleteSession(ctx.db, token);
    ctx.cookies?.clearSession();
    return { ok: true };
  }),

  /** Null when signed out, so the SPA can decide between the log-in page and the app without an error. */
  me: publicProcedure.query(({ ctx }) => {
    if (!ctx.user) return null;
    const { id, email, name, role, storeIds } = ctx.user;
    return { id, email, name, role, storeIds, secondFactorPending: secondFactorPending(ctx.user), twoFactorEnabled: !!ctx.user.secondFactor?.enrolled };
  }),

  /** Public: the one-time link is the credential. Sets the password and signs the person in on this device. */
  setPassword: publicProcedure.input(setPasswordInput).mutation(async ({ ctx, input }) => {
    // Counted per address before the token is looked up; a link that worked, or a refused password, gives it back.
    const ipAttempt = await takeIpAttempt(ctx.db, passwordLinksByIp, ctx.meta.ip, ctx.now());
    const user = await redeemPasswordToken(ctx.db, input, ctx.now()).catch(async (error: unknown) => {
      if (ipAttempt && !isDeadLink(error)) await passwordLinksByIp.release(ctx.db, ipAttempt);
      throw error;
    });
    if (ipAttempt) await passwordLinksByIp.release(ctx.db, ipAttempt);
    const { secondFactorPending } = await signInOnThisDevice(ctx, user.id);
    return { ...user, storeIds: await storeIdsFor(ctx.db, user.id, user.role), secondFactorPending };
  }),

  /** The current password is a guess like any other: five wrong ones per session in 15 minutes, counted before the check. */
  changePassword: authedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const attempt = await currentPasswordBySession.take(ctx.db, ctx.user.sessionId, ctx.now());
    if (!attempt.allowed) throw tooMany(`Too many wrong passwords. Try again in ${minutesFrom(attempt.retryAfterMs)} minutes.`);
    const result = await changePassword(ctx.db, ctx.user, input, ctx.now()).catch(async (error: unknown) => {
      if (!isWrongCurrentPassword(error)) await currentPasswordBySession.release(ctx.db, ctx.user.sessionId);
      throw error;
    });
    await currentPasswordBySession.clear(ctx.db, ctx.user.sessionId);
    return result;
  }),

  listSessions: authedProcedure.query(({ ctx }) => listOwnSessions(ctx.db, ctx.user, ctx.now())),

  signOutOtherSessions: authedProcedure.mutation(async ({ ctx }) => ({ ended: await endSessions(ctx.db, ctx.user.id, { except: ctx.user.sessionId }) })),

  signOutSession: authedProcedure.input(signOutSessionInput).mutation(async ({ ctx, input }) => {
    const { current } = await endOwnSession(ctx.db, ctx.user, input.id);
    if (current) ctx.cookies?.clearSession();
    return { ok: true, current };
  }),

  ...twoFactorProcedures,
});
