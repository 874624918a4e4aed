import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claims, deadlineBreaches, notifications } from "../../db/schema/index.ts";
import { alertDeadlines } from "../../jobs/deadline-alerts.ts";
import { sweepDeadlines } from "../../jobs/deadline-sweep.ts";
import { callerFor } from "../../test/callers.ts";
import { key, now, useResolutionDb } from "../resolution/harness.ts";
import { createTestClaim, daysBefore, hoursAfter } from "../resolution/test-claims.ts";
import { forceClaim, makeUser } from "./test-helpers.ts";

// Issue 14: refunded and closed claims kept live deadlines, were flagged as breached, counted as overdue
// and were served by Take next. A finished claim has no running deadline: its deadlines stay as history,
// but it has no due date, and nothing that chases due dates sees it.

const t = useResolutionDb();
const DAY = 86_400_000;
const GOODS_EVIDENCE = ["photo", "packaging_photo"];
// everyday's missing accessory: a review deadline (E7, 3 working days) and a partial refund's (2 working days).
const store = "everyday";
const accessory = {
  store, reason: "missing_accessory", evidence: GOODS_EVIDENCE, lines: [{ sku: "ED-LAMP-LED", unitPriceCents: 4499, electronic: true }],
};

/** A claim refunded through the real flow: graded and proposed by a supervisor, approved and paid by an admin (X3). */
async function refunded() {
  const claim = await createTestClaim(t.db, { ...accessory, reportedAt: daysBefore(now, 1) });
  await t.c.supervisor.resolution.gradeClaimLine({ ...(await t.ref(claim.number)), claimLineId: claim.claimLineIds[0]!, grade: "medium" });
  await t.c.supervisor.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "partial_refund", idempotencyKey: key() });
  const [refund] = await t.refunds(claim.id);
  const admin = t.at("admin", hoursAfter(now, 1));
  await admin.approvals.approveRefund({ refundId: refund!.id, idempotencyKey: refund!.idempotencyKey, comment: "ok" });
  await admin.approvals.executeRefund({ refundId: refund!.id });
  return claim;
}

describe("finished claims have no running deadline", () => {
  it("a refunded claim loses its due date but keeps its deadlines; a closed one too", async () => {
    const claim = await refunded();
    const row = await t.claim(claim.number);
    expect(row.status).toBe("refunded");
    expect(row.dueAt).toBeNull();
    expect(row.deadlines.some((d) => d.key === "review_due")).toBe(true); // history, not "open"
    await t.at("supervisor", hoursAfter(now, 2)).workflow.transitionClaim({ ...(await t.ref(claim.number)), action: "close" });
    expect(await t.claim(claim.number)).toMatchObject({ status: "closed", dueAt: null });
  });

  it("the sweep flags no breach, the alerts stay quiet and the overdue filter leaves it out", async () => {
    const claim = await refunded();
    await forceClaim(t.db, claim.id, { assigneeId: t.c.users.supervisor.id });
    const review = (await t.claim(claim.number)).deadlines.find((d) => d.key === "review_due")!;
    // An hour before the review deadline (the alert window) and a month later (every deadline passed).
    const before = new Date(Date.parse(review.dueAt) - 3_600_000);
    const later = new Date(now.getTime() + 30 * DAY);
    await alertDeadlines(t.db, before);
    expect(await t.db.select().from(notifications).where(sql`${notifications.dedupeKey} like ${`deadline_soon:${claim.id}:%`}`)).toEqual([]);
    await sweepDeadlines(t.db, later);
    expect(await t.db.select().from(deadlineBreaches).where(eq(deadlineBreaches.claimId, claim.id))).toEqual([]);

    // An open claim reported at the same time is overdue by then; the refunded one is not.
    const open = await createTestClaim(t.db, { ...accessory, reportedAt: daysBefore(now, 1) });
    const overdue = await callerFor(t.db, t.c.users.supervisor, later).claims.listClaims({ filters: { due: "overdue", store: [store] }, pageSize: 100 });
    const numbers = overdue.rows.map((r) => r.number);
    expect(numbers).toContain(open.number);
    expect(numbers).not.toContain(claim.number);
  });

  it("Take next skips a finished claim, however urgent", async () => {
    const claim = await refunded();
    const waiting = await createTestClaim(t.db, { ...accessory, reportedAt: daysBefore(now, 1) });
    // Only these two are unassigned in the store: the refunded one is the more urgent.
    await t.db.execute(sql`update claims set assignee_id = ${t.c.users.supervisor.id} where store_id = ${store} and id not in (${claim.id}, ${waiting.id})`);
    await forceClaim(t.db, claim.id, { priority: 3, assigneeId: null });
    await forceClaim(t.db, waiting.id, { priority: 0, assigneeId: null });
    const agent = await makeUser(t.db, { stores: [store] });
    const taken = await callerFor(t.db, agent, hoursAfter(now, 3)).workflow.takeNextClaim();
    expect(taken?.number).toBe(waiting.number);
    expect(await callerFor(t.db, agent, hoursAfter(now, 3)).workflow.takeNextClaim()).toBeNull();
  });

  it("the data migration clears the due date an earlier version left on finished claims, and only there", async () => {
    const stale = await createTestClaim(t.db, { ...accessory, reportedAt: daysBefore(now, 1) });
    const open = await createTestClaim(t.db, { ...accessory, reportedAt: daysBefore(now, 1) });
    await forceClaim(t.db, stale.id, { status: "refunded", dueAt: daysBefore(now, 1) });
    const openDue = (await t.claim(open.number)).dueAt;
    expect(openDue).not.toBeNull();
    const migration = readFileSync(new URL("../../../drizzle/0020_finished_claims_have_no_due_date.sql", import.meta.url), "utf8");
    await t.db.execute(sql.raw(migration));
    expect((await t.db.select({ dueAt: claims.dueAt }).from(claims).where(eq(claims.id, stale.id)))[0]!.dueAt).toBeNull();
    expect((await t.claim(open.number)).dueAt).toEqual(openDue);
  });
});
