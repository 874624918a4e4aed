import { TRPCError } from "@trpc/server";
import type { Role } from "../../shared/roles.ts";
import { assertSecondFactor, secondFactorPending, secondFactorPendingError } from "../auth/totp-gate.ts";
import { fieldError } from "../auth/password-rules.ts";
import type { SessionUser } from "./context.ts";
import { controlCharacterMessage, controlCharacterPath } from "./control-characters.ts";
import { procedureBuilder } from "./init.ts";

const logged = procedureBuilder.use(async ({ ctx, path, type, next, getRawInput }) => {
  // Before the session and the input's parse: a NUL or other control character in any text is a 400 naming the field.
  const raw = await getRawInput().catch(() => undefined); // unreadable input: the input parser answers it
  const field = controlCharacterPath(raw);
  if (field !== null) throw new TRPCError({ code: "BAD_REQUEST", message: `${field}: ${controlCharacterMessage}`, cause: fieldError(field, controlCharacterMessage) });
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    ctx.log?.error({ err: result.error.cause ?? result.error, path, type }, "procedure failed");
  }
  return result;
});

export const publicProcedure = logged.meta({ roles: "public" });

const requireAnySession = logged.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user as SessionUser } });
});

/** A session halfway through its sign-in (password done, TOTP code not yet): only the second step and sign-out. */
export const secondStepProcedure = requireAnySession.meta({ roles: "authenticated" });

const requireSession = requireAnySession.use(({ ctx, next }) => {
  if (secondFactorPending(ctx.user)) throw secondFactorPendingError();
  return next();
});

export const authedProcedure = requireSession.meta({ roles: "authenticated" });

function roleProcedure(allowed: readonly Role[]) {
  return requireSession.meta({ roles: allowed }).use(({ ctx, next }) => {
    if (!allowed.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This action needs the ${allowed.join(" or ")} role.` });
    }
    return next();
  });
}

/** Claim work: supervisors and admins can do everything an agent can. */
export const agentProcedure = roleProcedure(["agent", "supervisor", "admin"]);
export const supervisorProcedure = roleProcedure(["supervisor", "admin"]);

/** Every admin change needs the second factor, including admin mutations added later; admin reads do not. */
export const adminProcedure = roleProcedure(["admin"])
  .meta({ roles: ["admin"], secondFactor: "mutations" })
  .use(({ ctx, type, next }) => {
    if (type === "mutation") assertSecondFactor(ctx.user, "change admin settings");
    return next();
  });

/** Same as adminProcedure for a mutation; spelled out where a reader should see the second factor at a glance. */
export const adminMutationProcedure = adminProcedure.meta({ roles: ["admin"], secondFactor: true });

/** Deciding and paying out refunds (X3): supervisors and admins with a second-factor-checked session. */
export const approverProcedure = supervisorProcedure
  .meta({ roles: ["supervisor", "admin"], secondFactor: true })
  .use(({ ctx, next }) => {
    assertSecondFactor(ctx.user, "approve refunds");
    return next();
  });
