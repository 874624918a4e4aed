import { describe, expect, it } from "vitest";
import { shipments } from "../../db/schema/index.ts";
import { transitionClaim } from "../../services/claim-mutation.ts";
import { eq } from "drizzle-orm";
import { key, now, useResolutionDb } from "./harness.ts";
import { createTestClaim, daysBefore } from "./test-claims.ts";

const t = useResolutionDb();
const motor = { sku: "KM-NEMA17-59", unitPriceCents: 1990, quantity: 2, electronic: true, motor: true };

describe("kinetic quality defect (K1–K3)", () => {
  it("replacement is proposed, shipped with its parts and tracking, then closed", async () => {
    const claim = await createTestClaim(t.db, { store: "kinetic", reason: "quality_defect", lines: [motor], evidence: ["connection_video"], reportedAt: daysBefore(now, 1) });
    const evaluation = await t.c.agent.claims.evaluateClaim({ number: claim.number });
    expect(evaluation.decision.options.map((o) => o.kind)).toEqual(["replacement", "full_refund"]);

    // K3: a partial refund is not among the options.
    await expect(
      t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "partial_refund", amountCents: 500, note: "half a motor", idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("does not offer partial refund") });

    const proposed = await t.c.agent.resolution.proposeResolution({ ...(await t.ref(claim.number)), option: "replacement" });
    expect(proposed.status).toBe("resolution_proposed");
    const shipped = await t.c.agent.resolution.shipReplacement({
      ...(await t.ref(claim.number)),
      parts: [{ sku: "KM-NEMA17-59", name: "NEMA 17 stepper motor", quantity: 2 }],
      carrier: "UPS",
      trackingNumber: "1Z999AA10123456784",
    });
    expect(shipped.status).toBe("replacement_shipped");
    const [row] = await t.db.select().from(shipments).where(eq(shipments.id, shipped.shipmentId));
    expect(row).toMatchObject({ kind: "replacement", carrier: "UPS", trackingNumber: "1Z999AA10123456784", status: "shipped", parts: [{ sku: "KM-NEMA17-59", quantity: 2 }] });

    await transitionClaim(t.db, t.c.users.agent, await t.ref(claim.number), "close", now);
    expect((await t.claim(claim.number)).status).toBe("closed");
    const types = (await t.events(claim.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["resolution_proposed", "replacement_shipped"]));
    expect((await t.events(claim.id, "replacement_shipped"))[0]!.data).toMatchObject({ clause: "K3", carrier: "UPS" });
  });

  it("a defect reported after the 30-day window gets the warranty's replacement, never a refund (K2, K5)", async () => {
    const claim = await createTestClaim(t.db, {
      store: "kinetic", reason: "quality_defect", lines: [motor], evidence: ["connection_video"], reportedAt: daysBefore(now, 1), deliveredAt: daysBefore(now, 40),
    });
    const evaluation = await t.c.agent.claims.evaluateClaim({ number: claim.number });
    expect(evaluation.decision.eligibility).toBe("needs_review");
    expect(evaluation.decision.options.map((o) => o.kind)).toEqual(["replacement"]);
    await expect(
      t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "full_refund", idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("does not offer full refund") });
    const proposed = await t.c.agent.resolution.proposeResolution({ ...(await t.ref(claim.number)), option: "replacement" });
    expect(proposed.status).toBe("resolution_proposed");
  });

  it("K7's conflicting payout readings are shown but hold nothing back", async () => {
    const claim = await createTestClaim(t.db, { store: "kinetic", reason: "carrier_damage", lines: [motor], reportedAt: daysBefore(now, 1) });
    const { decision } = await t.c.agent.claims.evaluateClaim({ number: claim.number });
    expect(decision.findings).toContainEqual(expect.objectContaining({ code: "policy_conflict", clause: "K7", severity: "info" }));
    const returned = await t.c.agent.resolution.requestReturn(await t.ref(claim.number));
    expect(returned.status).toBe("awaiting_return");
  });

  it("a stale version gets CONFLICT and changes nothing", async () => {
    const claim = await createTestClaim(t.db, { store: "kinetic", reason: "quality_defect", lines: [motor], evidence: ["connection_video"], reportedAt: daysBefore(now, 1) });
    await t.c.agent.resolution.gradeClaimLine({ number: claim.number, version: 1, claimLineId: claim.claimLineIds[0]!, grade: "medium" });
    await expect(t.c.agent.resolution.proposeResolution({ number: claim.number, version: 1, option: "replacement" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await t.claim(claim.number)).status).toBe("in_review");
  });
});

describe("kinetic change of mind (K4)", () => {
  it("return with tracking, inspection with the deduction clamped to 10 %, return for refund approved and paid once", async () => {
    const claim = await createTestClaim(t.db, { store: "kinetic", reason: "change_of_mind", lines: [motor], reportedAt: daysBefore(now, 2) });
    const returned = await t.c.agent.resolution.requestReturn(await t.ref(claim.number));
    expect(returned).toMatchObject({ status: "awaiting_return", rmaNumber: null });

    // The goods are not back yet: no refund for a return.
    await expect(
      t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "return_for_refund", idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

    await t.c.agent.resolution.recordReturnShipped({ ...(await t.ref(claim.number)), carrier: "USPS", trackingNumber: "9400111899223344556677" });
    const received = await t.c.agent.resolution.receiveReturn(await t.ref(claim.number));
    expect(received).toMatchObject({ status: "inspecting", unannounced: false });
    const inspected = await t.c.agent.resolution.recordInspection({
      ...(await t.ref(claim.number)), used: false, tested: false, programmed: false, packagingIntact: false, inspection: "repack_needed", deductionPct: 25,
    });
    expect(inspected.deductionCap).toMatchObject({ code: "deduction_cap", clause: "K4" });
    const evaluation = await t.c.agent.claims.evaluateClaim({ number: claim.number });
    // K4 evidence: the tracking number the customer gave is on file now.
    expect(evaluation.decision.evidence).toContainEqual({ kind: "tracking_number", required: 1, provided: 1 });
    expect(evaluation.decision.findings.map((f) => f.code)).toContain("deduction_cap");
    expect(evaluation.decision.options).toContainEqual(expect.objectContaining({ kind: "return_for_refund", refundCents: 3980 - 398 }));

    const proposal = await t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "return_for_refund", idempotencyKey: key() });
    expect(proposal).toMatchObject({ amountCents: 3582, status: "proposed", reference: expect.stringMatching(/^RF-2026-\d{6}$/) });
    await expect(t.c.agent.approvals.approveRefund({ refundId: proposal.refundId, idempotencyKey: "x".repeat(36) })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const [refund] = await t.refunds(claim.id);
    await t.c.supervisor.approvals.approveRefund({ refundId: refund!.id, idempotencyKey: refund!.idempotencyKey, comment: "Inspection photos match." });
    expect((await t.claim(claim.number)).status).toBe("approved");
    const paid = await t.c.supervisor.approvals.executeRefund({ refundId: refund!.id });
    const again = await t.c.supervisor.approvals.executeRefund({ refundId: refund!.id });
    expect(paid).toMatchObject({ status: "executed", replayed: false });
    expect(again).toMatchObject({ status: "executed", replayed: true });
    expect((await t.claim(claim.number)).status).toBe("refunded");
    expect(await t.events(claim.id, "refund_executed")).toHaveLength(1);
    expect((await t.events(claim.id, "refund_executed"))[0]!.data).toMatchObject({ amountCents: 3582, reference: refund!.reference });
    const [after] = await t.refunds(claim.id);
    expect(after).toMatchObject({ status: "executed", executedById: t.c.users.supervisor.id, decidedById: t.c.users.supervisor.id, proposedById: t.c.users.agent.id });
  });
});

describe("carrier recovery", () => {
  it("files and follows a carrier claim for carrier damage, never recovering more than claimed", async () => {
    const claim = await createTestClaim(t.db, { store: "kinetic", reason: "carrier_damage", lines: [motor], reportedAt: daysBefore(now, 1) });
    const { recoveryId } = await t.c.agent.resolution.fileCarrierRecovery({ ...(await t.ref(claim.number)), carrier: "UPS", reference: "UPS-CLM-1", amountClaimedCents: 3980 });
    await expect(
      t.c.agent.resolution.updateCarrierRecovery({ ...(await t.ref(claim.number)), recoveryId, status: "paid", amountRecoveredCents: 5000 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await t.c.agent.resolution.updateCarrierRecovery({ ...(await t.ref(claim.number)), recoveryId, status: "paid", amountRecoveredCents: 3000 });
    const state = await t.c.agent.resolution.getResolutionState({ number: claim.number });
    expect(state.recoveries).toEqual([expect.objectContaining({ carrier: "UPS", status: "paid", amountClaimedCents: 3980, amountRecoveredCents: 3000 })]);
    expect((await t.events(claim.id)).map((e) => e.type)).toEqual(expect.arrayContaining(["carrier_recovery_filed", "carrier_recovery_updated"]));

    const defect = await createTestClaim(t.db, { store: "kinetic", reason: "quality_defect", lines: [motor], reportedAt: daysBefore(now, 1) });
    await expect(
      t.c.agent.resolution.fileCarrierRecovery({ ...(await t.ref(defect.number)), carrier: "UPS", amountClaimedCents: 100 }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});
