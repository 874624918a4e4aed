import { TRPCError } from "@trpc/server";
import type { Role } from "../../shared/roles.ts";
import type { SessionUser } from "./context.ts";
import { procedureBuilder } from "./init.ts";

const logged = procedureBuilder.use(async ({ ctx, path, type, next }) => {
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    ctx.log?.error({ err: result.error.cause ?? result.error, path, type }, "procedure failed");
  }
  return result;
});

export const publicProcedure = logged.meta({ roles: "public" });

const requireSession = logged.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user as SessionUser } });
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
export const adminProcedure = roleProcedure(["admin"]);
