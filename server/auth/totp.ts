import { randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { hashPassword, verifyPassword } from "./passwords.ts";

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30 s; one step either side for clock drift. */
const PERIOD = 30;
const TOLERANCE_SECONDS = PERIOD;
export const ISSUER = "Claimdesk";
export const RECOVERY_CODE_COUNT = 10;

export const newTotpSecret = () => generateSecret({ length: 20 });

export async function enrolmentMaterial(secret: string, email: string) {
  const uri = generateURI({ issuer: ISSUER, label: email, secret });
  // A data URL of an SVG: no image request leaves the page and nothing of the secret reaches a log.
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { secret, uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/**
 * The time step the code belongs to, or null. `afterStep` is the replay guard: a code from the last
 * accepted step (or earlier) is refused even though it is still inside its window.
 */
export async function checkTotp(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep != null ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

// No 0/1/o/i/l: codes are read off paper and typed by hand.
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const chunk = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");

/** Ten codes shown once; only their argon2 hashes are stored. */
export async function newRecoveryCodes(): Promise<{ plain: string[]; hashes: string[] }> {
  const plain = Array.from({ length: RECOVERY_CODE_COUNT }, () => `${chunk(5)}-${chunk(5)}`);
  const hashes = await Promise.all(plain.map((c) => hashPassword(c)));
  return { plain, hashes };
}

/** Forgiving about case, spaces and a missing dash, strict about everything else. */
export function normaliseRecoveryCode(input: string): string | null {
  const bare = input.toLowerCase().replace(/[\s-]/g, "");
  return /^[a-z0-9]{10}$/.test(bare) ? `${bare.slice(0, 5)}-${bare.slice(5)}` : null;
}

/** The id of the unused code this matches, checking each hash (at most ten, ~20 ms each). */
export async function matchRecoveryCode(code: string, candidates: { id: number; codeHash: string }[]): Promise<number | null> {
  for (const c of candidates) if (await verifyPassword(c.codeHash, code)) return c.id;
  return null;
}
