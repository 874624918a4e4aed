import { describe, expect, it } from "vitest";
import { key, now, useResolutionDb } from "./harness.ts";
import { createTestClaim, daysBefore, hoursAfter } from "./test-claims.ts";

// Issue 14: C6 lets the customer keep the wrong item with 50 % of the price difference *plus reshipment of
// the right item*. The compensation is a refund (the claim ends refunded); the reshipment must still be
// recordable afterwards, as a replacement shipment with tracking, and only on claims that owe it.

const t = useResolutionDb();
const wrongItem = {
  store: "chipyard", reason: "wrong_item", evidence: ["comparison_screenshot", "photo", "photo"],
  lines: [{ sku: "CY-OSC-2CH", unitPriceCents: 18900, electronic: true }],
};
const parcel = { parts: [{ sku: "CY-OSC-2CH", name: "2-channel oscilloscope", quantity: 1 }], carrier: "DHL", trackingNumber: "JD0146000099" };

/** The C6 compensation proposed, approved by another person and paid: the claim is refunded. */
async function compensated() {
  const claim = await createTestClaim(t.db, { ...wrongItem, reportedAt: daysBefore(now, 0.5), deliveredAt: daysBefore(now, 1) });
  await t.c.supervisor.resolution.recordResolutionAmounts({ ...(await t.ref(claim.number)), receivedItemValueCents: 4900 });
  await t.c.supervisor.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "keep_with_compensation", method: "store_coupon", idempotencyKey: key() });
  const [refund] = await t.refunds(claim.id);
  // X3: someone other than the proposer approves and pays.
  const admin = t.at("admin", hoursAfter(now, 1));
  await admin.approvals.approveRefund({ refundId: refund!.id, idempotencyKey: refund!.idempotencyKey, comment: "C6" });
  await admin.approvals.executeRefund({ refundId: refund!.id });
  expect((await t.claim(claim.number)).status).toBe("refunded");
  return claim;
}

describe("reshipment after a C6 compensation (chipyard)", () => {
  it("is offered on the refunded claim and recorded as a replacement shipment with tracking", async () => {
    const claim = await compensated();
    const actions = await t.c.supervisor.workflow.listClaimActions({ number: claim.number });
    expect(actions.actions.map((a) => a.action)).toEqual(["ship_replacement", "close"]);
    expect(actions.actions.find((a) => a.action === "ship_replacement")).toMatchObject({ plain: false, procedure: "resolution.shipReplacement" });
    expect((await t.c.supervisor.resolution.getResolutionState({ number: claim.number })).reshipmentOwed).toBe(true);

    // The right item goes out as a replacement, never an "exchange" (nothing comes back).
    await expect(t.c.supervisor.resolution.shipReplacement({ ...(await t.ref(claim.number)), ...parcel, kind: "exchange" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const shipped = await t.c.supervisor.resolution.shipReplacement({ ...(await t.ref(claim.number)), ...parcel });
    expect(shipped.status).toBe("replacement_shipped");

    const state = await t.c.supervisor.resolution.getResolutionState({ number: claim.number });
    expect(state.shipments).toEqual([expect.objectContaining({ kind: "replacement", carrier: "DHL", trackingNumber: "JD0146000099", status: "shipped", parts: parcel.parts })]);
    expect(state.reshipmentOwed).toBe(false);
    const [event] = await t.events(claim.id, "replacement_shipped");
    expect(event!.data).toMatchObject({ kind: "replacement", trackingNumber: "JD0146000099", clause: "C6", afterRefund: true });
    // Shipped: only Close is left, and the coupon stays paid.
    expect((await t.c.supervisor.workflow.listClaimActions({ number: claim.number })).actions.map((a) => a.action)).toEqual(["close"]);
    expect((await t.refunds(claim.id))[0]).toMatchObject({ status: "executed", kind: "keep_with_compensation" });
  });

  it("is not offered, and refused, on a refunded claim whose refund settled it", async () => {
    // Refunded without a reshipping compensation (set up directly: a full refund owes no goods).
    const claim = await createTestClaim(t.db, { ...wrongItem, status: "refunded", reportedAt: daysBefore(now, 0.5), deliveredAt: daysBefore(now, 1) });
    const actions = await t.c.supervisor.workflow.listClaimActions({ number: claim.number });
    expect(actions.actions.map((a) => a.action)).toEqual(["close"]);
    expect(actions.blocked).toEqual([]);
    expect((await t.c.supervisor.resolution.getResolutionState({ number: claim.number })).reshipmentOwed).toBe(false);
    await expect(t.c.supervisor.resolution.shipReplacement({ ...(await t.ref(claim.number)), ...parcel })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED", message: expect.stringContaining("C6"),
    });
    expect((await t.claim(claim.number)).status).toBe("refunded");
  });
});
