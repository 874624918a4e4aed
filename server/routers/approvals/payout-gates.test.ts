import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claims, refundLines } from "../../db/schema/index.ts";
import { key, now, useResolutionDb } from "../resolution/harness.ts";
import { createTestClaim, daysBefore, hoursAfter } from "../resolution/test-claims.ts";

const t = useResolutionDb();
const slider = { sku: "KN-SLIDE-600", unitPriceCents: 12_900 };

describe("X8: a refund for goods that travel back is paid once they are back (and inspected, K7)", () => {
  it("waits for the receipt and the inspection, and execution refuses a refund approved before them", async () => {
    const claim = await createTestClaim(t.db, { store: "kinetic", reason: "quality_defect", lines: [slider], evidence: ["connection_video"], reportedAt: daysBefore(now, 1) });
    const { decision } = await t.c.agent.claims.evaluateClaim({ number: claim.number });
    expect(decision.options.find((o) => o.kind === "full_refund")).toMatchObject({ payableAfter: "inspected", payable: false, refundCents: 12_900 });
    const propose = async () => t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "full_refund", idempotencyKey: key() });
    await expect(propose()).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("X8: this refund is paid once the return is received and inspected; the return's receipt and its inspection") });

    await t.c.agent.resolution.requestReturn(await t.ref(claim.number));
    await t.c.agent.resolution.recordReturnShipped({ ...(await t.ref(claim.number)), carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
    await t.c.agent.resolution.receiveReturn(await t.ref(claim.number));
    await expect(propose()).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("the inspection is not recorded yet") });
    await t.c.agent.resolution.recordInspection({ ...(await t.ref(claim.number)), used: false, tested: true, programmed: false, packagingIntact: true, inspection: "intact" });
    const proposal = await propose();
    const [refund] = await t.refunds(claim.id);
    await t.c.supervisor.approvals.approveRefund({ refundId: refund!.id, idempotencyKey: refund!.idempotencyKey });

    // A refund approved before the goods were inspected (as one approved before X8 held): the payout waits.
    const facts = (await t.claim(claim.number)).caseFacts;
    await t.db.update(claims).set({ caseFacts: { ...facts, inspectedAt: undefined } }).where(eq(claims.id, claim.id));
    await expect(t.c.admin.approvals.executeRefund({ refundId: proposal.refundId })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED", message: `X8: ${refund!.reference} is paid once the return is received and inspected; the inspection is not recorded yet.`,
    });
    const queue = await t.c.supervisor.approvals.listApprovals({ status: "approved", store: ["kinetic"] });
    expect(queue.rows.find((r) => r.id === proposal.refundId)?.payoutWaits).toBe("received and inspected");
    const detail = await t.c.supervisor.approvals.getApproval({ refundId: proposal.refundId });
    expect(detail.payout).toEqual({ gate: "received and inspected", missing: "the inspection is not recorded yet", clause: "X8" });
    expect((await t.refunds(claim.id))[0]!.status).toBe("approved");

    await t.db.update(claims).set({ caseFacts: facts }).where(eq(claims.id, claim.id));
    expect((await t.c.supervisor.approvals.getApproval({ refundId: proposal.refundId })).payout).toBeNull();
    expect((await t.c.supervisor.approvals.listApprovals({ status: "approved", store: ["kinetic"] })).rows.find((r) => r.id === proposal.refundId)?.payoutWaits).toBeNull();
    await t.c.admin.approvals.executeRefund({ refundId: proposal.refundId });
    expect((await t.claim(claim.number)).status).toBe("refunded");
  });
});

describe("E4: the customer's advanced freight, reimbursed as its own payout", () => {
  const kettle = { sku: "ED-KETTLE", unitPriceCents: 4_990 };
  const advanced = () =>
    createTestClaim(t.db, {
      store: "everyday", reason: "not_as_described", lines: [kettle], evidence: ["photo", "packaging_photo"], reportedAt: daysBefore(now, 2),
      caseFacts: { customerAdvancedFreight: true, advancedFreightCents: 1_290 },
    });

  it("goes to PayPal under four eyes, outside X2 and the claim's cap, without moving the claim, with its 7-working-day deadline", async () => {
    const claim = await advanced();
    const k = key();
    const proposal = await t.c.supervisor.resolution.proposeFreightReimbursement({ ...(await t.ref(claim.number)), idempotencyKey: k });
    expect(proposal).toMatchObject({ amountCents: 1_290, status: "proposed", replayed: false });
    expect(await t.c.supervisor.resolution.proposeFreightReimbursement({ number: claim.number, version: 1, idempotencyKey: k })).toMatchObject({ refundId: proposal.refundId, replayed: true });
    await expect(t.c.supervisor.resolution.proposeFreightReimbursement({ ...(await t.ref(claim.number)), idempotencyKey: key() })).rejects.toMatchObject({ code: "CONFLICT" });
    const [row] = await t.refunds(claim.id);
    expect(row).toMatchObject({ kind: "freight_reimbursement", method: "paypal", amountCents: 1_290, storeId: "everyday" });
    expect(await t.db.select().from(refundLines).where(eq(refundLines.refundId, row!.id))).toEqual([]);
    expect((await t.claim(claim.number)).status).toBe("in_review");
    const queue = await t.c.supervisor.approvals.listApprovals({ store: ["everyday"] });
    expect(queue.rows.find((r) => r.id === row!.id)).toMatchObject({ kind: "freight_reimbursement", method: "paypal" });

    // The claim's own money still has the whole paid price: the reimbursement is outside both caps.
    const sup = t.c.supervisor;
    await sup.resolution.requestReturn(await t.ref(claim.number));
    await sup.resolution.recordReturnShipped({ ...(await t.ref(claim.number)), carrier: "UPS", trackingNumber: "1Z12345E0205271688" });
    await sup.resolution.receiveReturn(await t.ref(claim.number));
    const deadlines = (await t.claim(claim.number)).deadlines;
    expect(deadlines.map((d) => d.key)).toContain("freight_reimbursement_due");
    const refund = await sup.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "return_for_refund", idempotencyKey: key() });
    expect(refund.amountCents).toBe(4_990);

    // X3: approved by a supervisor who did not propose it; paid once; the claim's workflow does not move.
    await expect(sup.approvals.approveRefund({ refundId: row!.id, idempotencyKey: row!.idempotencyKey })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await t.c.admin.approvals.approveRefund({ refundId: row!.id, idempotencyKey: row!.idempotencyKey });
    const later = t.at("supervisor", hoursAfter(now, 1));
    const paid = await later.approvals.executeRefund({ refundId: row!.id });
    expect(paid).toMatchObject({ status: "executed", replayed: false });
    expect((await later.approvals.executeRefund({ refundId: row!.id })).replayed).toBe(true);
    expect((await t.claim(claim.number)).status).toBe("awaiting_approval");
    expect((await t.events(claim.id, "freight_reimbursement_proposed"))[0]!.data).toMatchObject({ amountCents: 1_290, method: "paypal", clause: "E4" });

    // Reports keep it out of the refunds and show it as its own figure.
    const report = await sup.reports.getMoneyReport({ from: "2026-03-01", to: "2026-03-31", storeIds: ["everyday"] });
    expect(report.byKind.map((k) => k.kind)).not.toContain("freight_reimbursement");
    expect(report.freightReimbursements).toMatchObject({ approvedCount: 1, approvedCents: 1_290, executedCount: 1, executedCents: 1_290 });
  });

  it("the proposer cannot approve it (X3), and nothing is reimbursed without an advanced amount", async () => {
    const claim = await advanced();
    const proposal = await t.c.supervisor.resolution.proposeFreightReimbursement({ ...(await t.ref(claim.number)), idempotencyKey: key() });
    const [row] = await t.refunds(claim.id);
    await expect(t.c.supervisor.approvals.approveRefund({ refundId: proposal.refundId, idempotencyKey: row!.idempotencyKey })).rejects.toMatchObject({
      code: "FORBIDDEN", message: expect.stringContaining("X3"),
    });
    // A reimbursement proposed after the claim's refund does not stand in for it at the workflow's four-eyes check.
    const other = await advanced();
    await t.c.supervisor.resolution.requestReturn(await t.ref(other.number));
    await t.c.supervisor.resolution.recordReturnShipped({ ...(await t.ref(other.number)), carrier: "UPS", trackingNumber: "1Z12345E0205271699" });
    await t.c.supervisor.resolution.receiveReturn(await t.ref(other.number));
    const refund = await t.c.admin.resolution.proposeRefund({ ...(await t.ref(other.number)), option: "return_for_refund", idempotencyKey: key() });
    await t.c.supervisor.resolution.proposeFreightReimbursement({ ...(await t.ref(other.number)), idempotencyKey: key() });
    const waiting = (await t.refunds(other.id)).find((r) => r.id === refund.refundId)!;
    await t.c.supervisor.approvals.approveRefund({ refundId: refund.refundId, idempotencyKey: waiting.idempotencyKey });
    expect((await t.claim(other.number)).status).toBe("approved");

    const plain = await createTestClaim(t.db, { store: "everyday", reason: "not_as_described", lines: [kettle], evidence: ["photo", "packaging_photo"], reportedAt: daysBefore(now, 2) });
    await expect(t.c.supervisor.resolution.proposeFreightReimbursement({ ...(await t.ref(plain.number)), idempotencyKey: key() })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED", message: expect.stringContaining("E4"),
    });
  });
});
