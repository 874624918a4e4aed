import { describe, expect, it } from "vitest";
import { isOwnDeadline } from "../../../shared/workflow/deadlines.ts";
import { callerFor } from "../../test/callers.ts";
import { now, useResolutionDb } from "../resolution/harness.ts";
import { createTestClaim } from "../resolution/test-claims.ts";

// Issue 14: after a wait on the customer the queue's Due column (the stored, shifted deadlines) and the
// claim page's policy panel (evaluateClaim) disagreed: the panel showed the engine's unshifted times.

const t = useResolutionDb();
const DAY = 86_400_000;
const at = (days: number) => new Date(now.getTime() + days * DAY);
const supervisorAt = (days: number) => callerFor(t.db, t.c.users.supervisor, at(days));

async function queueDue(number: string, days: number) {
  const page = await supervisorAt(days).claims.listClaims({ filters: { q: number, includeClosed: true } });
  return page.rows.find((r) => r.number === number)!.dueAt;
}

describe("one due time for the queue and the policy panel", () => {
  it("shows our deadlines shifted by the wait, paused during it, and the queue's due date beside them", async () => {
    const claim = await createTestClaim(t.db, {
      store: "everyday", reason: "missing_accessory", reportedAt: now, lines: [{ sku: "ED-LAMP-LED", unitPriceCents: 4499, electronic: true }],
    });
    const review0 = (await t.claim(claim.number)).deadlines.find((d) => d.key === "review_due")!;
    const first = await supervisorAt(0).claims.evaluateClaim({ number: claim.number });
    expect(first.clock).toBe("running");
    expect(first.dueAt).toEqual(await queueDue(claim.number, 0));

    await supervisorAt(0).evidence.requestEvidence({ ...(await t.ref(claim.number)), note: "Two photos of the lamp, please." });
    const waiting = await supervisorAt(1).claims.evaluateClaim({ number: claim.number });
    expect(waiting).toMatchObject({ clock: "paused", dueAt: null });
    expect(await queueDue(claim.number, 1)).toBeNull();

    // The customer answers two days later: our deadlines come back two days later.
    await supervisorAt(2).workflow.transitionClaim({ ...(await t.ref(claim.number)), action: "evidence_received" });
    const after = await supervisorAt(2).claims.evaluateClaim({ number: claim.number });
    const review = after.decision.deadlines.find((d) => d.key === "review_due")!;
    expect(Date.parse(review.dueAt)).toBe(Date.parse(review0.dueAt) + 2 * DAY);
    expect((await t.claim(claim.number)).deadlines).toContainEqual({ key: "review_due", dueAt: review.dueAt, clause: review.clause });
    expect(after.clock).toBe("running");
    expect(after.dueAt).toEqual(await queueDue(claim.number, 2));
    // The queue's due date is the earliest of our (shifted) deadlines the panel lists.
    const ours = after.decision.deadlines.filter((d) => isOwnDeadline(d.key)).map((d) => Date.parse(d.dueAt));
    expect(ours.length).toBeGreaterThan(1);
    expect(after.dueAt).toEqual(new Date(Math.min(...ours)));
  });
});
