import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyReply, FastifyRequest } from "fastify";
import { SESSION_COOKIE, resolveSession } from "../auth/sessions.ts";
import { secondFactorPending } from "../auth/totp-gate.ts";
import type { Db } from "../db/client.ts";
import type { SessionUser } from "../trpc/context.ts";
import { ErrorReason } from "../trpc/init.ts";

/** JSON errors for the plain-HTTP routes, in the shape the app's other non-tRPC answers use. */
export function sendError(reply: FastifyReply, status: number, message: string, fieldErrors?: Record<string, string[]>, reason?: string) {
  return reply
    .code(status)
    .header("cache-control", "no-store")
    .send({ error: message, ...(fieldErrors ? { fieldErrors } : {}), ...(reason ? { reason } : {}) });
}

/**
 * The session behind the cookie, exactly as tRPC resolves it; null (answer 401) when signed out, expired,
 * or still waiting for its second-factor code (such a session may only finish signing in).
 */
export async function sessionUser(db: Db, req: FastifyRequest): Promise<SessionUser | null> {
  const user = await resolveSession(db, req.cookies[SESSION_COOKIE], new Date());
  return user && !secondFactorPending(user) ? user : null;
}

/**
 * A service's TRPCError as an HTTP answer. A refused state change (PRECONDITION_FAILED) is a 409 here:
 * the request conflicts with the claim as it now stands. A zod-style BAD_REQUEST is a 422.
 */
export function sendServiceError(reply: FastifyReply, error: unknown): FastifyReply | null {
  if (!(error instanceof TRPCError)) return null;
  const status = error.code === "PRECONDITION_FAILED" ? 409 : error.code === "BAD_REQUEST" ? 422 : getHTTPStatusCodeFromError(error);
  if (status >= 500) return null;
  return sendError(reply, status, error.message, undefined, error.cause instanceof ErrorReason ? error.cause.reason : undefined);
}
