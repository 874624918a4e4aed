import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { createSession, resolveSession } from "../../auth/sessions.ts";
import { callerFor, callersFor, sessionUserByEmail, demo } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";
import { createInnerContext } from "../../trpc/context.ts";
import { appRouter } from "../_app.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("auth", () => {
  it("signs in with the right password and sets a session cookie that resolves to the user", async () => {
    let cookie: { token: string; expiresAt: Date } | undefined;
    const ctx = createInnerContext({ db: database.db });
    ctx.cookies = { setSession: (token, expiresAt) => (cookie = { token, expiresAt }), clearSession: () => {}, sessionToken: () => undefined };
    const me = await appRouter.createCaller(ctx).auth.signIn({ email: "Agent@Claimdesk.test ", password: "agent-demo-2026" });
    expect(me).toMatchObject({ name: "Alex Agent", role: "agent", storeIds: ["atelier", "kinetic", "layerworks"] });
    expect(cookie?.token).toMatch(/^[\w-]{40,}$/);
    const resolved = await resolveSession(database.db, cookie!.token, new Date());
    expect(resolved?.email).toBe(demo.agent);
  });

  it("gives one UNAUTHORIZED answer for a wrong password and an unknown e-mail", async () => {
    const anon = callerFor(database.db, null);
    await expect(anon.auth.signIn({ email: demo.agent, password: "wrong" })).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "E-mail or password is incorrect." });
    await expect(anon.auth.signIn({ email: "nobody@claimdesk.test", password: "x" })).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "E-mail or password is incorrect." });
  });

  it("rejects a malformed e-mail with a field error", async () => {
    const anon = callerFor(database.db, null);
    await expect(anon.auth.signIn({ email: "not-an-email", password: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("expires sessions after their lifetime", async () => {
    const user = await sessionUserByEmail(database.db, demo.supervisor);
    const now = new Date("2026-11-01T10:00:00Z");
    const { token } = await createSession(database.db, { userId: user.id, ttlHours: 12, now });
    expect(await resolveSession(database.db, token, new Date("2026-11-01T21:59:00Z"))).not.toBeNull();
    expect(await resolveSession(database.db, token, new Date("2026-11-01T22:00:01Z"))).toBeNull();
    expect(await resolveSession(database.db, "forged-token", now)).toBeNull();
  });

  it("answers `me` with null when signed out and 401 on protected procedures", async () => {
    const { anonymous, agent } = await callersFor(database.db);
    expect(await anonymous.auth.me()).toBeNull();
    await expect(anonymous.claims.listClaims({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await agent.auth.me()).toMatchObject({ role: "agent" });
  });

  it("signs out by deleting the session", async () => {
    const user = await sessionUserByEmail(database.db, demo.agent);
    const { token } = await createSession(database.db, { userId: user.id, ttlHours: 1, now: new Date() });
    const ctx = createInnerContext({ db: database.db, user });
    let cleared = false;
    ctx.cookies = { setSession: () => {}, clearSession: () => (cleared = true), sessionToken: () => token };
    await appRouter.createCaller(ctx).auth.signOut();
    expect(cleared).toBe(true);
    expect(await resolveSession(database.db, token, new Date())).toBeNull();
  });
});
