import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";

/**
 * Where evidence files live. Keys are ours (never a person's file name), so a name like
 * "../../etc/passwd" can only ever be a label in the database. Disk today; an object store can
 * implement the same three calls.
 */
export interface FileStorage {
  /** Writes the whole stream under `key`; the object appears only once it is complete. */
  put(key: string, stream: Readable): Promise<{ sizeBytes: number }>;
  /** The stored bytes, or null when nothing is stored under `key`. */
  get(key: string): Promise<{ stream: Readable; sizeBytes: number } | null>;
  /** Removes the object; deleting a missing key is not an error (clean-up after a failed write). */
  delete(key: string): Promise<void>;
}

/** Keys are lower-case path segments of letters, digits, dots and dashes; no "..", no leading slash. */
export const storageKeyPattern = /^(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*$/;

export function assertStorageKey(key: string): void {
  if (!storageKeyPattern.test(key) || key.split("/").some((segment) => segment === "." || segment === ".." || segment.includes(".."))) {
    throw new Error(`Invalid storage key "${key}".`);
  }
}

/** A fresh key for one claim's evidence file; `ext` comes from the sniffed type, never from the upload's name. */
export function newEvidenceKey(claimId: number, ext: string): string {
  const key = `claims/${claimId}/${randomUUID()}.${ext.toLowerCase().replace(/[^a-z0-9]/g, "")}`;
  assertStorageKey(key);
  return key;
}
