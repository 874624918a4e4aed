import type { EvidenceKind } from "@shared/policy/enums.ts";
import { acceptedFileTypes, categoryLabels, fileProblem, type FileCategory } from "@shared/schemas/evidence.ts";

const byExtension = new Map<string, FileCategory>(
  Object.values(acceptedFileTypes).flatMap((t) => t.extensions.map((ext) => [ext, t.category] as const)),
);

/** The `accept` attribute for the file picker: every type and extension the server takes. */
export const acceptAttribute = [...new Set([...Object.keys(acceptedFileTypes), ...[...byExtension.keys()].map((e) => `.${e}`)])].join(",");

/**
 * A first check in the browser, from the name and the browser's guess: saves sending 200 MB to hear "too
 * large". The server decides on the content itself, so a renamed file is still refused there.
 */
export function checkFile(kind: EvidenceKind, file: File): string | null {
  const ext = file.name.split(".").pop()?.toLowerCase() ?? "";
  const category = acceptedFileTypes[file.type]?.category ?? byExtension.get(ext);
  if (!category) {
    return `"${file.name}" is not a file type we accept: send ${Object.values(categoryLabels).join(", ").replace(/, ([^,]*)$/, " or $1")}.`;
  }
  if (file.size === 0) return "The file is empty.";
  return fileProblem(kind, category, file.size)?.message ?? null;
}
