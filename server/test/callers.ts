import { eq } from "drizzle-orm";
import { storeIdsFor } from "../auth/sessions.ts";
import type { Db } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { appRouter } from "../routers/_app.ts";
import { createCallerFactory } from "../trpc/init.ts";
import { createInnerContext, type SessionUser } from "../trpc/context.ts";

const createCaller = createCallerFactory(appRouter);

export async function sessionUserByEmail(db: Db, email: string): Promise<SessionUser> {
  const [u] = await db.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email}`);
  return { ...u, sessionId: "test", storeIds: await storeIdsFor(db, u.id, u.role) };
}

export const demo = { agent: "agent@claimdesk.test", supervisor: "supervisor@claimdesk.test", admin: "admin@claimdesk.test" } as const;

/** A router caller acting as a user (or anonymous), exactly as the HTTP layer would build it. */
export function callerFor(db: Db, user: SessionUser | null, now?: Date) {
  return createCaller(createInnerContext({ db, user, now: now ? () => now : undefined }));
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
