import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, resolveSession } from "../../auth/sessions.ts";
import type { Database } from "../../db/client.ts";
import { seedClaims } from "../../db/seed/demo.ts";
import { callersFor, sessionUserByEmail } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";

const now = new Date("2026-11-20T15:00:00Z");
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedClaims(database.db, { count: 60, seed: 3, now, batchSize: 60, spanDays: 10 });
  c = await callersFor(database.db, now);
});
afterAll(() => database.close());

const rows = async <T>(q: string) => (await database.db.execute(sql.raw(q))).rows as T[];
const signIn = (userId: number) => createSession(database.db, { userId, ttlHours: 12, now });

/** Gives a person `n` open claims of a store, so revocation has something to return. */
async function assignOpen(userId: number, storeId: string, n: number): Promise<string[]> {
  const picked = await rows<{ number: string }>(
    `update claims set assignee_id = ${userId} where id in (select id from claims where store_id = '${storeId}' and status not in ('closed','rejected','cancelled') order by id limit ${n}) returning number`,
  );
  expect(picked).toHaveLength(n);
  return picked.map((r) => r.number).sort();
}

async function newPerson(email: string, role: "agent" | "supervisor" | "admin", storeIds: string[]) {
  const created = await c.admin.users.createUser({ email, name: email.split("@")[0]!, role, storeIds });
  return created;
}

describe("users admin procedures", () => {
  it("refuses agents and supervisors on every admin procedure", async () => {
    for (const who of [c.agent, c.supervisor]) {
      await expect(who.users.listUsers({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(who.users.createUser({ email: "x@y.test", name: "X", role: "agent", storeIds: ["kinetic"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(who.users.updateUser({ id: c.users.agent.id, name: "X", role: "agent", storeIds: ["kinetic"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(who.users.deactivateUser({ id: c.users.agent.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(who.users.reactivateUser({ id: c.users.agent.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(who.users.resetPassword({ id: c.users.agent.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(who.users.listAdminAuditEvents({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(c.anonymous.users.listUsers({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("creates a person with a one-time link whose token is stored only as a hash, and audits it", async () => {
    const created = await newPerson("new.agent@claimdesk.test", "agent", ["kinetic", "atelier"]);
    expect(created.setPasswordPath).toMatch(/^\/set-password\?token=[A-Za-z0-9_-]{43}$/);
    expect(created.expiresAt.getTime() - now.getTime()).toBe(72 * 3_600_000);
    const token = decodeURIComponent(created.setPasswordPath.split("token=")[1]!);
    const stored = await rows<{ id: string; purpose: string }>(`select id, purpose from password_tokens where user_id = ${created.id}`);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toBe(token);
    expect(stored[0]!.purpose).toBe("set_password");
    const list = await c.admin.users.listUsers({ filters: { q: "new.agent" } });
    expect(list.rows).toMatchObject([{ id: created.id, role: "agent", storeIds: ["atelier", "kinetic"], active: true, passwordSet: false }]);
    const audit = await c.admin.users.listAdminAuditEvents({ filters: { action: ["user_created"] } });
    expect(audit.rows[0]).toMatchObject({ targetType: "user", targetId: String(created.id), actorId: c.users.admin.id, data: { email: "new.agent@claimdesk.test" } });
    await expect(newPerson("NEW.AGENT@claimdesk.test", "agent", ["kinetic"])).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(newPerson("store.less@claimdesk.test", "agent", [])).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(newPerson("bad.store@claimdesk.test", "agent", ["nowhere"])).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("nowhere") });
  });

  it("filters people by role, store, active state and search", async () => {
    const agents = await c.admin.users.listUsers({ filters: { role: ["agent"] }, pageSize: 100 });
    expect(agents.rows.every((r) => r.role === "agent")).toBe(true);
    const atelier = await c.admin.users.listUsers({ filters: { store: ["atelier"] }, pageSize: 100 });
    expect(atelier.rows.every((r) => r.storeIds.includes("atelier"))).toBe(true);
    expect(atelier.rows.map((r) => r.email)).toContain("agent@claimdesk.test");
    const found = await c.admin.users.listUsers({ filters: { q: "SUPERVISOR@" } });
    expect(found.rows.map((r) => r.email)).toEqual(["supervisor@claimdesk.test"]);
  });

  it("deactivating ends sessions at once and returns every open claim with an unassigned event", async () => {
    const person = await newPerson("leaver@claimdesk.test", "agent", ["kinetic", "layerworks"]);
    const claims = [...(await assignOpen(person.id, "kinetic", 2)), ...(await assignOpen(person.id, "layerworks", 1))].sort();
    const before = await rows<{ number: string; version: number }>(`select number, version from claims where assignee_id = ${person.id} order by number`);
    const session = await signIn(person.id);
    expect(await resolveSession(database.db, session.token, now)).not.toBeNull();

    const out = await c.admin.users.deactivateUser({ id: person.id });
    expect(out.returnedClaims.sort()).toEqual(claims);
    expect(await resolveSession(database.db, session.token, now)).toBeNull();
    expect(await rows(`select 1 from sessions where user_id = ${person.id}`)).toHaveLength(0);
    const after = await rows<{ number: string; version: number; assignee_id: number | null }>(`select number, version, assignee_id from claims where number in (${claims.map((n) => `'${n}'`).join(",")}) order by number`);
    after.forEach((r, i) => {
      expect(r.assignee_id).toBeNull();
      expect(r.version).toBe(before[i]!.version + 1);
    });
    const events = await rows<{ type: string; actor_id: number; claim_version: number; data: { cause: string; note: string } }>(
      `select e.type, e.actor_id, e.claim_version, e.data from claim_events e join claims c on c.id = e.claim_id where c.number in (${claims.map((n) => `'${n}'`).join(",")}) and e.type = 'unassigned'`,
    );
    expect(events).toHaveLength(3);
    for (const e of events) expect(e).toMatchObject({ actor_id: c.users.admin.id, data: { cause: "user_deactivated", note: "Returned to the queue: leaver was deactivated" } });
    const audit = await c.admin.users.listAdminAuditEvents({ filters: { action: ["user_deactivated"] } });
    expect(audit.rows[0]).toMatchObject({ targetId: String(person.id), data: { sessionsEnded: 1 } });

    await c.admin.users.reactivateUser({ id: person.id });
    expect((await c.admin.users.listAdminAuditEvents({ filters: { action: ["user_reactivated"] } })).rows[0]?.targetId).toBe(String(person.id));
  });

  it("demoting ends sessions and returns the claims; removing a store returns only that store's", async () => {
    const sup = await newPerson("demoted@claimdesk.test", "supervisor", ["kinetic", "layerworks"]);
    const kinetic = await assignOpen(sup.id, "kinetic", 2);
    const layerworks = await assignOpen(sup.id, "layerworks", 2);
    let session = await signIn(sup.id);

    const dropped = await c.admin.users.updateUser({ id: sup.id, name: "Demoted", role: "supervisor", storeIds: ["kinetic"] });
    expect(dropped.returnedClaims.sort()).toEqual(layerworks);
    expect(await resolveSession(database.db, session.token, now)).toBeNull();
    expect((await rows(`select 1 from claims where assignee_id = ${sup.id}`)).length).toBe(2);

    session = await signIn(sup.id);
    const demoted = await c.admin.users.updateUser({ id: sup.id, name: "Demoted", role: "agent", storeIds: ["kinetic"] });
    expect(demoted.returnedClaims.sort()).toEqual(kinetic);
    expect(await resolveSession(database.db, session.token, now)).toBeNull();
    const types = await rows<{ action: string; data: Record<string, unknown> }>(`select action, data from admin_audit_events where target_id = '${sup.id}' order by id`);
    expect(types.map((t) => t.action)).toEqual(["user_created", "user_updated", "memberships_changed", "user_updated", "role_changed"]);
    expect(types[1]!.data).toMatchObject({ before: { name: "demoted", storeIds: ["kinetic", "layerworks"] }, after: { name: "Demoted", storeIds: ["kinetic"] } });
    expect(types[4]!.data).toMatchObject({ from: "supervisor", to: "agent" });

    // A rename alone keeps the person signed in.
    session = await signIn(sup.id);
    await c.admin.users.updateUser({ id: sup.id, name: "Still Here", role: "agent", storeIds: ["kinetic"] });
    expect(await resolveSession(database.db, session.token, now)).toMatchObject({ name: "Still Here" });
  });

  it("never deactivates or demotes the last active admin", async () => {
    const admin = c.users.admin;
    await expect(c.admin.users.deactivateUser({ id: admin.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const second = await newPerson("second.admin@claimdesk.test", "admin", []);
    const asSecond = (await import("../../test/callers.ts")).callerFor(database.db, await sessionUserByEmail(database.db, "second.admin@claimdesk.test"), now);
    await c.admin.users.deactivateUser({ id: second.id });
    await expect(asSecond.users.updateUser({ id: admin.id, name: admin.name, role: "supervisor", storeIds: ["kinetic"] })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("last active admin"),
    });
    await c.admin.users.reactivateUser({ id: second.id });
    await asSecond.users.updateUser({ id: admin.id, name: admin.name, role: "supervisor", storeIds: ["kinetic"] });
    await expect(c.admin.users.listUsers({})).resolves.toBeDefined(); // the caller's ctx is stale; the DB says supervisor now
    const [row] = await rows<{ role: string }>(`select role from users where id = ${admin.id}`);
    expect(row!.role).toBe("supervisor");
    await expect(asSecond.users.deactivateUser({ id: second.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await asSecond.users.updateUser({ id: admin.id, name: admin.name, role: "admin", storeIds: [] });
  });

  it("two admins deactivating each other at once leave exactly one active admin", async () => {
    const second = await sessionUserByEmail(database.db, "second.admin@claimdesk.test");
    const asSecond = (await import("../../test/callers.ts")).callerFor(database.db, second, now);
    const results = await Promise.allSettled([c.admin.users.deactivateUser({ id: second.id }), asSecond.users.deactivateUser({ id: c.users.admin.id })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "PRECONDITION_FAILED" } });
    expect(await rows(`select 1 from users where role = 'admin' and active`)).toHaveLength(1);
    // Put the demo admin back for the tests below, whichever call won.
    await database.db.execute(sql`update users set active = true where email = 'admin@claimdesk.test'`);
  });

  it("a password reset kills the old password and sessions and issues a new link", async () => {
    const person = await newPerson("forgetful@claimdesk.test", "agent", ["kinetic"]);
    const session = await signIn(person.id);
    const reset = await c.admin.users.resetPassword({ id: person.id });
    expect(reset.setPasswordPath).toMatch(/token=/);
    expect(await resolveSession(database.db, session.token, now)).toBeNull();
    const tokens = await rows<{ purpose: string; used_at: Date | null }>(`select purpose, used_at from password_tokens where user_id = ${person.id} order by created_at, purpose`);
    expect(tokens.filter((t) => t.used_at === null).map((t) => t.purpose)).toEqual(["reset_password"]);
    const audit = await c.admin.users.listAdminAuditEvents({ filters: { action: ["password_reset_issued"], targetType: "user" } });
    expect(audit.rows[0]).toMatchObject({ targetId: String(person.id), actorName: "Ada Admin" });
  });

  it("audits a saved policy version in the same transaction", async () => {
    const saved = await c.admin.policy.createPolicyVersion({ storeId: "layerworks", baseVersion: 1, changes: [{ path: ["warranty", "months"], value: 30 }], note: "Longer warranty" });
    const audit = await c.admin.users.listAdminAuditEvents({ filters: { action: ["policy_version_created"] } });
    expect(audit.total).toBe(1);
    expect(audit.rows[0]).toMatchObject({ targetType: "policy", targetId: `layerworks:${saved.version}`, actorId: c.users.admin.id, data: { note: "Longer warranty" } });
  });
});
