import { describe, expect, it } from "vitest";
import { key, now, useResolutionDb } from "./harness.ts";
import { createTestClaim, daysBefore, hoursAfter } from "./test-claims.ts";

const t = useResolutionDb();
const goodsEvidence = ["photo", "packaging_photo"];

describe("everyday change of mind (E2, E4, E7)", () => {
  it("returns for the whole paid amount, split over the lines, approved by another supervisor and paid", async () => {
    const claim = await createTestClaim(t.db, {
      store: "everyday", reason: "change_of_mind", evidence: goodsEvidence, reportedAt: daysBefore(now, 3),
      lines: [{ sku: "ED-TEE-ORG", unitPriceCents: 1999, quantity: 3 }, { sku: "ED-MUG-SET", unitPriceCents: 2899 }],
    });
    // agents of other stores do not see it at all
    await expect(t.c.agent.resolution.requestReturn(await t.ref(claim.number))).rejects.toMatchObject({ code: "NOT_FOUND" });

    const sup = t.c.supervisor;
    await sup.resolution.requestReturn(await t.ref(claim.number));
    await sup.resolution.recordReturnShipped({ ...(await t.ref(claim.number)), carrier: "UPS", trackingNumber: "1Z12345E0205271688" });
    const later = t.at("supervisor", hoursAfter(now, 48));
    await later.resolution.receiveReturn(await t.ref(claim.number));
    await later.resolution.recordInspection({ ...(await t.ref(claim.number)), used: false, tested: false, programmed: false, packagingIntact: true, inspection: "intact" });

    // everyday pays refunds to the original payment only
    await expect(
      later.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "return_for_refund", method: "store_coupon", idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("original payment only") });

    const proposal = await later.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "return_for_refund", idempotencyKey: key() });
    expect(proposal.amountCents).toBe(3 * 1999 + 2899);
    const lines = await t.refundLines(proposal.refundId);
    expect(lines.map((l) => l.amountCents).sort((a, b) => a - b)).toEqual([2899, 5997]);

    // X3: the supervisor proposed it, so the admin approves.
    const [refund] = await t.refunds(claim.id);
    await expect(later.approvals.approveRefund({ refundId: refund!.id, idempotencyKey: refund!.idempotencyKey })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("X3"),
    });
    await t.at("admin", hoursAfter(now, 50)).approvals.approveRefund({ refundId: refund!.id, idempotencyKey: refund!.idempotencyKey });
    await t.at("admin", hoursAfter(now, 50)).approvals.executeRefund({ refundId: refund!.id });
    expect((await t.claim(claim.number)).status).toBe("refunded");
    const types = (await t.events(claim.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["return_authorised", "return_shipped", "return_received", "inspection_recorded", "refund_proposed", "refund_approved", "refund_executed"]));
    // Every event of the journey is numbered without gaps.
    expect((await t.events(claim.id)).map((e) => e.seq)).toEqual(types.map((_, i) => i + 1));
  });

  it("a missing accessory graded Medium refunds half the paid line (E6, G); a free cancellation refunds the order (E1)", async () => {
    const accessory = await createTestClaim(t.db, {
      store: "everyday", reason: "missing_accessory", evidence: goodsEvidence, reportedAt: daysBefore(now, 3), lines: [{ sku: "ED-LAMP-LED", unitPriceCents: 4499, electronic: true }],
    });
    // everyday has no issue list or part schedule: those fields are refused by name.
    await expect(
      t.c.supervisor.resolution.gradeClaimLine({ ...(await t.ref(accessory.number)), claimLineId: accessory.claimLineIds[0]!, grade: "medium", issueType: "detachment" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("no issue type") });
    await t.c.supervisor.resolution.gradeClaimLine({ ...(await t.ref(accessory.number)), claimLineId: accessory.claimLineIds[0]!, grade: "medium" });
    const partial = await t.c.supervisor.resolution.proposeRefund({ ...(await t.ref(accessory.number)), option: "partial_refund", idempotencyKey: key() });
    expect(partial.amountCents).toBe(2250); // 50 % of 44.99, half-up

    const cancellation = await createTestClaim(t.db, {
      store: "everyday", reason: "cancellation", reportedAt: hoursAfter(daysBefore(now, 1), 2), placedAt: daysBefore(now, 1), shippedAt: null, deliveredAt: null,
      lines: [{ sku: "ED-KETTLE-17", unitPriceCents: 3999, electronic: true }, { sku: "ED-MUG-SET", unitPriceCents: 2899, quantity: 2 }],
    });
    const cancel = await t.c.supervisor.resolution.proposeRefund({ ...(await t.ref(cancellation.number)), option: "cancel_order", idempotencyKey: key() });
    expect(cancel.amountCents).toBe(3999 + 2 * 2899);
    expect((await t.refundLines(cancel.refundId)).map((l) => l.amountCents).sort((a, b) => a - b)).toEqual([3999, 5798]);
  });

  it("a parcel that arrives without an authorised return is recorded as unannounced (X1, E8)", async () => {
    const claim = await createTestClaim(t.db, {
      store: "everyday", reason: "change_of_mind", evidence: goodsEvidence, reportedAt: daysBefore(now, 3), lines: [{ sku: "ED-BACKPACK", unitPriceCents: 6900 }],
    });
    const result = await t.c.supervisor.resolution.receiveReturn(await t.ref(claim.number));
    expect(result).toMatchObject({ unannounced: true, status: "in_review" });
    const [event] = await t.events(claim.id, "unannounced_return");
    expect(event!.data).toMatchObject({ clause: "E8", clauses: ["X1", "E8"] });
    const evaluation = await t.c.supervisor.claims.evaluateClaim({ number: claim.number });
    expect(evaluation.decision.findings).toContainEqual(expect.objectContaining({ code: "unannounced_return", clause: "E8" }));
    expect(evaluation.decision.eligibility).toBe("needs_review");
    await expect(t.c.supervisor.resolution.receiveReturn(await t.ref(claim.number))).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});
