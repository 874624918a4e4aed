import { z } from "zod";
import { evidenceKinds, type EvidenceKind } from "../policy/enums.ts";

// Evidence inputs and file rules. The upload form checks type and size with these same tables before
// sending a byte; the server checks them again on the sniffed content (never the name or the header).

export const evidenceKindLabels: Record<EvidenceKind, string> = {
  photo: "Photo",
  video: "Video",
  packaging_photo: "Packaging photo",
  panoramic_photo: "Panoramic photo",
  comparison_screenshot: "Comparison screenshot",
  fault_statement: "Fault statement",
  invoice_number: "Invoice number",
  serial_number: "Serial number",
  tracking_number: "Tracking number",
  connection_video: "Connection video",
};

/** A requirement's label: a kind, or `photo_or_video` (either counts). */
export const requirementLabel = (kind: string) => (kind === "photo_or_video" ? "Photo or video" : (evidenceKindLabels[kind as EvidenceKind] ?? kind));

export type FileCategory = "image" | "video" | "document";

/** What we accept, by the MIME type file-type reports for the content. */
export const acceptedFileTypes: Record<string, { category: FileCategory; label: string; extensions: readonly string[] }> = {
  "image/jpeg": { category: "image", label: "JPEG", extensions: ["jpg", "jpeg"] },
  "image/png": { category: "image", label: "PNG", extensions: ["png"] },
  "image/webp": { category: "image", label: "WebP", extensions: ["webp"] },
  "image/heic": { category: "image", label: "HEIC", extensions: ["heic", "heif"] },
  "image/heif": { category: "image", label: "HEIC", extensions: ["heic", "heif"] },
  "video/mp4": { category: "video", label: "MP4", extensions: ["mp4"] },
  "video/quicktime": { category: "video", label: "QuickTime", extensions: ["mov", "qt"] },
  "video/webm": { category: "video", label: "WebM", extensions: ["webm"] },
  "application/pdf": { category: "document", label: "PDF", extensions: ["pdf"] },
};

const MB = 1024 * 1024;
/** Per category, in bytes: photos and documents stay mail-sized, videos get room for a minute or two of phone video. */
export const evidenceSizeLimits: Record<FileCategory, number> = { image: 15 * MB, document: 15 * MB, video: 200 * MB };
export const maxEvidenceFileBytes = Math.max(...Object.values(evidenceSizeLimits));

export const categoryLabels: Record<FileCategory, string> = {
  image: "a photo (JPEG, PNG, WebP or HEIC)",
  video: "a video (MP4, QuickTime or WebM)",
  document: "a PDF document",
};

/**
 * Which files count as which kind: the engine counts kinds (X5), so a "connection video" that is a PDF
 * would satisfy K2 on paper only. Kinds with `text` may be recorded without a file (the number or statement).
 */
export const evidenceKindRules: Record<EvidenceKind, { files: readonly FileCategory[]; text: boolean }> = {
  photo: { files: ["image"], text: false },
  video: { files: ["video"], text: false },
  packaging_photo: { files: ["image"], text: false },
  panoramic_photo: { files: ["image"], text: false },
  comparison_screenshot: { files: ["image", "document"], text: false },
  fault_statement: { files: ["document", "image"], text: true },
  invoice_number: { files: ["document", "image"], text: true },
  serial_number: { files: ["image"], text: true },
  tracking_number: { files: ["image", "document"], text: true },
  connection_video: { files: ["video"], text: false },
};
export const textEvidenceKinds = evidenceKinds.filter((k) => evidenceKindRules[k].text);

export const formatBytes = (n: number) =>
  n >= MB ? `${(n / MB).toFixed(n >= 10 * MB ? 0 : 1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`;

const list = (items: readonly string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`);

/** Why a file of this category and size cannot be this kind of evidence, or null when it can. */
export function fileProblem(kind: EvidenceKind, category: FileCategory, sizeBytes: number): { status: 413 | 422; message: string } | null {
  const rule = evidenceKindRules[kind];
  if (!rule.files.includes(category)) {
    return { status: 422, message: `${evidenceKindLabels[kind]} must be ${list(rule.files.map((c) => categoryLabels[c]))}; this file is ${categoryLabels[category]}.` };
  }
  const limit = evidenceSizeLimits[category];
  if (sizeBytes > limit) {
    return { status: 413, message: `This file is ${formatBytes(sizeBytes)}; ${category === "video" ? "videos" : category === "image" ? "photos" : "documents"} may be at most ${formatBytes(limit)}.` };
  }
  return null;
}

const claimNumber = z.string().trim().regex(/^CLM-\d{6,}$/i, "Claim numbers look like CLM-000123.");
const version = z.number({ error: "Unknown claim version." }).int().positive("Unknown claim version.");
const note = z
  .string()
  .trim()
  .max(2000, "Notes are at most 2000 characters.")
  .optional()
  .transform((v) => (v ? v : undefined));
const kind = z.enum(evidenceKinds, { error: "Pick the kind of evidence." });

export const claimNumberInput = z.object({ number: claimNumber });

/** The upload's form fields (multipart: strings, so the version is coerced). */
export const uploadEvidenceFields = z.object({ version: z.coerce.number({ error: "Unknown claim version." }).int().positive("Unknown claim version."), kind, note });
export type UploadEvidenceFields = z.input<typeof uploadEvidenceFields>;
/** The upload form's own fields (the file is checked with `fileProblem`, the version comes from the page). */
export const uploadEvidenceForm = z.object({ kind, note });
export type UploadEvidenceForm = z.input<typeof uploadEvidenceForm>;

/** Evidence without a file: the number or the statement is the note. */
function checkTextEvidence(v: { kind: EvidenceKind; note?: string }, ctx: z.RefinementCtx) {
  if (!evidenceKindRules[v.kind].text) {
    ctx.addIssue({
      code: "custom",
      path: ["kind"],
      message: `Only ${list(textEvidenceKinds.map((k) => evidenceKindLabels[k].toLowerCase()))} can be recorded without a file; upload the file instead.`,
    });
  }
  if ((v.note?.length ?? 0) < 3) ctx.addIssue({ code: "custom", path: ["note"], message: "Write the number or the statement (at least 3 characters)." });
}
export const addEvidenceItemForm = z.object({ kind, note }).superRefine(checkTextEvidence);
export type AddEvidenceItemForm = z.input<typeof addEvidenceItemForm>;
export const addEvidenceItemInput = z.object({ number: claimNumber, version, kind, note }).superRefine(checkTextEvidence);
export type AddEvidenceItemInput = z.input<typeof addEvidenceItemInput>;

export const requestEvidenceInput = z.object({
  number: claimNumber,
  version,
  note: z
    .string()
    .trim()
    .max(1000, "The note is at most 1000 characters.")
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type RequestEvidenceInput = z.input<typeof requestEvidenceInput>;

export const previewEvidenceRequestInput = requestEvidenceInput.omit({ version: true });
