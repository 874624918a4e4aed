import type { EvidenceKind } from "@shared/policy/enums.ts";

export type UploadResult = { id: number; number: string; version: number; offerEvidenceReceived: boolean };

/** The upload route's refusal: HTTP status, a message for people, and per-field messages when it has them. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/**
 * Multipart upload beside tRPC (files do not belong in JSON), through XMLHttpRequest because fetch cannot
 * report upload progress. Fields go first so the server can check the kind before it stores a byte.
 */
export function uploadEvidence(
  input: { number: string; version: number; kind: EvidenceKind; note?: string; file: File },
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append("kind", input.kind);
    form.append("version", String(input.version));
    if (input.note) form.append("note", input.note);
    form.append("file", input.file, input.file.name);

    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/claims/${encodeURIComponent(input.number)}/evidence`);
    xhr.setRequestHeader("x-claimdesk-upload", "1");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as { error?: string; fieldErrors?: Record<string, string[]> } & Partial<UploadResult>;
      if (xhr.status === 201) resolve(body as UploadResult);
      else reject(new UploadError(xhr.status, body.error ?? `The upload failed (HTTP ${xhr.status}).`, body.fieldErrors));
    };
    xhr.onerror = () => reject(new UploadError(0, "The upload did not reach the server. Check the connection and try again."));
    xhr.onabort = () => reject(new UploadError(0, "Upload cancelled."));
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(form);
  });
}
