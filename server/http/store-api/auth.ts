import type { FastifyRequest } from "fastify";
import type { Db } from "../../db/client.ts";
import { authenticateApiKey, type ApiCaller } from "../../services/api-keys.ts";
import { ApiProblem } from "./errors.ts";

const callers = new WeakMap<FastifyRequest, ApiCaller>();

/** Bearer keys only: the API never reads the session cookie, so a browser cannot be tricked into calling it. */
export async function authenticate(db: Db, req: FastifyRequest): Promise<void> {
  const header = req.headers.authorization ?? "";
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const caller = await authenticateApiKey(db, token, new Date());
  if (!caller) {
    throw new ApiProblem(401, "unauthorized", token ? "This API key is unknown or was revoked." : "Send the store's API key as `Authorization: Bearer cdk_live_…`.");
  }
  callers.set(req, caller);
}

export function callerOf(req: FastifyRequest): ApiCaller {
  const caller = callers.get(req);
  if (!caller) throw new Error("store API route reached without an authenticated key");
  return caller;
}
