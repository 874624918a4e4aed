import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { mutateClaim } from "../../services/claim-mutation.ts";
import { notifyAssigned } from "../../services/notifications.ts";
import { approveRefund, rejectRefund } from "../../services/resolution-approval.ts";
import { key, now, useResolutionDb } from "../resolution/harness.ts";
import { createTestClaim, daysBefore } from "../resolution/test-claims.ts";
import { forceClaim, makeUser } from "../workflow/test-helpers.ts";
import { inbox, recipientsOf } from "./test-helpers.ts";

const t = useResolutionDb();
const weapons = { sku: "AT-WEAP-SET", unitPriceCents: 4500, partType: "weapon_large", issueType: "missing_or_wrong_accessory" };
const atelierClaim = () => createTestClaim(t.db, { store: "atelier", reason: "missing_accessory", lines: [weapons], evidence: ["photo", "photo"], reportedAt: daysBefore(now, 1) });

/** An atelier accessory claim with a 15 USD refund proposed by the demo agent (A4). */
async function proposedByAgent() {
  const claim = await atelierClaim();
  await t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "partial_refund", note: "No spare weapon set.", idempotencyKey: key() });
  const [refund] = await t.refunds(claim.id);
  return { claim, refund: refund! };
}

describe("claim assigned", () => {
  it("tells the assignee when a colleague assigns or reassigns, and nobody else", async () => {
    const other = await makeUser(t.db, { stores: ["atelier"], name: "Other Atelier Agent" });
    const claim = await atelierClaim();
    await t.c.supervisor.workflow.assignClaim({ ...(await t.ref(claim.number)), assigneeId: t.c.users.agent.id });
    expect(await recipientsOf(t.db, claim.number)).toEqual([t.c.users.agent.id]);
    expect((await inbox(t.db, t.c.users.agent.id)).at(-1)).toMatchObject({ kind: "claim_assigned", claimNumber: claim.number, title: "Assigned to you by Sam Supervisor", readAt: null });

    await t.c.supervisor.workflow.assignClaim({ ...(await t.ref(claim.number)), assigneeId: other.id });
    expect(await recipientsOf(t.db, claim.number)).toEqual([t.c.users.agent.id, other.id]);
  });

  it("stays quiet when people take claims themselves: assign to self, Take next, unassign", async () => {
    const mine = await atelierClaim();
    await t.c.agent.workflow.assignClaim({ ...(await t.ref(mine.number)), assigneeId: t.c.users.agent.id });
    await t.c.agent.workflow.assignClaim({ ...(await t.ref(mine.number)), assigneeId: null });
    await t.c.supervisor.workflow.assignClaim({ ...(await t.ref(mine.number)), assigneeId: t.c.users.supervisor.id });
    expect(await recipientsOf(t.db, mine.number)).toEqual([]);

    const before = (await inbox(t.db, t.c.users.agent.id)).length;
    await atelierClaim();
    const taken = await t.c.agent.workflow.takeNextClaim();
    expect(taken).not.toBeNull();
    expect(await inbox(t.db, t.c.users.agent.id)).toHaveLength(before);
  });

  it("bulk assignment tells the assignee once per claim that moved, not for the one that changed meanwhile", async () => {
    const [a, b, stale] = [await atelierClaim(), await atelierClaim(), await atelierClaim()];
    const seen = await t.ref(stale.number);
    await forceClaim(t.db, stale.id, { priority: 2 });
    const out = await t.c.supervisor.workflow.bulkAssignClaims({
      claims: [await t.ref(a.number), await t.ref(b.number), seen],
      assigneeId: t.c.users.agent.id,
    });
    expect(out.summary).toMatchObject({ changed: 2, conflicts: 1 });
    expect(await recipientsOf(t.db, a.number)).toEqual([t.c.users.agent.id]);
    expect(await recipientsOf(t.db, b.number)).toEqual([t.c.users.agent.id]);
    expect(await recipientsOf(t.db, stale.number)).toEqual([]);
  });

  it("notifies nobody when the change rolls back after the notification was written", async () => {
    const claim = await atelierClaim();
    const refused = mutateClaim(t.db, t.c.users.supervisor, await t.ref(claim.number), now, async (m) => {
      m.set({ assigneeId: t.c.users.agent.id }, { silent: true });
      await notifyAssigned(m, t.c.users.agent.id);
      expect(await recipientsOf(m.tx as never, claim.number)).toEqual([t.c.users.agent.id]); // written, inside
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "changed my mind" });
    });
    await expect(refused).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await recipientsOf(t.db, claim.number)).toEqual([]);
    const seen = await t.ref(claim.number);
    await forceClaim(t.db, claim.id, { priority: 2 });
    await expect(t.c.supervisor.workflow.assignClaim({ ...seen, assigneeId: t.c.users.agent.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await recipientsOf(t.db, claim.number)).toEqual([]);
  });
});

describe("refund proposals and decisions", () => {
  it("asks every active supervisor of the claim's store and every admin, never the proposer or other stores' supervisors", async () => {
    const atelierSup = await makeUser(t.db, { role: "supervisor", stores: ["atelier"], name: "Atelier Supervisor" });
    const kineticSup = await makeUser(t.db, { role: "supervisor", stores: ["kinetic"], name: "Kinetic Supervisor" });
    const formerSup = await makeUser(t.db, { role: "supervisor", stores: ["atelier"], name: "Former Supervisor", active: false });
    const { claim } = await proposedByAgent();
    const waiting = await recipientsOf(t.db, claim.number, "approval_waiting");
    expect(waiting).toEqual(expect.arrayContaining([t.c.users.supervisor.id, t.c.users.admin.id, atelierSup.id]));
    expect(waiting).not.toContain(t.c.users.agent.id);
    expect(waiting).not.toContain(kineticSup.id);
    expect(waiting).not.toContain(formerSup.id);
    expect(new Set(waiting).size).toBe(waiting.length);
    expect((await inbox(t.db, atelierSup.id)).at(-1)).toMatchObject({ title: "Refund of $15.00 waiting for approval", body: expect.stringContaining("Alex Agent proposed") });
  });

  it("leaves a proposing supervisor out of their own approval request", async () => {
    const claim = await createTestClaim(t.db, { store: "atelier", reason: "wrong_item", lines: [weapons], evidence: ["photo"], reportedAt: daysBefore(now, 1) });
    await t.c.supervisor.resolution.proposeRefund({
      ...(await t.ref(claim.number)), option: "keep_with_compensation", amountCents: 900, note: "Discount agreed by phone.", idempotencyKey: key(),
    });
    const waiting = await recipientsOf(t.db, claim.number, "approval_waiting");
    expect(waiting).toContain(t.c.users.admin.id);
    expect(waiting).not.toContain(t.c.users.supervisor.id);
  });

  it("tells the proposing agent of an approval, and of a rejection with the reason; the decider hears nothing", async () => {
    const approved = await proposedByAgent();
    await approveRefund(t.db, t.c.users.supervisor, { refundId: approved.refund.id, idempotencyKey: approved.refund.idempotencyKey, comment: "Fine." }, now);
    expect(await recipientsOf(t.db, approved.claim.number, "refund_approved")).toEqual([t.c.users.agent.id]);
    // A replayed approval is not a second piece of news.
    await approveRefund(t.db, t.c.users.admin, { refundId: approved.refund.id, idempotencyKey: approved.refund.idempotencyKey }, now);
    expect(await recipientsOf(t.db, approved.claim.number, "refund_approved")).toEqual([t.c.users.agent.id]);

    const rejected = await proposedByAgent();
    await rejectRefund(t.db, t.c.users.supervisor, { refundId: rejected.refund.id, comment: "Supplier has spares again: replace it." }, now);
    expect(await recipientsOf(t.db, rejected.claim.number, "refund_rejected")).toEqual([t.c.users.agent.id]);
    expect((await inbox(t.db, t.c.users.agent.id)).at(-1)).toMatchObject({
      kind: "refund_rejected", claimNumber: rejected.claim.number, title: "Refund of $15.00 rejected by Sam Supervisor",
      body: `${rejected.refund.reference}: Supplier has spares again: replace it.`,
    });
    const supervisorKinds = (await inbox(t.db, t.c.users.supervisor.id)).map((n) => n.kind);
    expect(supervisorKinds).not.toContain("refund_approved");
    expect(supervisorKinds).not.toContain("refund_rejected");
  });
});
