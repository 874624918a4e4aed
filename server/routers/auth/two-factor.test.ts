import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { resolveSession } from "../../auth/sessions.ts";
import type { Database } from "../../db/client.ts";
import { adminAuditEvents, recoveryCodes } from "../../db/schema/index.ts";
import { callerFor, callersFor, withSecondFactor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";
import { personWithPassword, PASSWORD, sessionCaller, signInThroughRouter, userRow } from "./two-factor-helpers.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const t0 = new Date("2026-11-23T09:00:00Z");
const plus = (s: number) => new Date(t0.getTime() + s * 1000);
const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** Enrols through the router as the person would: start, read the secret off the screen, confirm. */
async function enrol(at = t0) {
  const person = await personWithPassword(database.db);
  const s = await sessionCaller(database.db, person.id, at);
  const started = await s.caller.auth.startTotpEnrolment();
  const confirmed = await s.caller.auth.confirmTotpEnrolment({ code: await codeAt(started.secret, at) });
  return { person, secret: started.secret, recovery: confirmed.recoveryCodes, session: s, started };
}

describe("TOTP enrolment", () => {
  it("keeps the secret inactive until a right code confirms it, then hands out ten recovery codes once", async () => {
    const person = await personWithPassword(database.db);
    const s = await sessionCaller(database.db, person.id, t0);
    const started = await s.caller.auth.startTotpEnrolment();
    expect(started.uri).toMatch(/^otpauth:\/\/totp\/Claimdesk:.+secret=[A-Z2-7]{32}.*issuer=Claimdesk/);
    expect(started.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await s.caller.auth.getTwoFactorStatus()).toMatchObject({ enabled: false });

    await expect(s.caller.auth.confirmTotpEnrolment({ code: "000000" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await userRow(database.db, person.id)).totpEnabledAt).toBeNull();

    const { recoveryCodes: codes } = await s.caller.auth.confirmTotpEnrolment({ code: await codeAt(started.secret, t0) });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, person.id));
    expect(stored.map((r) => r.codeHash).every((h) => h.startsWith("$argon2id$"))).toBe(true);
    expect(stored.some((r) => codes.includes(r.codeHash))).toBe(false);
    expect(await s.caller.auth.getTwoFactorStatus()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    // The session that confirmed it just proved the phone: it counts as checked.
    expect((await s.resolve())?.secondFactor).toEqual({ enrolled: true, verified: true });
  });

  it("refuses a code that was already accepted (replay) and takes the next step's code", async () => {
    const { person, secret } = await enrol();
    const again = await sessionCaller(database.db, person.id, plus(5));
    expect(again.user.secondFactor).toEqual({ enrolled: true, verified: false });
    await expect(again.caller.auth.verifySecondFactor({ kind: "totp", code: await codeAt(secret, t0) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const later = callerFor(database.db, again.user, plus(31));
    await expect(later.auth.verifySecondFactor({ kind: "totp", code: await codeAt(secret, plus(31)) })).resolves.toEqual({ ok: true });
    expect((await userRow(database.db, person.id)).totpLastStep).toBe(Math.floor(plus(31).getTime() / 30_000));
  });

  it("regenerates recovery codes with a current code and turns TOTP off with password and code", async () => {
    const { person, secret, session, recovery } = await enrol();
    const at = plus(60);
    const c = callerFor(database.db, session.user, at);
    await expect(c.auth.regenerateRecoveryCodes({ code: "123456" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const fresh = await c.auth.regenerateRecoveryCodes({ code: await codeAt(secret, at) });
    expect(fresh.recoveryCodes.some((x) => recovery.includes(x))).toBe(false);

    const later = plus(120);
    const c2 = callerFor(database.db, session.user, later);
    await expect(c2.auth.disableTotp({ password: "not it at all", code: await codeAt(secret, later) })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Your password is incorrect." });
    await c2.auth.disableTotp({ password: PASSWORD, code: await codeAt(secret, later) });
    const row = await userRow(database.db, person.id);
    expect([row.totpSecret, row.totpEnabledAt]).toEqual([null, null]);
    expect(await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, person.id))).toHaveLength(0);
  });
});

describe("sign-in second step", () => {
  it("gives a password-only session nothing but the second step, me and sign-out until the code is in", async () => {
    const { person, secret } = await enrol();
    const at = plus(40);
    const { result, token } = await signInThroughRouter(database.db, person.email, PASSWORD, at);
    expect(result.secondFactorPending).toBe(true);
    const pending = (await resolveSession(database.db, token, at))!;
    const c = callerFor(database.db, pending, at);
    expect(await c.auth.me()).toMatchObject({ id: person.id, secondFactorPending: true });
    await expect(c.claims.listClaims({})).rejects.toMatchObject({ code: "UNAUTHORIZED", cause: { reason: "second_factor_pending" } });
    await expect(c.approvals.listApprovals({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(c.auth.changePassword({ currentPassword: PASSWORD, newPassword: "another long passphrase", confirm: "another long passphrase" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    await c.auth.verifySecondFactor({ kind: "totp", code: await codeAt(secret, at) });
    const verified = (await resolveSession(database.db, token, at))!;
    expect(verified.secondFactor).toEqual({ enrolled: true, verified: true });
    expect(await callerFor(database.db, verified, at).auth.me()).toMatchObject({ secondFactorPending: false });
  });

  it("takes each recovery code once", async () => {
    const { person, recovery } = await enrol();
    const first = await sessionCaller(database.db, person.id, plus(10));
    await expect(first.caller.auth.verifySecondFactor({ kind: "recovery", code: recovery[3]!.toUpperCase().replace("-", " ") })).resolves.toEqual({ ok: true });
    expect((await first.resolve())?.secondFactor?.verified).toBe(true);
    const second = await sessionCaller(database.db, person.id, plus(20));
    await expect(second.caller.auth.verifySecondFactor({ kind: "recovery", code: recovery[3]! })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await second.caller.auth.getTwoFactorStatus().catch((e: { code: string }) => e.code)).toBe("UNAUTHORIZED");
    const left = await database.db.select().from(recoveryCodes).where(and(eq(recoveryCodes.userId, person.id)));
    expect(left.filter((r) => r.usedAt).length).toBe(1);
  });

  it("ends the session after five wrong codes", async () => {
    const { person } = await enrol();
    const s = await sessionCaller(database.db, person.id, plus(10));
    for (let i = 0; i < 4; i++) await expect(s.caller.auth.verifySecondFactor({ kind: "totp", code: "000001" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(s.caller.auth.verifySecondFactor({ kind: "totp", code: "000001" })).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Too many wrong codes. Sign in again with your password." });
    expect(await s.resolve()).toBeNull();
  });

  it("checks at most five of 30 codes guessed in parallel on one session, counted before the check", async () => {
    const { person } = await enrol();
    const s = await sessionCaller(database.db, person.id, plus(20), { ip: "192.0.2.77" });
    const answers = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => s.caller.auth.verifySecondFactor({ kind: "totp", code: String(100000 + i) })));
    const messages = answers.map((a) => (a.status === "rejected" ? String((a.reason as Error).message) : "accepted"));
    // A checked wrong code says how many tries are left; the fifth ends the session; the rest are never checked.
    expect(messages.filter((m) => /tries? left/.test(m)).length).toBeLessThanOrEqual(4);
    expect(messages.filter((m) => m === "accepted")).toEqual([]);
    expect(await s.resolve()).toBeNull();
  });
});

describe("sign-in lockout and limits", () => {
  it("locks the account on the fifth wrong password, refuses even the right one meanwhile, and resets on success", async () => {
    const person = await personWithPassword(database.db, "agent");
    const tryAt = (at: Date, password: string) => signInThroughRouter(database.db, person.email, password, at);
    for (let i = 0; i < 4; i++) await expect(tryAt(t0, "wrong password")).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "E-mail or password is incorrect." });
    await expect(tryAt(t0, "wrong password")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringContaining("Try again in 15 minutes") });
    await expect(tryAt(plus(600), PASSWORD)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringContaining("Try again in 5 minutes") });
    await expect(tryAt(plus(901), PASSWORD)).resolves.toMatchObject({ result: { id: person.id, secondFactorPending: false } });
    expect(await userRow(database.db, person.id)).toMatchObject({ failedSignIns: 0, signInLockedUntil: null });
  });

  it("locks for longer the second time", async () => {
    const person = await personWithPassword(database.db, "agent");
    const tryAt = (at: Date) => signInThroughRouter(database.db, person.email, "wrong password", at).catch((e: { code: string }) => e.code);
    for (let i = 0; i < 5; i++) await tryAt(t0);
    for (let i = 0; i < 4; i++) expect(await tryAt(plus(901))).toBe("UNAUTHORIZED");
    await expect(signInThroughRouter(database.db, person.email, "wrong", plus(901))).rejects.toMatchObject({ message: expect.stringContaining("Try again in 30 minutes") });
  });

  it("slows one address that keeps failing, across accounts", async () => {
    const ip = "203.0.113.9";
    for (let i = 0; i < 20; i++) {
      await expect(signInThroughRouter(database.db, `nobody-${i}@claimdesk.test`, "guess", t0, ip)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    const person = await personWithPassword(database.db, "agent");
    await expect(signInThroughRouter(database.db, person.email, PASSWORD, t0, ip)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect(signInThroughRouter(database.db, person.email, PASSWORD, t0, "203.0.113.10")).resolves.toMatchObject({ result: { id: person.id } });
  });
});

describe("admin TOTP reset", () => {
  it("clears a person's TOTP and recovery codes, audited, and needs a second-factor-checked admin", async () => {
    const { person } = await enrol();
    const c = await callersFor(database.db, plus(30));
    await expect(callerFor(database.db, withSecondFactor(c.users.admin, "none"), plus(30)).auth.resetUserTotp({ id: person.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { reason: "second_factor_required" },
    });
    await expect(c.supervisor.auth.resetUserTotp({ id: person.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await c.admin.auth.resetUserTotp({ id: person.id });
    expect(await userRow(database.db, person.id)).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, person.id))).toHaveLength(0);
    const [event] = await database.db.select().from(adminAuditEvents).where(and(eq(adminAuditEvents.action, "totp_reset"), eq(adminAuditEvents.targetId, String(person.id))));
    expect(event).toMatchObject({ actorId: c.users.admin.id, targetType: "user", data: { email: person.email } });
    // With TOTP gone the person signs in with the password alone and can enrol again.
    await expect(signInThroughRouter(database.db, person.email, PASSWORD, plus(40))).resolves.toMatchObject({ result: { secondFactorPending: false } });
  });
});
