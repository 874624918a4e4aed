import type { FastifyBaseLogger } from "fastify";
import type { Role } from "../../shared/roles.ts";
import type { Db } from "../db/client.ts";

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** Stores this person may see; `null` means every store (admins). */
  storeIds: string[] | null;
  sessionId: string;
  /**
   * TOTP state of the person and this session. Absent means no TOTP and no check (system actors, old helpers):
   * enrolled without verified is a sign-in halfway through its second step.
   */
  secondFactor?: { enrolled: boolean; verified: boolean };
};

/** The transport-free part of the context, so router tests build it with a real database and no HTTP. */
export type InnerContext = {
  db: Db;
  user: SessionUser | null;
  log?: FastifyBaseLogger;
  now: () => Date;
  settings: { sessionTtlHours: number };
};

export type CookieJar = {
  setSession: (token: string, expiresAt: Date) => void;
  clearSession: () => void;
  sessionToken: () => string | undefined;
};

export type Context = InnerContext & {
  cookies?: CookieJar;
  meta: { ip?: string; userAgent?: string };
};

export function createInnerContext(opts: {
  db: Db;
  user?: SessionUser | null;
  now?: () => Date;
  log?: FastifyBaseLogger;
  settings?: InnerContext["settings"];
  meta?: Context["meta"];
}): Context {
  return {
    db: opts.db,
    user: opts.user ?? null,
    now: opts.now ?? (() => new Date()),
    log: opts.log,
    settings: opts.settings ?? { sessionTtlHours: 12 },
    meta: opts.meta ?? {},
  };
}
