import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, hashToken } from "../../auth/sessions.ts";
import { sessions, users } from "../../db/schema/index.ts";
import { demo } from "../callers.ts";
import { openHttpHarness, trpcRequest, type HttpHarness } from "./http-harness.ts";

// Session fixation, expiry and revocation, over HTTP with the real cookie handling.

let h: HttpHarness;
beforeAll(async () => {
  h = await openHttpHarness();
});
afterAll(() => h.close());

const me = async (token: string) => (await h.app.inject(trpcRequest("auth.me", "query", undefined, token))).json().result.data.json;
const listClaims = (token: string) => h.app.inject(trpcRequest("claims.listClaims", "query", {}, token));
const signIn = (email: string, password: string, preset?: string) =>
  h.app.inject({ ...trpcRequest("auth.signIn", "mutation", { email, password }, preset) });
const userId = async (email: string) => (await h.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

describe("session fixation", () => {
  it("issues a fresh session id at sign-in and never adopts a token the browser already carried", async () => {
    const planted = "attacker-chosen-token-0123456789abcdef";
    const res = await signIn(demo.agent, "agent-demo-2026", planted);
    expect(res.statusCode).toBe(200);
    const issued = res.cookies.find((c) => c.name === "cd_session")!.value;
    expect(issued).not.toBe(planted);
    expect(issued.length).toBeGreaterThanOrEqual(40);
    expect(await me(planted)).toBeNull();
    expect(await me(issued)).toMatchObject({ email: demo.agent });
    const [planted_row] = await h.db.select().from(sessions).where(eq(sessions.id, hashToken(planted)));
    expect(planted_row).toBeUndefined();
  });

  it("does not hand the victim's sign-in to an attacker who planted their own valid session", async () => {
    const attacker = (await createSession(h.db, { userId: await userId(demo.supervisor), ttlHours: 1, now: new Date() })).token;
    const res = await signIn(demo.agent, "agent-demo-2026", attacker);
    const issued = res.cookies.find((c) => c.name === "cd_session")!.value;
    expect(issued).not.toBe(attacker);
    expect(await me(attacker)).toMatchObject({ email: demo.supervisor });
    expect(await me(issued)).toMatchObject({ email: demo.agent });
  });

  it("stores only a hash of the token, so a leaked sessions table signs nobody in", async () => {
    const res = await signIn(demo.agent, "agent-demo-2026");
    const issued = res.cookies.find((c) => c.name === "cd_session")!.value;
    const rows = await h.db.select({ id: sessions.id }).from(sessions);
    expect(rows.map((r) => r.id)).not.toContain(issued);
    expect(rows.map((r) => r.id)).toContain(hashToken(issued));
  });
});

describe("session expiry and revocation", () => {
  it("answers 401 once the session has expired, and a forged or empty cookie is simply signed out", async () => {
    const longAgo = new Date(Date.now() - 48 * 3_600_000);
    const expired = (await createSession(h.db, { userId: await userId(demo.agent), ttlHours: 12, now: longAgo })).token;
    const res = await listClaims(expired);
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain("CLM-");
    for (const forged of ["", "x", "' or 1=1 --", "a".repeat(5000)]) expect((await listClaims(forged)).statusCode).toBe(401);
  });

  it("ends the session on the server at sign-out: the old cookie no longer works", async () => {
    const issued = (await signIn(demo.agent, "agent-demo-2026")).cookies.find((c) => c.name === "cd_session")!.value;
    expect((await listClaims(issued)).statusCode).toBe(200);
    const out = await h.app.inject(trpcRequest("auth.signOut", "mutation", undefined, issued));
    expect(out.statusCode).toBe(200);
    expect((await listClaims(issued)).statusCode).toBe(401);
  });

  it("stops a deactivated person's open sessions at once", async () => {
    const id = await userId(demo.agent);
    const token = (await createSession(h.db, { userId: id, ttlHours: 1, now: new Date() })).token;
    await h.db.update(users).set({ active: false }).where(eq(users.id, id));
    try {
      expect((await listClaims(token)).statusCode).toBe(401);
    } finally {
      await h.db.update(users).set({ active: true }).where(eq(users.id, id));
    }
  });
});
