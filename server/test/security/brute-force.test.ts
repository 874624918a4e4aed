import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { LOCK_AFTER_FAILURES } from "../../auth/sign-in-password.ts";
import { signInByIp } from "../../auth/sign-in-limits.ts";
import { PASSWORD, personWithPassword, userRow } from "../../routers/auth/two-factor-helpers.ts";
import { MAX_BATCH_SIZE } from "../../../shared/schemas/batching.ts";
import { demo } from "../callers.ts";
import { openHttpHarness, trpcRequest, type HttpHarness } from "./http-harness.ts";

// Password guessing over HTTP: one account locks after a few failures (even the right password waits), one
// address spraying many accounts is paused, also when it makes up X-Forwarded-For headers, and neither a
// batch, a burst of parallel requests nor a second server process gets more passwords checked.

let h: HttpHarness;
beforeAll(async () => {
  h = await openHttpHarness();
});
afterAll(() => h.close());

const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
  h.app.inject({ ...trpcRequest("auth.signIn", "mutation", { email, password }), headers: { "content-type": "application/json", ...headers }, remoteAddress: headers["x-test-remote"] });

const sessionCookie = (res: { cookies: { name: string }[] }) => res.cookies.find((c) => c.name === "cd_session");

describe("sign-in brute-force limits", () => {
  it("locks an account after repeated wrong passwords, then refuses even the right one", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) statuses.push((await signIn(demo.supervisor, `wrong-${i}`, { "x-test-remote": "10.0.0.1" })).statusCode);
    expect(statuses.slice(0, -1).every((s) => s === 401), statuses.join()).toBe(true);
    const right = await signIn(demo.supervisor, "supervisor-demo-2026", { "x-test-remote": "10.0.0.2" });
    expect(right.statusCode).toBe(429);
    expect(sessionCookie(right)).toBeUndefined();
  });

  it("pauses one address guessing across many accounts, whatever X-Forwarded-For it claims", async () => {
    const limit = signInByIp.limit;
    const answers: number[] = [];
    for (let i = 0; i <= limit + 2; i++) {
      const res = await signIn(`nobody-${i}@example.com`, "guess-123456", { "x-test-remote": "203.0.113.7", "x-forwarded-for": `198.51.100.${i}` });
      answers.push(res.statusCode);
    }
    expect(answers.slice(0, limit)).toEqual(Array(limit).fill(401));
    expect(answers.at(-1)).toBe(429);
  });

  it("refuses a batch of sign-ins outright: 59 wrong passwords and the right one last check nothing and sign nobody in", async () => {
    const person = await personWithPassword(h.db);
    const guesses = [...Array.from({ length: 59 }, (_, i) => `wrong-${i}`), PASSWORD];
    const body = Object.fromEntries(guesses.map((password, i) => [i, { json: { email: person.email, password } }]));
    const res = await h.app.inject({
      method: "POST",
      url: `/trpc/${guesses.map(() => "auth.signIn").join(",")}?batch=1`,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify(body),
      remoteAddress: "203.0.113.20",
    });
    expect(res.statusCode).toBe(400);
    expect(sessionCookie(res)).toBeUndefined();
    expect(res.body).not.toMatch(/"id"\s*:/);
    expect((await userRow(h.db, person.id)).failedSignIns).toBe(0);
  });

  it("refuses a batch holding one sign-in among harmless calls, and a batch past the size limit", async () => {
    const mixed = await h.app.inject({
      method: "POST",
      url: "/trpc/auth.signOutOtherSessions,auth.signIn?batch=1",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ 1: { json: { email: demo.agent, password: "agent-demo-2026" } } }),
      remoteAddress: "203.0.113.21",
    });
    expect(mixed.statusCode).toBe(400);
    expect(sessionCookie(mixed)).toBeUndefined();
    const paths = Array.from({ length: MAX_BATCH_SIZE + 1 }, () => "auth.me").join(",");
    const big = await h.app.inject({ method: "GET", url: `/trpc/${paths}?batch=1&input=${encodeURIComponent("{}")}` });
    expect(big.statusCode).toBe(400);
    const fits = await h.app.inject({ method: "GET", url: `/trpc/${Array.from({ length: MAX_BATCH_SIZE }, () => "auth.me").join(",")}?batch=1&input=${encodeURIComponent("{}")}` });
    expect(fits.statusCode).toBe(200);
  });

  it("checks at most the lock's number of passwords from 60 parallel guesses, the right one last", async () => {
    const person = await personWithPassword(h.db);
    const guesses = [...Array.from({ length: 59 }, (_, i) => `wrong-${i}`), PASSWORD];
    const answers = await Promise.all(guesses.map((p, i) => signIn(person.email, p, { "x-test-remote": `192.0.2.${i + 1}` })));
    const row = await userRow(h.db, person.id);
    const signedIn = answers.filter((a) => a.statusCode === 200);
    // Each checked password took one step of the account's count before the check; a right one starts it over.
    if (signedIn.length === 0) expect(row.failedSignIns).toBe(LOCK_AFTER_FAILURES);
    expect(answers.filter((a) => a.statusCode === 401).length).toBeLessThanOrEqual(LOCK_AFTER_FAILURES - 1);
    expect(answers.filter((a) => a.statusCode === 429).length).toBeGreaterThanOrEqual(60 - LOCK_AFTER_FAILURES);
    expect(signedIn.length).toBeLessThanOrEqual(1);
    // Whatever the order, the right password is refused once the lock is on.
    if (signedIn.length === 0) expect((await signIn(person.email, PASSWORD, { "x-test-remote": "192.0.2.200" })).statusCode).toBe(429);
  });

  it("checks at most the address's limit from 60 parallel guesses at different accounts", async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => signIn(`burst-${i}@example.com`, "guess-123456", { "x-test-remote": "203.0.113.60" })));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(signInByIp.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - signInByIp.limit);
  });

  it("shares the address's limit between two server processes on one database", async () => {
    const second = await buildApp({ database: h.database, sessionTtlHours: 12, cookieSecure: false, dataDir: h.dataDir });
    try {
      const answers: number[] = [];
      for (let i = 0; i < signInByIp.limit + 2; i++) {
        const app = i % 2 === 0 ? h.app : second;
        const res = await app.inject({ ...trpcRequest("auth.signIn", "mutation", { email: `two-${i}@example.com`, password: "guess-123456" }), remoteAddress: "203.0.113.61" });
        answers.push(res.statusCode);
      }
      expect(answers.filter((s) => s === 401)).toHaveLength(signInByIp.limit);
      expect(answers.slice(signInByIp.limit)).toEqual([429, 429]);
    } finally {
      await second.close();
    }
  });
});
