import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../shared/roles.ts";
import { sessions, userStores, users } from "../db/schema/index.ts";
import { changePassword } from "../services/users-account.ts";
import { updateUser } from "../services/users-admin.ts";
import { deactivateUser } from "../services/users-status.ts";
import { demo, sessionUserByEmail } from "../test/callers.ts";
import { openHttpHarness, trpcRequest, type HttpHarness } from "../test/security/http-harness.ts";
import { cacheClock, cachedSession, forgetUserSessions, rememberSession } from "./session-cache.ts";
import { hashPassword } from "./passwords.ts";
import { createSession, hashToken, resolveSession } from "./sessions.ts";
import { clearTotp } from "./totp-enrolment.ts";

// Sessions are served from memory for a few seconds; every way the app ends or narrows one must still bite at once.

let h: HttpHarness;
beforeAll(async () => {
  h = await openHttpHarness();
});
afterAll(() => h.close());

const listClaims = async (token: string) => (await h.app.inject(trpcRequest("claims.listClaims", "query", {}, token))).statusCode;
const PASSWORD = "cache-test-password-2026";
let people = 0;
/** A person of their own per test: a revocation keeps that person's lookups out of the cache for a while. */
async function person(role: Role = "agent") {
  const email = `cache-${++people}@claimdesk.test`;
  const [u] = await h.db.insert(users).values({ email, name: `Cache Person ${people}`, role, passwordHash: await hashPassword(PASSWORD) }).returning({ id: users.id });
  if (role === "agent") await h.db.insert(userStores).values(["atelier", "kinetic"].map((storeId) => ({ userId: u!.id, storeId })));
  return { id: u!.id, email };
}
/** A fresh session, already used once, so the next request is answered from the cache. */
async function warmSession(who: { id: number; email: string }, ttlHours = 1) {
  const { token } = await createSession(h.db, { userId: who.id, ttlHours, now: new Date() });
  expect(await resolveSession(h.db, token, new Date())).toMatchObject({ email: who.email });
  expect(cachedSession(h.db, hashToken(token), new Date())).toBeDefined();
  return token;
}

describe("session cache", () => {
  it("answers a repeated lookup from memory, with a copy the caller cannot spoil", async () => {
    const token = await warmSession(await person());
    const first = (await resolveSession(h.db, token, new Date()))!;
    first.storeIds!.length = 0;
    first.secondFactor!.verified = true;
    const again = (await resolveSession(h.db, token, new Date()))!;
    expect(again.storeIds).toEqual(["atelier", "kinetic"]);
    expect(again.secondFactor).toEqual({ enrolled: false, verified: false });
  });

  it("refuses a cached session once it has expired", async () => {
    const token = await warmSession(await person(), 1);
    expect(await resolveSession(h.db, token, new Date(Date.now() + 2 * 3_600_000))).toBeNull();
  });

  it("ends a cached session at sign-out", async () => {
    const token = await warmSession(await person());
    expect(await listClaims(token)).toBe(200);
    expect((await h.app.inject(trpcRequest("auth.signOut", "mutation", undefined, token))).statusCode).toBe(200);
    expect(await listClaims(token)).toBe(401);
  });

  it("stops a deactivated or demoted person's cached sessions at once", async () => {
    const admin = await sessionUserByEmail(h.db, demo.admin);
    const agent = await person();
    const token = await warmSession(agent);
    await deactivateUser(h.db, admin, agent.id, new Date());
    expect(await listClaims(token)).toBe(401);

    const lead = await person("supervisor");
    const leadToken = await warmSession(lead);
    await updateUser(h.db, admin, { id: lead.id, name: "Demoted Lead", role: "agent", storeIds: ["kinetic"] }, new Date());
    expect(await resolveSession(h.db, leadToken, new Date())).toBeNull();
  });

  it("shows a promotion, a new store or a new name on the person's next request", async () => {
    const agent = await person();
    const token = await warmSession(agent);
    const admin = await sessionUserByEmail(h.db, demo.admin);
    await updateUser(h.db, admin, { id: agent.id, name: "Promoted Person", role: "supervisor", storeIds: ["atelier", "kinetic", "layerworks"] }, new Date());
    expect(await resolveSession(h.db, token, new Date())).toMatchObject({ name: "Promoted Person", role: "supervisor", storeIds: ["atelier", "kinetic", "layerworks"] });
  });

  it("ends the other cached sessions when the password changes", async () => {
    const agent = await person();
    const kept = await warmSession(agent);
    const other = await warmSession(agent);
    const me = (await resolveSession(h.db, kept, new Date()))!;
    await changePassword(h.db, me, { currentPassword: PASSWORD, newPassword: `${PASSWORD}-new` }, new Date());
    expect(await listClaims(other)).toBe(401);
    expect(await listClaims(kept)).toBe(200);
  });

  it("drops a cached second-factor check when two-factor is turned off", async () => {
    const { id } = await person("supervisor");
    const now = new Date();
    await h.db.update(users).set({ totpEnabledAt: new Date(now.getTime() - 60_000) }).where(eq(users.id, id));
    const { token } = await createSession(h.db, { userId: id, ttlHours: 1, now, secondFactorAt: now });
    expect((await resolveSession(h.db, token, now))?.secondFactor).toEqual({ enrolled: true, verified: true });
    await clearTotp(h.db, id, new Date());
    expect((await resolveSession(h.db, token, new Date()))?.secondFactor).toEqual({ enrolled: false, verified: false });
  });

  it("does not keep a lookup that raced a revocation still being committed", async () => {
    const agent = await person();
    const id = agent.id;
    const token = await warmSession(agent);
    const sessionId = hashToken(token);
    const seen = cachedSession(h.db, sessionId, new Date())!;
    const startedAt = cacheClock();
    forgetUserSessions(id);
    rememberSession(h.db, sessionId, { user: seen.user, userId: id, expiresAt: seen.expiresAt, lastSeenAt: seen.lastSeenAt }, startedAt);
    expect(cachedSession(h.db, sessionId, new Date())).toBeUndefined();
    // Its row is still there, so the next lookup reads it again from the database.
    expect(await h.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, sessionId))).toHaveLength(1);
    expect(await listClaims(token)).toBe(200);
  });
});
