import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { passwordTokens } from "../db/schema/index.ts";
import { hashToken } from "./sessions.ts";

export const PASSWORD_LINK_TTL_HOURS = 72;
export type PasswordTokenPurpose = "set_password" | "reset_password";

export const setPasswordPath = (token: string) => `/set-password?token=${encodeURIComponent(token)}`;

/**
 * Issues a one-time link and retires the person's earlier unused ones, so only the newest link works.
 * The token itself is returned once and never stored: only its SHA-256 is.
 */
export async function issuePasswordToken(
  tx: DbOrTx,
  opts: { userId: number; purpose: PasswordTokenPurpose; createdById: number; now: Date },
): Promise<{ path: string; expiresAt: Date }> {
  await tx
    .update(passwordTokens)
    .set({ usedAt: opts.now })
    .where(and(eq(passwordTokens.userId, opts.userId), isNull(passwordTokens.usedAt)));
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(opts.now.getTime() + PASSWORD_LINK_TTL_HOURS * 3_600_000);
  await tx.insert(passwordTokens).values({
    id: hashToken(token),
    userId: opts.userId,
    purpose: opts.purpose,
    createdById: opts.createdById,
    expiresAt,
    createdAt: opts.now,
  });
  return { path: setPasswordPath(token), expiresAt };
}
