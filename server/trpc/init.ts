import { initTRPC } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";
import { publicDatabaseError } from "../db/errors.ts";
import type { Role } from "../../shared/roles.ts";
import type { Context } from "./context.ts";
import { controlCharacterMessage } from "./control-characters.ts";
import { transformer } from "./transformer.ts";

export type Meta = {
  /** Who may call the procedure; `public` needs no session. The role matrix test reads this. */
  roles: readonly Role[] | "public" | "authenticated";
  /**
   * Supervisors and admins need TOTP enrolled and checked on this session: `true` for every call,
   * `"mutations"` for the changes only (admin reads stay open).
   */
  secondFactor?: true | "mutations";
};

/** Carried as a TRPCError's cause so the client can tell refusals apart without parsing the message. */
export class ErrorReason extends Error {
  constructor(readonly reason: "second_factor_required" | "second_factor_pending" | "sign_in_locked" | "rate_limited") {
    super(reason);
  }
}

export const malformedRequestMessage = "The request is malformed: send the input as the API's JSON.";

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer,
    errorFormatter({ shape, error }) {
      const zod = error.cause instanceof ZodError ? error.cause : null;
      // Field errors keyed by path, so a form shows the server's message beside the right field.
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of zod?.issues ?? []) {
        const key = issue.path.join(".") || "_";
        (fieldErrors[key] ??= []).push(issue.message);
      }
      const isInternal = error.code === "INTERNAL_SERVER_ERROR";
      // A JavaScript exception's own text ("Maximum call stack size exceeded", "Cannot destructure property …")
      // copied onto a refusal by tRPC (an input superjson could not read) says nothing to a person: one plain message.
      const rawException = !isInternal && !zod && error.cause instanceof Error && !(error.cause instanceof ErrorReason) && error.cause.message === error.message;
      // A database outage answers 503 and a value no column can hold 400, not a bare 500 (db/errors.ts).
      const db = isInternal ? publicDatabaseError(error.cause) : null;
      if (db) return { ...shape, code: TRPC_ERROR_CODES_BY_KEY[db.code], message: db.message, data: { code: db.code, httpStatus: db.httpStatus, path: shape.data.path, fieldErrors: null, reason: null } };
      return {
        ...shape,
        // A control character is named with its field, in the message too (trpc/procedures.ts).
        message: zod ? (zod.issues.every((i) => i.message === controlCharacterMessage) ? error.message : "Some fields are invalid.") : isInternal ? "Something went wrong on our side. Try again." : rawException ? malformedRequestMessage : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          fieldErrors: zod ? fieldErrors : null,
          reason: error.cause instanceof ErrorReason ? error.cause.reason : null,
          // Stack traces stay in the server log, never on the wire.
        },
      };
    },
  });

export const router = t.router;
export const middleware = t.middleware;
export const procedureBuilder = t.procedure;
export const createCallerFactory = t.createCallerFactory;
