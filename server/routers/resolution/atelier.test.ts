import { describe, expect, it } from "vitest";
import { key, now, useResolutionDb } from "./harness.ts";
import { createTestClaim, daysBefore } from "./test-claims.ts";

const t = useResolutionDb();
const weapons = { sku: "AT-WEAP-SET", unitPriceCents: 4500, partType: "weapon_large", issueType: "paint_defect" };

describe("atelier accessory issue graded (A2–A6, G)", () => {
  it("graded High: partial refund = 100 % of the part's value, proposed by the agent and approved", async () => {
    const claim = await createTestClaim(t.db, { store: "atelier", reason: "missing_accessory", lines: [weapons], evidence: ["photo"], reportedAt: daysBefore(now, 1) });
    const line = claim.claimLineIds[0]!;
    // paint_defect defaults to Depends (A3): no amount until someone sets it.
    let evaluation = await t.c.agent.claims.evaluateClaim({ number: claim.number });
    expect(evaluation.decision.findings).toContainEqual(expect.objectContaining({ code: "grade_depends", clause: "A6" }));

    await expect(
      t.c.agent.resolution.gradeClaimLine({ ...(await t.ref(claim.number)), claimLineId: line, issueType: "paint_defect", grade: "depends" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      t.c.agent.resolution.gradeClaimLine({ ...(await t.ref(claim.number)), claimLineId: line, issueType: "paint_defect", partType: "weapon_large", grade: "hgih" as "high" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await t.c.agent.resolution.gradeClaimLine({ ...(await t.ref(claim.number)), claimLineId: line, issueType: "missing_or_wrong_accessory", partType: "weapon_large", grade: "high" });
    evaluation = await t.c.agent.claims.evaluateClaim({ number: claim.number });
    expect(evaluation.decision.options).toContainEqual(expect.objectContaining({ kind: "partial_refund", refundCents: 1500 }));

    // The policy sets the amount: the agent cannot type another one.
    await expect(
      t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "partial_refund", amountCents: 4500, idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("$15.00") });
    const k = key();
    const proposal = await t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "partial_refund", note: "Supplier has no spare set.", idempotencyKey: k });
    expect(proposal).toMatchObject({ amountCents: 1500, replayed: false });
    // A retried submit (same key, stale version) gets the same proposal back, not a second one.
    const retry = await t.c.agent.resolution.proposeRefund({ number: claim.number, version: 2, option: "partial_refund", idempotencyKey: k });
    expect(retry).toMatchObject({ refundId: proposal.refundId, replayed: true });
    expect(await t.refunds(claim.id)).toHaveLength(1);

    // The grade is frozen while the supervisor decides.
    await expect(
      t.c.agent.resolution.gradeClaimLine({ ...(await t.ref(claim.number)), claimLineId: line, issueType: "detachment", partType: "weapon_large", grade: "low" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

    const [refund] = await t.refunds(claim.id);
    await t.c.supervisor.approvals.approveRefund({ refundId: refund!.id, idempotencyKey: refund!.idempotencyKey });
    expect((await t.claim(claim.number)).status).toBe("approved");
    const [event] = await t.events(claim.id, "refund_approved");
    expect(event!.data).toMatchObject({ amountCents: 1500, reference: refund!.reference });
  });

  it("caps the graded amount at what the line paid (G, X2)", async () => {
    const cheap = { sku: "AT-HEAD-B", unitPriceCents: 1200, partType: "head_sculpt", issueType: "structural_breakage" };
    const claim = await createTestClaim(t.db, { store: "atelier", reason: "quality_defect", lines: [cheap], evidence: ["photo"], reportedAt: daysBefore(now, 1) });
    const evaluation = await t.c.agent.claims.evaluateClaim({ number: claim.number });
    expect(evaluation.decision.options).toContainEqual(expect.objectContaining({ kind: "partial_refund", refundCents: 1200 }));
    expect(evaluation.decision.findings).toContainEqual(expect.objectContaining({ code: "refund_cap" }));
    const proposal = await t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "partial_refund", idempotencyKey: key() });
    expect(proposal.amountCents).toBe(1200);
  });

  it("Depends with a reason leaves the amount to the agent, who must explain it", async () => {
    const claim = await createTestClaim(t.db, { store: "atelier", reason: "missing_accessory", lines: [weapons], evidence: ["photo"], reportedAt: daysBefore(now, 1) });
    await t.c.agent.resolution.gradeClaimLine({
      ...(await t.ref(claim.number)), claimLineId: claim.claimLineIds[0]!, issueType: "paint_defect", partType: "weapon_large", grade: "depends",
      gradeReason: "Paint rubbed off on the scabbard only; visible on display.",
    });
    await expect(
      t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "partial_refund", idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("enter it") });
    await expect(
      t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "partial_refund", amountCents: 5000, note: "Full weapon set value", idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("X2") });
    const proposal = await t.c.agent.resolution.proposeRefund({
      ...(await t.ref(claim.number)), option: "partial_refund", amountCents: 800, note: "About half the scabbard's value.", idempotencyKey: key(),
    });
    expect(proposal.amountCents).toBe(800);
  });

  it("a figure stand whose value Depends needs a written reason even at a fixed grade (A5/A6)", async () => {
    const stand = { sku: "AT-STAND-ORN", unitPriceCents: 3900, partType: "figure_stand_special", issueType: "structural_breakage" };
    const claim = await createTestClaim(t.db, { store: "atelier", reason: "quality_defect", lines: [stand], evidence: ["photo"], reportedAt: daysBefore(now, 1) });
    await expect(
      t.c.agent.resolution.gradeClaimLine({ ...(await t.ref(claim.number)), claimLineId: claim.claimLineIds[0]!, issueType: "structural_breakage", grade: "high" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("A6") });
  });

  it("minor box damage is not covered: only a supervisor's goodwill refund, marked as an exception, gets through", async () => {
    const box = { sku: "AT-FIG-RONIN", unitPriceCents: 24500, partType: "jointed_figure" };
    const claim = await createTestClaim(t.db, {
      store: "atelier", reason: "packaging_damage", lines: [box], evidence: ["photo"], reportedAt: daysBefore(now, 1), caseFacts: { packagingSeverity: "minor" },
    });
    expect((await t.claim(claim.number)).eligibility).toBe("ineligible");
    await expect(
      t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "partial_refund", amountCents: 1000, note: "Box creased", idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("not covered A1") });
    await expect(
      t.c.agent.resolution.proposeRefund({
        ...(await t.ref(claim.number)), option: "partial_refund", amountCents: 1000, goodwill: true, reason: "Collector, box matters to him.", idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const proposal = await t.c.supervisor.resolution.proposeRefund({
      ...(await t.ref(claim.number)), option: "partial_refund", amountCents: 1000, goodwill: true, reason: "Collector, box matters to him.", idempotencyKey: key(),
    });
    const [refund] = await t.refunds(claim.id);
    expect(refund).toMatchObject({ id: proposal.refundId, isException: true, reason: "Collector, box matters to him.", amountCents: 1000 });
    expect(await t.claim(claim.number)).toMatchObject({ status: "awaiting_approval", exceptionReason: "Collector, box matters to him." });
    expect((await t.events(claim.id)).map((e) => e.type)).toEqual(expect.arrayContaining(["exception_recorded", "refund_proposed"]));
  });
});
