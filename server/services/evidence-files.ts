import path from "node:path";
import { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import type { EvidenceKind } from "../../shared/policy/enums.ts";
import { acceptedFileTypes, evidenceSizeLimits, fileProblem, formatBytes, type FileCategory } from "../../shared/schemas/evidence.ts";
import { newEvidenceKey, type FileStorage } from "../storage/storage.ts";

/** A refusal of the file itself, with the HTTP status that says why (413 too large, 415 not a type we take, 422 wrong for the kind). */
export class EvidenceFileError extends Error {
  constructor(
    readonly status: 413 | 415 | 422,
    message: string,
  ) {
    super(message);
  }
}

/** Enough bytes for file-type to recognise every format we accept (its own "reasonable" sample). */
const SNIFF_BYTES = 4100;

export type ReceivedFile = { storageKey: string; fileName: string; mimeType: string; category: FileCategory; sizeBytes: number };

/**
 * The person's file name as a display label only: no folders, no control characters, no bidirectional controls
 * (U+202E turned "photo‮gpj.exe" into what reads as "photoexe.jpg"), bounded length.
 */
export function displayFileName(name: string | undefined, ext: string): string {
  const base = path
    .basename((name ?? "").replace(/\\/g, "/"))
    .replace(/[\u0000-\u001f\u007f-\u009f"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim();
  return (base || `evidence.${ext}`).slice(-200);
}

/**
 * The name a download is saved under: the display name cleaned again (older rows predate the bidi rule), ending
 * in the extension of the type sniffed at upload, so what the browser saves opens as what it is.
 */
export function downloadFileName(name: string | null | undefined, mimeType: string, fallback: string): string {
  const extensions = acceptedFileTypes[mimeType]?.extensions ?? ["bin"];
  const clean = (name ? displayFileName(name, extensions[0]!) : fallback).replace(/[/:*?<>|]/g, "_");
  const dot = clean.lastIndexOf(".");
  const ext = dot > 0 ? clean.slice(dot + 1).toLowerCase() : "";
  return extensions.includes(ext) ? clean : `${clean}.${extensions[0]}`;
}

async function readHead(iterator: AsyncIterator<Buffer>): Promise<{ head: Buffer; done: boolean }> {
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) return { head: Buffer.concat(chunks), done: true };
    chunks.push(next.value);
    length += next.value.length;
  }
  return { head: Buffer.concat(chunks), done: false };
}

/**
 * Sniffs the upload's content (never its name or the client's header), refuses what we do not accept,
 * and streams it into storage under a generated key, stopping as soon as it passes its category's limit.
 * The source is never destroyed, so the caller can drain the rest of the request and still answer.
 * `kind`, when the form sent it before the file, is checked before a byte is stored.
 */
export async function receiveEvidenceFile(
  storage: FileStorage,
  opts: { claimId: number; kind?: EvidenceKind; fileName?: string; source: Readable },
): Promise<ReceivedFile> {
  const iterator = opts.source.iterator({ destroyOnReturn: false })[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  try {
    return await sniffAndStore(storage, opts, iterator);
  } catch (error) {
    // Read the rest of the refused file so the request completes and the person gets the answer.
    while (!(await iterator.next().catch(() => ({ done: true }))).done);
    throw error;
  }
}

async function sniffAndStore(
  storage: FileStorage,
  opts: { claimId: number; kind?: EvidenceKind; fileName?: string },
  iterator: AsyncIterator<Buffer>,
): Promise<ReceivedFile> {
  const { head, done } = await readHead(iterator);
  if (head.length === 0) throw new EvidenceFileError(422, "The file is empty.");
  const detected = await fileTypeFromBuffer(head);
  const accepted = detected ? acceptedFileTypes[detected.mime] : undefined;
  if (!detected || !accepted) {
    const what = detected ? `a ${detected.ext.toUpperCase()} file` : "not a file type we can recognise";
    throw new EvidenceFileError(
      415,
      `"${displayFileName(opts.fileName, "bin")}" is ${what}, whatever its name says. Evidence must be a photo (JPEG, PNG, WebP, HEIC), a video (MP4, QuickTime, WebM) or a PDF.`,
    );
  }
  const limit = evidenceSizeLimits[accepted.category];
  if (opts.kind) {
    const problem = fileProblem(opts.kind, accepted.category, 0);
    if (problem) throw new EvidenceFileError(problem.status, problem.message);
  }

  let sizeBytes = head.length;
  const tooLarge = () => new EvidenceFileError(413, `This file is larger than ${formatBytes(limit)}, the limit for ${accepted.category === "video" ? "videos" : accepted.category === "image" ? "photos" : "documents"}.`);
  if (sizeBytes > limit) throw tooLarge();
  async function* bounded() {
    yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      sizeBytes += next.value.length;
      if (sizeBytes > limit) throw tooLarge();
      yield next.value;
    }
  }

  const storageKey = newEvidenceKey(opts.claimId, detected.ext);
  await storage.put(storageKey, Readable.from(bounded()));
  return { storageKey, fileName: displayFileName(opts.fileName, detected.ext), mimeType: detected.mime, category: accepted.category, sizeBytes };
}
