import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimEvents, refundLines, refunds } from "../../db/schema/index.ts";
import { testDbKind } from "../../test/database.ts";
import { key, now, useResolutionDb } from "../resolution/harness.ts";
import { createTestClaim, daysBefore } from "../resolution/test-claims.ts";

const t = useResolutionDb();
const weapons = { sku: "AT-WEAP-SET", unitPriceCents: 4500, partType: "weapon_large", issueType: "missing_or_wrong_accessory" };

/** An atelier accessory claim with a High grade (A4: 100 % of 15 USD) proposed by the agent. */
async function proposedClaim() {
  const claim = await createTestClaim(t.db, { store: "atelier", reason: "missing_accessory", lines: [weapons], evidence: ["photo", "photo"], reportedAt: daysBefore(now, 1) });
  const proposal = await t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "partial_refund", note: "No spare weapon set.", idempotencyKey: key() });
  const [refund] = await t.refunds(claim.id);
  return { claim, proposal, refund: refund! };
}

/** Atelier mis-shipments leave the discount to the agent (A1): any amount, so tests can aim at the X2 cap. */
async function wrongItemOn(orderId?: number) {
  return createTestClaim(t.db, { store: "atelier", reason: "wrong_item", lines: [weapons], evidence: ["photo"], reportedAt: daysBefore(now, 1), orderId });
}
const discount = async (number: string, amountCents: number) =>
  t.c.agent.resolution.proposeRefund({ ...(await t.ref(number)), option: "keep_with_compensation", amountCents, note: "Discount agreed by phone.", idempotencyKey: key() });

describe("approvals.listApprovals / getApproval", () => {
  it("lists waiting proposals with grading and evidence for supervisors only, and marks their own", async () => {
    const { claim, refund } = await proposedClaim();
    await expect(t.c.agent.approvals.listApprovals({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const page = await t.c.supervisor.approvals.listApprovals({ store: ["atelier"] });
    const row = page.rows.find((r) => r.id === refund.id);
    expect(row).toMatchObject({
      claimNumber: claim.number, amountCents: 1500, kind: "partial_refund", status: "proposed", ownProposal: false, evidenceCount: 2,
      proposedByName: "Alex Agent", grades: [{ sku: "AT-WEAP-SET", grade: null, issueType: "missing_or_wrong_accessory", partType: null }],
    });
    expect(page.total).toBe(page.rows.length);
    expect((await t.c.supervisor.approvals.listApprovals({ store: ["kinetic"] })).rows.find((r) => r.id === refund.id)).toBeUndefined();

    const detail = await t.c.supervisor.approvals.getApproval({ refundId: refund.id });
    expect(detail.lines[0]).toMatchObject({ sku: "AT-WEAP-SET", partType: "weapon_large", issueType: "missing_or_wrong_accessory" });
    expect(detail.split).toEqual([expect.objectContaining({ amountCents: 1500, linePaidCents: 4500, otherRefundsCents: 0 })]);
    expect(detail.decision.options).toContainEqual(expect.objectContaining({ kind: "partial_refund", refundCents: 1500 }));
    expect(detail.evidence).toHaveLength(2);
  });

  it("counts a store's proposals on the refund's own copy of its claim's store, which no insert can get wrong", async () => {
    const { claim, refund } = await proposedClaim();
    // Inserted without a store, and with a wrong one: the database takes the claim's either way.
    const [bare] = await t.db.insert(refunds).values({ claimId: claim.id, reference: `RF-BARE-${refund.id}`, amountCents: 100, kind: "partial_refund", idempotencyKey: key() }).returning();
    const [wrong] = await t.db.insert(refunds).values({ claimId: claim.id, storeId: "kinetic", reference: `RF-WRONG-${refund.id}`, amountCents: 100, kind: "partial_refund", idempotencyKey: key() }).returning();
    expect([refund.storeId, bare!.storeId, wrong!.storeId]).toEqual(["atelier", "atelier", "atelier"]);
    const waiting = async (store: string) =>
      Number((await t.db.execute<{ n: number }>(sql`select count(*)::int n from refunds r join claims c on c.id = r.claim_id where r.status = 'proposed' and c.store_id = ${store}`)).rows[0]!.n);
    const atelier = await t.c.supervisor.approvals.listApprovals({ store: ["atelier"] });
    expect(atelier.total).toBe(await waiting("atelier"));
    expect(atelier.total).toBeGreaterThanOrEqual(3);
    expect((await t.c.supervisor.approvals.listApprovals({ store: ["kinetic"] })).total).toBe(await waiting("kinetic"));
  });
});

describe("approvals.approveRefund / rejectRefund / executeRefund", () => {
  it("approves once: a double click and a second supervisor get the same approval back", async () => {
    const { claim, refund } = await proposedClaim();
    const first = await t.c.supervisor.approvals.approveRefund({ refundId: refund.id, idempotencyKey: refund.idempotencyKey, comment: "ok" });
    const second = await t.c.supervisor.approvals.approveRefund({ refundId: refund.id, idempotencyKey: refund.idempotencyKey });
    const third = await t.c.admin.approvals.approveRefund({ refundId: refund.id, idempotencyKey: refund.idempotencyKey });
    expect(first).toMatchObject({ status: "approved", replayed: false });
    expect([second.replayed, third.replayed]).toEqual([true, true]);
    expect(await t.events(claim.id, "refund_approved")).toHaveLength(1);
    const [row] = await t.refunds(claim.id);
    expect(row).toMatchObject({ status: "approved", decidedById: t.c.users.supervisor.id, decisionComment: "ok" });
    await expect(t.c.supervisor.approvals.approveRefund({ refundId: refund.id, idempotencyKey: "another-proposal-key" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a supervisor's approval of their own proposal (X3)", async () => {
    const claim = await wrongItemOn();
    const proposal = await t.c.supervisor.resolution.proposeRefund({
      ...(await t.ref(claim.number)), option: "keep_with_compensation", amountCents: 900, note: "Discount agreed by phone.", idempotencyKey: key(),
    });
    const [refund] = await t.refunds(claim.id);
    await expect(t.c.supervisor.approvals.approveRefund({ refundId: proposal.refundId, idempotencyKey: refund!.idempotencyKey })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("X3"),
    });
    expect((await t.c.supervisor.approvals.listApprovals({})).rows.find((r) => r.id === refund!.id)?.ownProposal).toBe(true);
    expect((await t.refunds(claim.id))[0]!.status).toBe("proposed");
  });

  it("rejects with a required comment and sends the claim back to review", async () => {
    const { claim, refund } = await proposedClaim();
    await expect(t.c.supervisor.approvals.rejectRefund({ refundId: refund.id, comment: " " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await t.c.supervisor.approvals.rejectRefund({ refundId: refund.id, comment: "Supplier has spares again: replace it." });
    expect((await t.claim(claim.number)).status).toBe("in_review");
    expect((await t.events(claim.id, "refund_rejected"))[0]!.data).toMatchObject({ comment: "Supplier has spares again: replace it.", reference: refund.reference });
    await expect(t.c.supervisor.approvals.approveRefund({ refundId: refund.id, idempotencyKey: refund.idempotencyKey })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(t.c.supervisor.approvals.executeRefund({ refundId: refund.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("pays an approved refund once, and never before approval (X3)", async () => {
    const { claim, refund } = await proposedClaim();
    await expect(t.c.supervisor.approvals.executeRefund({ refundId: refund.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await t.c.supervisor.approvals.approveRefund({ refundId: refund.id, idempotencyKey: refund.idempotencyKey });
    const [a, b] = [await t.c.admin.approvals.executeRefund({ refundId: refund.id }), await t.c.supervisor.approvals.executeRefund({ refundId: refund.id })];
    expect([a.replayed, b.replayed]).toEqual([false, true]);
    expect(await t.events(claim.id, "refund_executed")).toHaveLength(1);
    expect((await t.refunds(claim.id))[0]).toMatchObject({ status: "executed", executedById: t.c.users.admin.id });
  });
});

describe("X2: refunds of an order line never exceed what it paid", () => {
  it("refuses a second proposal that would take the line past its price, and counts it again once the first is rejected", async () => {
    const first = await wrongItemOn();
    const second = await wrongItemOn(first.orderId);
    await discount(first.number, 3000);
    await expect(discount(second.number, 2000)).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("X2") });
    expect(await t.refunds(second.id)).toHaveLength(0);
    expect((await t.claim(second.number)).status).toBe("in_review");

    const [firstRefund] = await t.refunds(first.id);
    await t.c.supervisor.approvals.rejectRefund({ refundId: firstRefund!.id, comment: "Too generous for a mis-shipment." });
    await discount(second.number, 2000);
    const detail = await t.c.supervisor.approvals.getApproval({ refundId: (await t.refunds(second.id))[0]!.id });
    expect(detail.split[0]).toMatchObject({ amountCents: 2000, otherRefundsCents: 0 });
  });

  it("re-checks the cap inside the approval's transaction", async () => {
    const claim = await wrongItemOn();
    await discount(claim.number, 4000);
    const [refund] = await t.refunds(claim.id);
    // A refund booked on the same line by other means after the proposal (e.g. an import) must still count.
    const [other] = await t.db
      .insert(refunds)
      .values({ claimId: claim.id, reference: `RF-IMPORT-${refund!.id}`, amountCents: 1000, kind: "partial_refund", status: "executed", idempotencyKey: key() })
      .returning({ id: refunds.id });
    await t.db.insert(refundLines).values({ refundId: other!.id, orderLineId: claim.orderLineIds[0]!, amountCents: 1000 });
    await expect(t.c.supervisor.approvals.approveRefund({ refundId: refund!.id, idempotencyKey: refund!.idempotencyKey })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("X2"),
    });
    expect((await t.refunds(claim.id)).find((r) => r.id === refund!.id)!.status).toBe("proposed");
  });
});

// Races need real concurrent connections: PGlite runs one statement at a time, so these exist only on
// PostgreSQL (a plain `if`, never a skipped test). The PGlite suite covers the same rules sequentially.

if (testDbKind === "postgres") {
  describe("concurrency on PostgreSQL", () => {
    it("10 concurrent approvals of one proposal approve it once, with one refund_approved event", async () => {
      const claim = await createTestClaim(t.db, { store: "atelier", reason: "missing_accessory", lines: [weapons], evidence: ["photo"], reportedAt: daysBefore(now, 1) });
      await t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "partial_refund", idempotencyKey: key() });
      const [refund] = await t.refunds(claim.id);
      const callers = [t.c.supervisor, t.c.admin];
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => callers[i % 2]!.approvals.approveRefund({ refundId: refund!.id, idempotencyKey: refund!.idempotencyKey })),
      );
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
      const values = results.map((r) => (r as PromiseFulfilledResult<{ replayed: boolean; status: string }>).value);
      expect(values.filter((v) => !v.replayed)).toHaveLength(1);
      expect(values.every((v) => v.status === "approved")).toBe(true);
      expect(await t.events(claim.id, "refund_approved")).toHaveLength(1);
      expect(await t.events(claim.id, "status_changed")).toHaveLength(2); // proposed, approved
      const approved = await t.db.select({ n: sql<number>`count(*)::int` }).from(refunds).where(and(eq(refunds.claimId, claim.id), eq(refunds.status, "approved")));
      expect(approved[0]!.n).toBe(1);
      const seqs = (await t.events(claim.id)).map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    });

    it("concurrent proposals on one order line never pass its price together (X2)", async () => {
      const first = await createTestClaim(t.db, { store: "atelier", reason: "wrong_item", lines: [weapons], evidence: ["photo"], reportedAt: daysBefore(now, 1) });
      const others = await Promise.all(
        Array.from({ length: 5 }, () => createTestClaim(t.db, { store: "atelier", reason: "wrong_item", lines: [weapons], evidence: ["photo"], reportedAt: daysBefore(now, 1), orderId: first.orderId })),
      );
      const all = [first, ...others];
      const results = await Promise.allSettled(
        all.map(async (c) => t.c.agent.resolution.proposeRefund({ ...(await t.ref(c.number)), option: "keep_with_compensation", amountCents: 2000, note: "Discount agreed by phone.", idempotencyKey: key() })),
      );
      const ok = results.filter((r) => r.status === "fulfilled");
      expect(ok).toHaveLength(2); // 2 × 20 USD fit into 45 USD; a third would not
      for (const r of results.filter((r) => r.status === "rejected")) expect(String((r as PromiseRejectedResult).reason.message)).toContain("X2");
      const [sum] = await t.db
        .select({ cents: sql<number>`coalesce(sum(${refundLines.amountCents}), 0)::int` })
        .from(refundLines)
        .innerJoin(refunds, eq(refunds.id, refundLines.refundId))
        .where(and(eq(refundLines.orderLineId, first.orderLineIds[0]!), ne(refunds.status, "rejected")));
      expect(sum!.cents).toBeLessThanOrEqual(4500);
      expect(sum!.cents).toBe(4000);
      const proposedEvents = await t.db.select({ id: claimEvents.id }).from(claimEvents).where(and(inArray(claimEvents.claimId, all.map((c) => c.id)), eq(claimEvents.type, "refund_proposed")));
      expect(proposedEvents).toHaveLength(2);
    });
  });
}
