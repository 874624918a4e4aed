import { createHash, randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { z } from "zod";
import type { createApiKeyInput } from "../../shared/schemas/store-api.ts";
import type { Db, DbOrTx } from "../db/client.ts";
import { apiKeys, stores, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { recordAdminAudit } from "./admin-audit.ts";

/** `cdk_live_<prefix>_<secret>`: the prefix names the key in lists and logs; the 32-byte secret is never stored. */
const KEY_PATTERN = /^cdk_live_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

export const hashApiKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

function newKey() {
  const prefix = randomBytes(8).toString("hex").slice(0, 10);
  const secret = randomBytes(32).toString("base64url");
  return { prefix, key: `cdk_live_${prefix}_${secret}` };
}

export async function listApiKeys(db: DbOrTx) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      storeId: apiKeys.storeId,
      storeName: stores.name,
      rateLimitPerMinute: apiKeys.rateLimitPerMinute,
      createdAt: apiKeys.createdAt,
      createdByName: users.name,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .innerJoin(stores, eq(stores.id, apiKeys.storeId))
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** Returns the whole key once; only its SHA-256 is kept (a leaked database cannot call the API). */
export async function createApiKey(db: Db, user: SessionUser, input: z.output<typeof createApiKeyInput>, now: Date) {
  return db.transaction(async (tx) => {
    const [store] = await tx.select({ id: stores.id, name: stores.name }).from(stores).where(eq(stores.id, input.storeId));
    if (!store) throw new TRPCError({ code: "BAD_REQUEST", message: `There is no store called ${input.storeId}.` });
    const { prefix, key } = newKey();
    const [row] = await tx
      .insert(apiKeys)
      .values({ storeId: store.id, name: input.name, prefix, keyHash: hashApiKey(key), rateLimitPerMinute: input.rateLimitPerMinute, createdById: user.id, createdAt: now })
      .returning({ id: apiKeys.id });
    await recordAdminAudit(tx, {
      actorId: user.id,
      action: "api_key_created",
      targetType: "api_key",
      targetId: row!.id,
      data: { storeId: store.id, name: input.name, prefix, rateLimitPerMinute: input.rateLimitPerMinute },
      at: now,
    });
    return { id: row!.id, prefix, storeId: store.id, storeName: store.name, name: input.name, key };
  });
}

export async function revokeApiKey(db: Db, user: SessionUser, id: number, now: Date) {
  return db.transaction(async (tx) => {
    const [key] = await tx.select({ id: apiKeys.id, prefix: apiKeys.prefix, storeId: apiKeys.storeId, revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, id)).for("update");
    if (!key) throw new TRPCError({ code: "NOT_FOUND", message: "No such API key." });
    if (key.revokedAt) throw new TRPCError({ code: "PRECONDITION_FAILED", message: `Key ${key.prefix} was already revoked.` });
    await tx.update(apiKeys).set({ revokedAt: now, revokedById: user.id }).where(eq(apiKeys.id, id));
    await recordAdminAudit(tx, { actorId: user.id, action: "api_key_revoked", targetType: "api_key", targetId: id, data: { storeId: key.storeId, prefix: key.prefix }, at: now });
    return { id, revokedAt: now };
  });
}

export type ApiCaller = { id: number; storeId: string; prefix: string; rateLimitPerMinute: number };

/** The live key behind a bearer token, or null (unknown, malformed or revoked: all answered 401 alike). */
export async function authenticateApiKey(db: Db, token: string | undefined, now: Date): Promise<ApiCaller | null> {
  if (!token || !KEY_PATTERN.test(token)) return null;
  const [key] = await db
    .select({ id: apiKeys.id, storeId: apiKeys.storeId, prefix: apiKeys.prefix, rateLimitPerMinute: apiKeys.rateLimitPerMinute })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(token)), isNull(apiKeys.revokedAt)));
  if (!key) return null;
  // At most one write a minute per key: "last used" is for people, not an access log.
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - 60_000)))));
  return key;
}
