import type { FastifyInstance } from "fastify";
import type { Db } from "../db/client.ts";
import { evidenceFileFor } from "../services/evidence.ts";
import type { FileStorage } from "../storage/storage.ts";
import { sendError, sendServiceError, sessionUser } from "./http-auth.ts";

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so neither quotes nor non-Latin names break the header. */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * `GET /api/evidence/:id/file[?download=1]`: the stored bytes with the type sniffed at upload (never the
 * client's), `nosniff`, and a CSP that lets the file render but never run anything.
 */
export function registerEvidenceDownload(app: FastifyInstance, deps: { db: Db; storage: FileStorage }) {
  app.get<{ Params: { id: string }; Querystring: { download?: string } }>("/api/evidence/:id/file", async (req, reply) => {
    const user = await sessionUser(deps.db, req);
    if (!user) return sendError(reply, 401, "Sign in to continue.");
    const id = Number(req.params.id);
    if (!Number.isSafeInteger(id) || id <= 0) return sendError(reply, 404, "No such evidence file.");
    let item: Awaited<ReturnType<typeof evidenceFileFor>>;
    try {
      item = await evidenceFileFor(deps.db, user, id);
    } catch (error) {
      const answered = sendServiceError(reply, error);
      if (answered) return answered;
      throw error;
    }
    const file = await deps.storage.get(item.storageKey);
    if (!file) {
      req.log.error({ evidenceId: id, key: item.storageKey }, "evidence file missing from storage");
      return sendError(reply, 404, "The file of this evidence item is missing from storage.");
    }
    return reply
      .header("content-type", item.mimeType)
      .header("content-length", file.sizeBytes)
      .header("content-disposition", contentDisposition(req.query.download ? "attachment" : "inline", item.fileName ?? `evidence-${id}`))
      .header("x-content-type-options", "nosniff")
      .header("content-security-policy", "default-src 'none'; img-src 'self'; media-src 'self'; object-src 'self'; style-src 'unsafe-inline'")
      .header("cache-control", "private, max-age=300")
      .send(file.stream);
  });
}
