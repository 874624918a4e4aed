import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { idempotencyKeys } from "../../db/schema/index.ts";
import { ApiProblem } from "./errors.ts";

export type ApiResult = { status: number; body: unknown };

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The `Idempotency-Key` header every POST and PUT must carry (printable ASCII, at most 255 characters). */
export function idempotencyKeyOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) throw new ApiProblem(400, "idempotency_key_required", "Send an Idempotency-Key header (e.g. a UUID) so a retried request is not applied twice.");
  if (!KEY_PATTERN.test(value)) throw new ApiProblem(400, "validation_failed", "The Idempotency-Key header is 1–255 printable ASCII characters.", { "header.Idempotency-Key": ["1–255 printable ASCII characters."] });
  return value;
}

export const requestHash = (...parts: (string | Buffer)[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\u0000");
  return h.digest("hex");
};

/**
 * Runs `act` at most once per (API key, Idempotency-Key). The key's row is inserted first in the same
 * transaction as everything `act` writes: a concurrent duplicate blocks on that row until the first
 * commits, then replays its answer; if the first fails (any refusal rolls back), the row is gone and the
 * retry runs afresh. Only successful answers are stored, so fixing a refused request needs no new key.
 */
export async function runIdempotent(db: Db, apiKeyId: number, key: string, hash: string, act: (tx: Tx) => Promise<ApiResult>): Promise<ApiResult & { replayed: boolean }> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx.insert(idempotencyKeys).values({ apiKeyId, key, requestHash: hash }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
    if (!claimed) {
      const [prev] = await tx
        .select({ requestHash: idempotencyKeys.requestHash, statusCode: idempotencyKeys.statusCode, response: idempotencyKeys.response })
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key)));
      if (!prev || prev.statusCode === null) throw new ApiProblem(409, "request_in_progress", "A request with this Idempotency-Key is still being processed; retry in a moment.");
      if (prev.requestHash !== hash) {
        throw new ApiProblem(422, "idempotency_mismatch", "This Idempotency-Key was already used for a different request; use a new key for a new request.", {
          "header.Idempotency-Key": ["Already used for a different request."],
        });
      }
      return { status: prev.statusCode, body: prev.response, replayed: true };
    }
    const result = await act(tx);
    await tx
      .update(idempotencyKeys)
      .set({ statusCode: result.status, response: result.body })
      .where(and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key)));
    return { ...result, replayed: false };
  });
}
