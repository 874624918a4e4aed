import type { FastifyInstance, FastifyReply } from "fastify";
import type { Db } from "../db/client.ts";
import { evidenceFileFor } from "../services/evidence.ts";
import { downloadFileName } from "../services/evidence-files.ts";
import { getInboundMail } from "../services/inbound-email-sorting.ts";
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
    return sendStoredFile(reply, file, { mimeType: item.mimeType, name: downloadFileName(item.fileName, item.mimeType, `evidence-${id}`), download: !!req.query.download });
  });

  /**
   * `GET /api/inbound-mail/:id/attachments/:index`: a mail's attachment before it is evidence, so the agent can look
   * at it and decide; to people who may see the mail (its store's, or every agent's for mail naming no store).
   */
  app.get<{ Params: { id: string; index: string }; Querystring: { download?: string } }>("/api/inbound-mail/:id/attachments/:index", async (req, reply) => {
    const user = await sessionUser(deps.db, req);
    if (!user) return sendError(reply, 401, "Sign in to continue.");
    const id = Number(req.params.id);
    const index = Number(req.params.index);
    if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647 || !Number.isSafeInteger(index) || index < 0) return sendError(reply, 404, "No such attachment.");
    let mail: Awaited<ReturnType<typeof getInboundMail>>;
    try {
      mail = await getInboundMail(deps.db, user, id);
    } catch (error) {
      const answered = sendServiceError(reply, error);
      if (answered) return answered;
      throw error;
    }
    const attachment = mail.attachments[index];
    const file = attachment ? await deps.storage.get(attachment.storageKey) : null;
    if (!attachment || !file) return sendError(reply, 404, "No such attachment.");
    return sendStoredFile(reply, file, { mimeType: attachment.contentType, name: downloadFileName(attachment.filename, attachment.contentType, `attachment-${index + 1}`), download: !!req.query.download });
  });
}

/** The stored bytes with the type sniffed when they arrived (never the sender's), `nosniff`, and a CSP that lets the file render but never run anything. */
function sendStoredFile(reply: FastifyReply, file: { sizeBytes: number; stream: NodeJS.ReadableStream }, o: { mimeType: string; name: string; download: boolean }) {
  return reply
    .header("content-type", o.mimeType)
    .header("content-length", file.sizeBytes)
    .header("content-disposition", contentDisposition(o.download ? "attachment" : "inline", o.name))
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "default-src 'none'; img-src 'self'; media-src 'self'; object-src 'self'; style-src 'unsafe-inline'")
    .header("cache-control", "private, max-age=300")
    .send(file.stream);
}
