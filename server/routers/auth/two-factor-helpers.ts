import { eq } from "drizzle-orm";
import { hashPassword } from "../../auth/passwords.ts";
import { createSession, resolveSession } from "../../auth/sessions.ts";
import type { Db } from "../../db/client.ts";
import { users } from "../../db/schema/index.ts";
import { callerFor } from "../../test/callers.ts";
import { createInnerContext } from "../../trpc/context.ts";
import { appRouter } from "../_app.ts";

export const PASSWORD = "correct horse battery staple";
let made = 0;

/** A fresh person with a password, so each test owns its TOTP state and failure counts. */
export async function personWithPassword(db: Db, role: "agent" | "supervisor" | "admin" = "supervisor") {
  const [u] = await db
    .insert(users)
    .values({ email: `tf-${process.pid}-${++made}-${Math.random().toString(36).slice(2, 6)}@claimdesk.test`, name: `Two Factor ${made}`, role, passwordHash: await hashPassword(PASSWORD) })
    .returning({ id: users.id, email: users.email });
  return u!;
}

/** A real session row, resolved as the HTTP layer would, and a caller acting through it. */
export async function sessionCaller(db: Db, userId: number, now: Date, opts: { ip?: string } = {}) {
  const { token } = await createSession(db, { userId, ttlHours: 12, now });
  const user = (await resolveSession(db, token, now))!;
  return { token, user, caller: callerFor(db, user, now, opts), resolve: (at = now) => resolveSession(db, token, at) };
}

/** Signs in through the router with a cookie jar, returning the token the browser would keep. */
export async function signInThroughRouter(db: Db, email: string, password: string, now: Date, ip?: string) {
  let token: string | undefined;
  const ctx = createInnerContext({ db, now: () => now, meta: ip ? { ip } : {} });
  ctx.cookies = { setSession: (t) => (token = t), clearSession: () => {}, sessionToken: () => undefined };
  const result = await appRouter.createCaller(ctx).auth.signIn({ email, password });
  return { result, token: token! };
}

export const userRow = async (db: Db, id: number) => (await db.select().from(users).where(eq(users.id, id)))[0]!;
