import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { signInInput } from "../../../shared/schemas/auth.ts";
import { changePasswordInput, setPasswordInput, signOutSessionInput } from "../../../shared/schemas/passwords.ts";
import { burnVerify, verifyPassword } from "../../auth/passwords.ts";
import { createSession, deleteSession, endSessions, storeIdsFor } from "../../auth/sessions.ts";
import { changePassword, endOwnSession, listOwnSessions, redeemPasswordToken } from "../../services/users-account.ts";
import { users } from "../../db/schema/index.ts";
import type { Context } from "../../trpc/context.ts";
import { router } from "../../trpc/init.ts";
import { authedProcedure, publicProcedure } from "../../trpc/procedures.ts";

/** Opens a session for the person and hands its cookie to this browser (sign-in and a redeemed link alike). */
async function signInOnThisDevice(ctx: Context, userId: number) {
  const session = await createSession(ctx.db, {
    userId,
    ttlHours: ctx.settings.sessionTtlHours,
    now: ctx.now(),
    userAgent: ctx.meta.userAgent,
    ip: ctx.meta.ip,
  });
  ctx.cookies?.setSession(session.token, session.expiresAt);
}

export const authRouter = router({
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const [user] = await ctx.db
      .select({ id: users.id, name: users.name, role: users.role, active: users.active, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.email))
      .limit(1);
    let ok = false;
    if (user?.passwordHash && user.active) ok = await verifyPassword(user.passwordHash, input.password);
    else await burnVerify(input.password);
    if (!user || !ok) {
      // One message for unknown e-mail, wrong password and deactivated account: nothing to enumerate.
      throw new TRPCError({ code: "UNAUTHORIZED", message: "E-mail or password is incorrect." });
    }
    await signInOnThisDevice(ctx, user.id);
    return { id: user.id, name: user.name, role: user.role, storeIds: await storeIdsFor(ctx.db, user.id, user.role) };
  }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    const token = ctx.cookies?.sessionToken();
    if (token) await deleteSession(ctx.db, token);
    ctx.cookies?.clearSession();
    return { ok: true };
  }),

  /** Null when signed out, so the SPA can decide between the log-in page and the app without an error. */
  me: publicProcedure.query(({ ctx }) => {
    if (!ctx.user) return null;
    const { id, email, name, role, storeIds } = ctx.user;
    return { id, email, name, role, storeIds };
  }),

  /** Public: the one-time link is the credential. Sets the password and signs the person in on this device. */
  setPassword: publicProcedure.input(setPasswordInput).mutation(async ({ ctx, input }) => {
    const user = await redeemPasswordToken(ctx.db, input, ctx.now());
    await signInOnThisDevice(ctx, user.id);
    return { ...user, storeIds: await storeIdsFor(ctx.db, user.id, user.role) };
  }),

  changePassword: authedProcedure.input(changePasswordInput).mutation(({ ctx, input }) => changePassword(ctx.db, ctx.user, input, ctx.now())),

  listSessions: authedProcedure.query(({ ctx }) => listOwnSessions(ctx.db, ctx.user, ctx.now())),

  signOutOtherSessions: authedProcedure.mutation(async ({ ctx }) => ({ ended: await endSessions(ctx.db, ctx.user.id, { except: ctx.user.sessionId }) })),

  signOutSession: authedProcedure.input(signOutSessionInput).mutation(async ({ ctx, input }) => {
    const { current } = await endOwnSession(ctx.db, ctx.user, input.id);
    if (current) ctx.cookies?.clearSession();
    return { ok: true, current };
  }),
});
