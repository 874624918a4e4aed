import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import type { FastifyError, FastifyPluginAsync } from "fastify";
import { maxApiEvidenceFileBytes, maxApiEvidenceFiles } from "../../../shared/schemas/store-api.ts";
import type { Database } from "../../db/client.ts";
import { diskStorage } from "../../storage/disk-storage.ts";
import type { FileStorage } from "../../storage/storage.ts";
import { authenticate, callerOf } from "./auth.ts";
import { registerClaimRoutes } from "./claims.ts";
import { ApiProblem, sendProblem } from "./errors.ts";
import { openApiDocument } from "./openapi.ts";
import { registerOrderRoutes } from "./orders.ts";
import { databaseRateLimitStore } from "./rate-limit-store.ts";

export type StoreApiOptions = { database: Database; dataDir: string; storage?: FileStorage };

/**
 * The store API: plain JSON over HTTP under /api/v1 for the shops' own systems, keyed per store
 * (Authorization: Bearer), plus its OpenAPI document at /api/openapi.json. Encapsulated, so its auth,
 * rate limit, multipart parser and error shape apply to these routes only.
 */
export const storeApiHttp: FastifyPluginAsync<StoreApiOptions> = async (app, opts) => {
  app.get("/api/openapi.json", async (_req, reply) => reply.header("cache-control", "no-cache").send(openApiDocument()));

  await app.register(
    async (v1) => {
      v1.setErrorHandler((error: FastifyError | ApiProblem, req, reply) => {
        if (error instanceof ApiProblem) return sendProblem(reply, error);
        const status = (error as FastifyError).statusCode ?? 500;
        if (status >= 500) {
          req.log.error({ err: error }, "store API request failed");
          return sendProblem(reply, new ApiProblem(500, "internal_error", "Something went wrong on our side; retry later with the same Idempotency-Key."));
        }
        const code = (error as FastifyError).code;
        if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return sendProblem(reply, new ApiProblem(415, "unsupported_media_type", "Send application/json (or multipart/form-data to open a claim with files)."));
        if (code === "FST_REQ_FILE_TOO_LARGE") return sendProblem(reply, new ApiProblem(413, "file_too_large", `Evidence files sent through the API are at most ${maxApiEvidenceFileBytes / 1048576} MB each.`));
        if (code === "FST_FILES_LIMIT") return sendProblem(reply, new ApiProblem(413, "too_many_files", `At most ${maxApiEvidenceFiles} evidence files per claim.`));
        return sendProblem(reply, new ApiProblem(status, status === 413 ? "payload_too_large" : "bad_request", error.message));
      });
      v1.setNotFoundHandler((req, reply) => sendProblem(reply, new ApiProblem(404, "not_found", `No endpoint ${req.method} ${req.url.split("?")[0]}; see /api/openapi.json.`)));

      v1.addHook("onRequest", async (req) => authenticate(opts.database.db, req));
      // Per key, with the key's own limit, counted in the database so several server processes share it.
      await v1.register(rateLimit, {
        store: databaseRateLimitStore(opts.database.db),
        global: true,
        hook: "preHandler",
        timeWindow: 60_000,
        max: (req) => callerOf(req).rateLimitPerMinute,
        keyGenerator: (req) => `api-key:${callerOf(req).id}`,
        errorResponseBuilder: (_req, ctx) => new ApiProblem(429, "rate_limited", `This key may make ${ctx.max} requests a minute; retry in ${ctx.after}.`),
      });
      await v1.register(multipart, { limits: { fileSize: maxApiEvidenceFileBytes, files: maxApiEvidenceFiles, fields: 1, fieldSize: 256 * 1024, parts: maxApiEvidenceFiles + 1 } });

      registerOrderRoutes(v1, opts.database);
      registerClaimRoutes(v1, opts.database, opts.storage ?? diskStorage(opts.dataDir));
    },
    { prefix: "/api/v1" },
  );
};
