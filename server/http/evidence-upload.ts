import multipart, { type Multipart } from "@fastify/multipart";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { z } from "zod";
import { evidenceKinds, type EvidenceKind } from "../../shared/policy/enums.ts";
import { fileProblem, maxEvidenceFileBytes, uploadEvidenceFields } from "../../shared/schemas/evidence.ts";
import type { Database } from "../db/client.ts";
import { getClaimRef } from "../services/claim-detail.ts";
import { addEvidence } from "../services/evidence.ts";
import { EvidenceFileError, receiveEvidenceFile, type ReceivedFile } from "../services/evidence-files.ts";
import { diskStorage } from "../storage/disk-storage.ts";
import type { FileStorage } from "../storage/storage.ts";
import { registerEvidenceDownload } from "./evidence-download.ts";
import { sendError, sendServiceError, sessionUser } from "./http-auth.ts";

export type EvidenceHttpOptions = { database: Database; dataDir: string; storage?: FileStorage };

/** Custom header every upload carries: a cross-site form cannot set it, and a cross-site fetch would need a preflight we never grant. */
export const UPLOAD_HEADER = "x-claimdesk-upload";

const claimNumber = z.string().regex(/^CLM-\d{6,}$/i);

/** Reads what is left of the request so the answer reaches a browser still sending (it would see a reset otherwise). */
async function drain(parts: AsyncIterableIterator<Multipart>, current?: Multipart) {
  const settle = (p: Multipart) =>
    p.type !== "file" || p.file.readableEnded || p.file.destroyed
      ? undefined
      : new Promise<void>((done) => p.file.on("end", done).on("close", done).on("error", () => done()).resume());
  try {
    if (current) await settle(current);
    for await (const part of parts) await settle(part);
  } catch {
    // The multipart limit errors surface here; the answer is already decided.
  }
}

/**
 * Evidence files over plain HTTP beside tRPC: `POST /api/claims/:number/evidence` (multipart: kind, note,
 * version, then one file) and `GET /api/evidence/:id/file`. Same session cookie and store rules as tRPC.
 * Encapsulated: the multipart parser exists only under these routes.
 */
export const evidenceHttp: FastifyPluginAsync<EvidenceHttpOptions> = async (app, opts) => {
  const { db } = opts.database;
  const storage = opts.storage ?? diskStorage(opts.dataDir);
  await app.register(multipart, { limits: { fileSize: maxEvidenceFileBytes + 1, files: 1, fields: 8, fieldSize: 4096, parts: 10 } });

  app.post<{ Params: { number: string } }>("/api/claims/:number/evidence", async (req, reply): Promise<FastifyReply> => {
    if (req.headers[UPLOAD_HEADER] !== "1") return sendError(reply, 403, "Uploads must come from the Claimdesk app.");
    const user = await sessionUser(db, req);
    if (!user) return sendError(reply, 401, "Sign in to continue.");
    if (!claimNumber.safeParse(req.params.number).success) return sendError(reply, 404, `Claim ${req.params.number} does not exist.`);
    let claim: Awaited<ReturnType<typeof getClaimRef>>;
    try {
      claim = await getClaimRef(db, user, req.params.number);
    } catch (error) {
      const answered = sendServiceError(reply, error);
      if (answered) return answered;
      throw error;
    }
    if (!req.isMultipart()) return sendError(reply, 415, "Send the evidence as multipart/form-data with a file field.");
    if (Number(req.headers["content-length"] ?? 0) > maxEvidenceFileBytes + 64 * 1024) {
      return sendError(reply, 413, `The upload is larger than ${Math.round(maxEvidenceFileBytes / 1048576)} MB, the most any evidence file may be.`);
    }

    const fields: Record<string, string> = {};
    let stored: ReceivedFile | null = null;
    const parts = req.parts();
    try {
      for await (const part of parts) {
        if (part.type === "field") {
          fields[part.fieldname] = String(part.value);
          continue;
        }
        if (stored) {
          await drain(parts, part);
          throw new EvidenceFileError(422, "Send one file per upload.");
        }
        const kind = evidenceKinds.includes(fields.kind as EvidenceKind) ? (fields.kind as EvidenceKind) : undefined;
        if (fields.version && Number(fields.version) !== claim.version) {
          await drain(parts, part);
          return sendError(reply, 409, `${req.params.number.toUpperCase()} changed since you opened it. Reload to see the latest version; nothing was saved.`);
        }
        try {
          stored = await receiveEvidenceFile(storage, { claimId: claim.id, kind, fileName: part.filename, source: part.file });
        } catch (error) {
          await drain(parts, part);
          throw error;
        }
      }
      if (!stored) return sendError(reply, 422, "Choose a file to upload.", { file: ["Choose a file to upload."] });

      const parsed = uploadEvidenceFields.safeParse(fields);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
        throw Object.assign(new EvidenceFileError(422, "Some fields are invalid."), { fieldErrors });
      }
      // The kind may have arrived after the file: check the pair again now that both are known.
      const problem = fileProblem(parsed.data.kind, stored.category, stored.sizeBytes);
      if (problem) throw new EvidenceFileError(problem.status, problem.message);

      const { category: _category, ...file } = stored;
      const result = await addEvidence(db, user, { number: req.params.number, version: parsed.data.version }, { kind: parsed.data.kind, note: parsed.data.note, file }, new Date());
      return reply.code(201).header("cache-control", "no-store").send(result);
    } catch (error) {
      if (stored) await storage.delete(stored.storageKey).catch((e: unknown) => req.log.error({ err: e, key: stored!.storageKey }, "could not remove an orphaned upload"));
      if (error instanceof EvidenceFileError) return sendError(reply, error.status, error.message, (error as { fieldErrors?: Record<string, string[]> }).fieldErrors);
      const code = (error as { code?: string }).code;
      if (code === "FST_REQ_FILE_TOO_LARGE" || code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT") {
        return sendError(reply, 413, code === "FST_REQ_FILE_TOO_LARGE" ? "The file is too large." : "Send one file and the kind, note and version fields only.");
      }
      const answered = sendServiceError(reply, error);
      if (answered) return answered;
      throw error;
    }
  });

  registerEvidenceDownload(app, { db, storage });
};
