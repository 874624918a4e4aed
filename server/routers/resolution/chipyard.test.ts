import { describe, expect, it } from "vitest";
import { defaultPolicies } from "../../../shared/policy/index.ts";
import { claims } from "../../db/schema/index.ts";
import { issueRmaNumber } from "../../services/resolution-rma.ts";
import { eq } from "drizzle-orm";
import { key, now, useResolutionDb } from "./harness.ts";
import { createTestClaim, daysBefore, hoursAfter } from "./test-claims.ts";

const t = useResolutionDb();
const scope = { lines: [{ sku: "CY-OSC-2CH", unitPriceCents: 18900, electronic: true }] };
const wrongItem = { store: "chipyard", reason: "wrong_item", evidence: ["comparison_screenshot", "photo", "photo"], ...scope };

describe("chipyard wrong item (C1, C2, C6)", () => {
  it("authorises the return with a unique RMA number and refuses a carrier other than FedEx or DHL", async () => {
    const claim = await createTestClaim(t.db, { ...wrongItem, reportedAt: daysBefore(now, 0.5), deliveredAt: daysBefore(now, 1) });
    const sup = t.c.supervisor;
    const { rmaNumber } = await sup.resolution.requestReturn(await t.ref(claim.number));
    expect(rmaNumber).toMatch(/^RMA\d{9}$/);
    expect((await t.claim(claim.number)).rmaNumber).toBe(rmaNumber);

    await expect(sup.resolution.recordReturnShipped({ ...(await t.ref(claim.number)), carrier: "UPS", trackingNumber: "1Z12345E0205271688" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("C2: UPS is refused"),
    });
    expect((await t.claim(claim.number)).caseFacts.returnCarrier).toBeUndefined();
    await sup.resolution.recordReturnShipped({ ...(await t.ref(claim.number)), carrier: "FedEx", trackingNumber: "794644790132" });
    const state = await sup.resolution.getResolutionState({ number: claim.number });
    expect(state.shipments).toEqual([expect.objectContaining({ kind: "return", carrier: "FedEx", status: "shipped" })]);
    expect(state.rules.returnCarriers).toEqual({ clause: "C2", allowed: ["FedEx", "DHL"] });
    expect(state.caseFacts.returnCarrier).toBe("FedEx");
  });

  it("draws another RMA number when the first one is taken (unique index, C1)", async () => {
    const a = await createTestClaim(t.db, { ...wrongItem, reportedAt: daysBefore(now, 0.5), deliveredAt: daysBefore(now, 1) });
    const b = await createTestClaim(t.db, { ...wrongItem, reportedAt: daysBefore(now, 0.5), deliveredAt: daysBefore(now, 1) });
    await t.db.update(claims).set({ rmaNumber: "RMA000000042" }).where(eq(claims.id, a.id));
    const draws = [42, 42, 43];
    const issued = await t.db.transaction((tx) => issueRmaNumber(tx, b.id, defaultPolicies.chipyard, () => draws.shift()!));
    expect(issued).toBe("RMA000000043");
    expect((await t.claim(b.number)).rmaNumber).toBe("RMA000000043");
  });

  it("keep with compensation: 50 % of the price difference, paid as a coupon once the received value is known", async () => {
    const claim = await createTestClaim(t.db, { ...wrongItem, reportedAt: daysBefore(now, 0.5), deliveredAt: daysBefore(now, 1) });
    const sup = t.c.supervisor;
    await expect(
      sup.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "keep_with_compensation", method: "store_coupon", idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("value of the received item") });

    await sup.resolution.recordResolutionAmounts({ ...(await t.ref(claim.number)), receivedItemValueCents: 4900 });
    const proposal = await sup.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "keep_with_compensation", method: "store_coupon", idempotencyKey: key() });
    expect(proposal.amountCents).toBe(7000); // 50 % × |18900 − 4900|
    const [refund] = await t.refunds(claim.id);
    const admin = t.at("admin", hoursAfter(now, 2));
    await admin.approvals.approveRefund({ refundId: refund!.id, idempotencyKey: refund!.idempotencyKey, comment: "C6 compensation" });
    const paid = await admin.approvals.executeRefund({ refundId: refund!.id });
    expect(paid.couponCode).toMatch(/^CH-[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const [after] = await t.refunds(claim.id);
    expect(after).toMatchObject({ status: "executed", method: "store_coupon", kind: "keep_with_compensation", couponCode: paid.couponCode, amountCents: 7000 });
  });
});

describe("chipyard change of mind (C4, C5)", () => {
  it("is blocked until a supervisor records an exception, then refunds paid − purchase cost − export postage", async () => {
    const claim = await createTestClaim(t.db, {
      store: "chipyard", reason: "change_of_mind", evidence: ["panoramic_photo", "packaging_photo"], reportedAt: daysBefore(now, 2), deliveredAt: daysBefore(now, 5), ...scope,
    });
    const sup = t.c.supervisor;
    await expect(sup.resolution.requestReturn(await t.ref(claim.number))).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("C5") });
    await expect(
      sup.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "return_for_refund", idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("C5") });

    await sup.resolution.recordClaimException({ ...(await t.ref(claim.number)), reason: "Unopened scope, customer ordered the wrong model." });
    const { rmaNumber } = await sup.resolution.requestReturn(await t.ref(claim.number));
    expect(rmaNumber).toMatch(/^RMA\d{9}$/);
    await sup.resolution.recordReturnShipped({ ...(await t.ref(claim.number)), carrier: "dhl", trackingNumber: "JD0146000062" });
    await sup.resolution.receiveReturn(await t.ref(claim.number));
    await sup.resolution.recordInspection({ ...(await t.ref(claim.number)), used: false, tested: false, programmed: false, packagingIntact: true, inspection: "intact" });
    await sup.resolution.recordResolutionAmounts({ ...(await t.ref(claim.number)), purchaseCostCents: 1500, exportPostageCents: 2400 });
    const proposal = await sup.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "return_for_refund", idempotencyKey: key() });
    expect(proposal.amountCents).toBe(18900 - 1500 - 2400);
    const [refund] = await t.refunds(claim.id);
    expect(refund!.isException).toBe(true);
    const approvals = await t.c.admin.approvals.listApprovals({});
    expect(approvals.rows.find((r) => r.id === refund!.id)).toMatchObject({ isException: true, storeId: "chipyard", ownProposal: false });
  });

  it("a used part breaches C4 at inspection and the claim becomes ineligible", async () => {
    const claim = await createTestClaim(t.db, {
      store: "chipyard", reason: "change_of_mind", evidence: ["panoramic_photo", "packaging_photo"], reportedAt: daysBefore(now, 2), deliveredAt: daysBefore(now, 5), ...scope,
    });
    const sup = t.c.supervisor;
    await sup.resolution.recordClaimException({ ...(await t.ref(claim.number)), reason: "Customer asked nicely, try the return." });
    await sup.resolution.requestReturn(await t.ref(claim.number));
    await sup.resolution.recordReturnShipped({ ...(await t.ref(claim.number)), carrier: "FedEx", trackingNumber: "794644790133" });
    await sup.resolution.receiveReturn(await t.ref(claim.number));
    const inspected = await sup.resolution.recordInspection({
      ...(await t.ref(claim.number)), used: true, tested: true, programmed: false, packagingIntact: true, inspection: "intact",
    });
    expect(inspected.conditionBreach).toMatchObject({ code: "condition_breach", clause: "C4" });
    expect((await t.claim(claim.number)).eligibility).toBe("ineligible");
  });
});

describe("chipyard goods' condition before the RMA (C4, rev. 2)", () => {
  const breach = { condition: { used: true, tested: false, programmed: false, packagingIntact: true } };

  it("issues no RMA while the goods' condition breaches C4, until a supervisor records an exception", async () => {
    const claim = await createTestClaim(t.db, { ...wrongItem, reportedAt: daysBefore(now, 0.5), deliveredAt: daysBefore(now, 1), caseFacts: breach });
    const sup = t.c.supervisor;
    await expect(sup.resolution.requestReturn(await t.ref(claim.number))).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("C4: the goods are not in returnable condition (used)"),
    });
    expect((await t.claim(claim.number)).rmaNumber).toBeNull();

    await sup.resolution.recordClaimException({ ...(await t.ref(claim.number)), reason: "Customer opened the bag only to check the part number." });
    const { rmaNumber } = await sup.resolution.requestReturn(await t.ref(claim.number));
    expect(rmaNumber).toMatch(/^RMA\d{9}$/);
  });

  it("[X7] authorises nothing on a record whose dates contradict each other", async () => {
    const claim = await createTestClaim(t.db, {
      ...wrongItem,
      reportedAt: daysBefore(now, 0.5),
      deliveredAt: daysBefore(now, 1),
      caseFacts: { approvedAt: daysBefore(now, 0.2).toISOString(), returnReceivedAt: daysBefore(now, 0.3).toISOString() },
    });
    expect((await t.claim(claim.number)).eligibility).toBe("needs_review");
    await expect(t.c.supervisor.resolution.requestReturn(await t.ref(claim.number))).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("X7: the claim's record contradicts itself (return received before the claim was approved"),
    });
  });
});
