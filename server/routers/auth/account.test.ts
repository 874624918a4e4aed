import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import type { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, resolveSession } from "../../auth/sessions.ts";
import type { Database } from "../../db/client.ts";
import { appRouter } from "../_app.ts";
import { createCallerFactory } from "../../trpc/init.ts";
import { createInnerContext, type Context } from "../../trpc/context.ts";
import { callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";

const now = new Date("2026-11-20T15:00:00Z");
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;

beforeAll(async () => {
  database = await openTestDatabase();
  c = await callersFor(database.db, now);
});
afterAll(() => database.close());

const createCaller = createCallerFactory(appRouter);
const rows = async <T>(q: string) => (await database.db.execute(sql.raw(q))).rows as T[];

/** A caller as the HTTP layer builds it, with a cookie jar we can read, for the procedures that sign people in. */
function httpCaller(token: string | undefined, at = now) {
  const jar = { token, set: undefined as string | undefined, cleared: false };
  const ctx: Context = {
    ...createInnerContext({ db: database.db, now: () => at }),
    meta: { userAgent: "Vitest Browser", ip: "10.0.0.9" },
    cookies: { setSession: (t) => void (jar.set = t), clearSession: () => void (jar.cleared = true), sessionToken: () => jar.token },
  };
  return { jar, ctx, caller: createCaller(ctx) };
}

async function signedIn(token: string, at = now) {
  const user = await resolveSession(database.db, token, at);
  const h = httpCaller(token, at);
  h.ctx.user = user;
  return h;
}

/** The per-field messages the error formatter sends to the form (see trpc/init.ts). */
async function fieldErrorsOf(call: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await call.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  const out: Record<string, string[]> = {};
  for (const issue of ((error as TRPCError).cause as ZodError).issues) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

const linkToken = (path: string) => decodeURIComponent(path.split("token=")[1]!);

describe("auth.setPassword", () => {
  it("works once, signs the person in, and refuses the same link again", async () => {
    const created = await c.admin.users.createUser({ email: "fresh@claimdesk.test", name: "Fresh Face", role: "agent", storeIds: ["kinetic"] });
    const token = linkToken(created.setPasswordPath);
    const { caller, jar } = httpCaller(undefined);
    const me = await caller.auth.setPassword({ token, password: "a long walk on the pier" });
    expect(me).toMatchObject({ id: created.id, role: "agent", storeIds: ["kinetic"] });
    expect(await resolveSession(database.db, jar.set, now)).toMatchObject({ id: created.id });
    const [u] = await rows<{ password_changed_at: Date | null }>(`select password_changed_at from users where id = ${created.id}`);
    expect(u!.password_changed_at).not.toBeNull();
    await expect(httpCaller(undefined).caller.auth.setPassword({ token, password: "another long passphrase" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("already used"),
    });
    await expect(c.anonymous.auth.signIn({ email: "fresh@claimdesk.test", password: "a long walk on the pier" })).resolves.toMatchObject({ id: created.id });
  });

  it("refuses a link after 72 hours, and a made-up one", async () => {
    const created = await c.admin.users.createUser({ email: "late@claimdesk.test", name: "Late Comer", role: "agent", storeIds: ["kinetic"] });
    const later = new Date(now.getTime() + 72 * 3_600_000 + 1000);
    await expect(httpCaller(undefined, later).caller.auth.setPassword({ token: linkToken(created.setPasswordPath), password: "a long walk on the pier" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(httpCaller(undefined).caller.auth.setPassword({ token: "x".repeat(43), password: "a long walk on the pier" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Just inside the window it still works.
    const almost = new Date(now.getTime() + 71 * 3_600_000);
    await expect(httpCaller(undefined, almost).caller.auth.setPassword({ token: linkToken(created.setPasswordPath), password: "a long walk on the pier" })).resolves.toBeDefined();
  });

  it("names the field when the password is common, too short or the e-mail", async () => {
    const created = await c.admin.users.createUser({ email: "picky@claimdesk.test", name: "Picky", role: "agent", storeIds: ["kinetic"] });
    const token = linkToken(created.setPasswordPath);
    const attempt = (password: string) => httpCaller(undefined).caller.auth.setPassword({ token, password });
    for (const common of ["qwertyuiop123", "PasswordPassword", "123456789012"]) {
      expect(await fieldErrorsOf(attempt(common))).toMatchObject({ password: [expect.stringContaining("most common")] });
    }
    expect(await fieldErrorsOf(attempt("short"))).toMatchObject({ password: ["Use at least 12 characters."] });
    expect(await fieldErrorsOf(attempt("Picky@claimdesk.test"))).toMatchObject({ password: [expect.stringContaining("e-mail")] });
    // None of the refusals spent the link.
    await expect(attempt("correct horse battery staple")).resolves.toMatchObject({ id: created.id });
  });
});

describe("signed-in account procedures", () => {
  it("changing the password keeps this session and ends the others", async () => {
    const created = await c.admin.users.createUser({ email: "mover@claimdesk.test", name: "Mover", role: "agent", storeIds: ["kinetic"] });
    await httpCaller(undefined).caller.auth.setPassword({ token: linkToken(created.setPasswordPath), password: "first long passphrase" });
    const here = await createSession(database.db, { userId: created.id, ttlHours: 12, now });
    const there = await createSession(database.db, { userId: created.id, ttlHours: 12, now });
    const { caller } = await signedIn(here.token);
    expect(await fieldErrorsOf(caller.auth.changePassword({ currentPassword: "wrong one", newPassword: "second long passphrase" }))).toMatchObject({ currentPassword: ["Your current password is incorrect."] });
    expect(await fieldErrorsOf(caller.auth.changePassword({ currentPassword: "first long passphrase", newPassword: "iloveyouiloveyou" }))).toMatchObject({ newPassword: [expect.stringContaining("most common")] });
    await expect(caller.auth.changePassword({ currentPassword: "first long passphrase", newPassword: "second long passphrase" })).resolves.toMatchObject({ otherSessionsEnded: 2 });
    expect(await resolveSession(database.db, here.token, now)).not.toBeNull();
    expect(await resolveSession(database.db, there.token, now)).toBeNull();
    await expect(c.anonymous.auth.signIn({ email: "mover@claimdesk.test", password: "first long passphrase" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(c.anonymous.auth.signIn({ email: "mover@claimdesk.test", password: "second long passphrase" })).resolves.toBeDefined();
  });

  it("lists own sessions with this one marked, and signs out one or all the others", async () => {
    const agentId = c.users.agent.id;
    const a = await createSession(database.db, { userId: agentId, ttlHours: 12, now, userAgent: "Firefox on Linux", ip: "10.1.1.1" });
    const b = await createSession(database.db, { userId: agentId, ttlHours: 12, now, userAgent: "Safari on iPhone", ip: "10.2.2.2" });
    const d = await createSession(database.db, { userId: agentId, ttlHours: 12, now, userAgent: "Edge", ip: "10.3.3.3" });
    const { caller, jar } = await signedIn(a.token);
    const list = await caller.auth.listSessions();
    expect(list[0]).toMatchObject({ current: true, userAgent: "Firefox on Linux", ip: "10.1.1.1" });
    expect(list.filter((s) => s.current)).toHaveLength(1);
    expect(list.length).toBeGreaterThanOrEqual(3);

    const bId = list.find((s) => s.userAgent === "Safari on iPhone")!.id;
    await caller.auth.signOutSession({ id: bId });
    expect(await resolveSession(database.db, b.token, now)).toBeNull();
    // Someone else's session is not yours to end.
    const admin = await createSession(database.db, { userId: c.users.admin.id, ttlHours: 12, now });
    const adminId = (await (await signedIn(admin.token)).caller.auth.listSessions()).find((s) => s.current)!.id;
    await expect(caller.auth.signOutSession({ id: adminId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await resolveSession(database.db, admin.token, now)).not.toBeNull();

    await caller.auth.signOutOtherSessions();
    expect(await resolveSession(database.db, d.token, now)).toBeNull();
    expect(await resolveSession(database.db, a.token, now)).not.toBeNull();
    expect(jar.cleared).toBe(false);
    await expect(c.anonymous.auth.listSessions()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
