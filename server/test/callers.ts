import { eq } from "drizzle-orm";
import { storeIdsFor } from "../auth/sessions.ts";
import type { Db } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { appRouter } from "../routers/_app.ts";
import { createCallerFactory } from "../trpc/init.ts";
import { createInnerContext, type SessionUser } from "../trpc/context.ts";

const createCaller = createCallerFactory(appRouter);

/** "verified": TOTP enrolled and checked on this session (the default, so approvals and admin changes work); "none": no TOTP; "pending": password done, code not yet. */
export type SecondFactorState = "verified" | "none" | "pending";
const secondFactorOf = { verified: { enrolled: true, verified: true }, none: { enrolled: false, verified: false }, pending: { enrolled: true, verified: false } } as const;

export async function sessionUserByEmail(db: Db, email: string, secondFactor: SecondFactorState = "verified"): Promise<SessionUser> {
  const [u] = await db.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email}`);
  return { ...u, sessionId: "test", storeIds: await storeIdsFor(db, u.id, u.role), secondFactor: { ...secondFactorOf[secondFactor] } };
}

/** The same person in another second-factor state (e.g. a supervisor who has not set up TOTP). */
export const withSecondFactor = (user: SessionUser, state: SecondFactorState): SessionUser => ({ ...user, secondFactor: { ...secondFactorOf[state] } });

export const demo = { agent: "agent@claimdesk.test", supervisor: "supervisor@claimdesk.test", admin: "admin@claimdesk.test" } as const;

/** A router caller acting as a user (or anonymous), exactly as the HTTP layer would build it; `ip` turns on the per-address limits. */
export function callerFor(db: Db, user: SessionUser | null, now?: Date, opts: { ip?: string } = {}) {
  return createCaller(createInnerContext({ db, user, now: now ? () => now : undefined, meta: opts.ip ? { ip: opts.ip } : {} }));
}

export async function callersFor(db: Db, now?: Date) {
  const [agent, supervisor, admin] = await Promise.all([demo.agent, demo.supervisor, demo.admin].map((e) => sessionUserByEmail(db, e)));
  return {
    users: { agent: agent!, supervisor: supervisor!, admin: admin! },
    anonymous: callerFor(db, null, now),
    agent: callerFor(db, agent!, now),
    supervisor: callerFor(db, supervisor!, now),
    admin: callerFor(db, admin!, now),
  };
}
