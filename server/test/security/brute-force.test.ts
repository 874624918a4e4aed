import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCK_AFTER_FAILURES } from "../../auth/sign-in-password.ts";
import { signInByIp } from "../../auth/sign-in-limits.ts";
import { demo } from "../callers.ts";
import { openHttpHarness, trpcRequest, type HttpHarness } from "./http-harness.ts";

// Password guessing over HTTP: one account locks after a few failures (even the right password waits), and one
// address spraying many accounts is paused, also when it makes up X-Forwarded-For headers.

let h: HttpHarness;
beforeAll(async () => {
  h = await openHttpHarness();
});
afterAll(() => h.close());

const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
  h.app.inject({ ...trpcRequest("auth.signIn", "mutation", { email, password }), headers: { "content-type": "application/json", ...headers }, remoteAddress: headers["x-test-remote"] });

describe("sign-in brute-force limits", () => {
  it("locks an account after repeated wrong passwords, then refuses even the right one", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) statuses.push((await signIn(demo.supervisor, `wrong-${i}`, { "x-test-remote": "10.0.0.1" })).statusCode);
    expect(statuses.slice(0, -1).every((s) => s === 401), statuses.join()).toBe(true);
    const right = await signIn(demo.supervisor, "supervisor-demo-2026", { "x-test-remote": "10.0.0.2" });
    expect(right.statusCode).toBe(429);
    expect(right.cookies.find((c) => c.name === "cd_session")).toBeUndefined();
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
});
