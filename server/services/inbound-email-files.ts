import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import type { EvidenceKind } from "../../shared/policy/enums.ts";
import { acceptedFileTypes, evidenceSizeLimits, formatBytes, type FileCategory } from "../../shared/schemas/evidence.ts";
import type { InboundAttachment } from "../db/schema/index.ts";
import { displayFileName } from "./evidence-files.ts";
import type { FileStorage } from "../storage/storage.ts";
import type { InboundFile } from "./inbound-email-parse.ts";

export type StoredAttachment = InboundAttachment & { category: FileCategory };
export type RefusedAttachment = { filename: string; reason: string };

/**
 * What an attached file counts as: the engine counts kinds (X5), and a mail says nothing about which
 * kind a file is, so photos are `photo`, videos `video`, and a PDF a `fault_statement` (an agent can
 * re-file it). Only these three pass evidenceKindRules for their file category.
 */
export const kindForCategory: Record<FileCategory, EvidenceKind> = { image: "photo", video: "video", document: "fault_statement" };

/**
 * Stores a mail's attachments with the upload's checks (evidence-files.ts): the type is sniffed from the
 * content, never the name or the sender's header, and each category's size limit applies. Refused files
 * are reported, not stored. Keys live under `inbound/` because the mail may not belong to a claim yet.
 */
export async function storeMailFiles(storage: FileStorage, files: InboundFile[]): Promise<{ stored: StoredAttachment[]; refused: RefusedAttachment[] }> {
  const stored: StoredAttachment[] = [];
  const refused: RefusedAttachment[] = [];
  for (const file of files) {
    const detected = await fileTypeFromBuffer(file.content.subarray(0, 4100));
    const accepted = detected ? acceptedFileTypes[detected.mime] : undefined;
    const filename = displayFileName(file.filename, detected?.ext ?? "bin");
    if (!detected || !accepted) {
      refused.push({ filename, reason: "not a photo, video or PDF" });
      continue;
    }
    if (file.content.length > evidenceSizeLimits[accepted.category]) {
      refused.push({ filename, reason: `larger than ${formatBytes(evidenceSizeLimits[accepted.category])}` });
      continue;
    }
    const storageKey = `inbound/${randomUUID()}.${detected.ext}`;
    await storage.put(storageKey, Readable.from([file.content]));
    stored.push({ filename, contentType: detected.mime, size: file.content.length, storageKey, category: accepted.category });
  }
  return { stored, refused };
}

/** Clean-up after a transaction that did not commit: the files would be unreachable. */
export async function deleteMailFiles(storage: FileStorage, files: { storageKey: string }[]) {
  await Promise.all(files.map((f) => storage.delete(f.storageKey).catch(() => undefined)));
}

export const evidenceFromAttachment = (a: InboundAttachment) => {
  const category = acceptedFileTypes[a.contentType]?.category ?? "document";
  return { kind: kindForCategory[category], file: { fileName: a.filename, mimeType: a.contentType, sizeBytes: a.size, storageKey: a.storageKey } };
};
