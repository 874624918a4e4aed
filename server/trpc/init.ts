import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Role } from "../../shared/roles.ts";
import type { Context } from "./context.ts";

export type Meta = {
  /** Who may call the procedure; `public` needs no session. The role matrix test reads this. */
  roles: readonly Role[] | "public" | "authenticated";
};

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const zod = error.cause instanceof ZodError ? error.cause : null;
      // Field errors keyed by path, so a form shows the server's message beside the right field.
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of zod?.issues ?? []) {
        const key = issue.path.join(".") || "_";
        (fieldErrors[key] ??= []).push(issue.message);
      }
      const isInternal = error.code === "INTERNAL_SERVER_ERROR";
      return {
        ...shape,
        message: zod ? "Some fields are invalid." : isInternal ? "Something went wrong on our side. Try again." : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          fieldErrors: zod ? fieldErrors : null,
          // Stack traces stay in the server log, never on the wire.
        },
      };
    },
  });

export const router = t.router;
export const middleware = t.middleware;
export const procedureBuilder = t.procedure;
export const createCallerFactory = t.createCallerFactory;
