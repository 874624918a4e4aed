import { describe, expect, it } from "vitest";
import { transitionClaim } from "../../services/claim-mutation.ts";
import { now, useResolutionDb } from "./harness.ts";
import { createTestClaim, daysBefore } from "./test-claims.ts";

const t = useResolutionDb();
const warrantyEvidence = ["invoice_number", "serial_number", "photo"];

describe("layerworks warranty (L1–L7)", () => {
  it("a covered part is replaced and the claim closed", async () => {
    const claim = await createTestClaim(t.db, {
      store: "layerworks", reason: "warranty", lines: [{ sku: "LW-HOTEND-X", unitPriceCents: 5900, electronic: true }], evidence: warrantyEvidence,
      reportedAt: daysBefore(now, 1), deliveredAt: daysBefore(now, 120),
    });
    const evaluation = await t.c.agent.claims.evaluateClaim({ number: claim.number });
    expect(evaluation.decision.eligibility).toBe("eligible");
    expect(evaluation.decision.options.map((o) => o.kind)).toEqual(["replacement", "repair"]);

    await t.c.agent.resolution.proposeResolution({ ...(await t.ref(claim.number)), option: "replacement", note: "Supplier has the hotend in stock." });
    const shipped = await t.c.agent.resolution.shipReplacement({
      ...(await t.ref(claim.number)), parts: [{ sku: "LW-HOTEND-X", name: "All-metal hotend assembly", quantity: 1 }], carrier: "DHL", trackingNumber: "JD014600006281234567",
    });
    expect(shipped.status).toBe("replacement_shipped");
    await transitionClaim(t.db, t.c.users.agent, await t.ref(claim.number), "close", now);
    expect((await t.claim(claim.number)).status).toBe("closed");
    expect((await t.events(claim.id, "resolution_proposed"))[0]!.data).toMatchObject({ option: "replacement", clause: "L1", byException: false });
  });

  it("a worn consumable graded with its failure cause becomes ineligible (L7); the refusal names the clause", async () => {
    const claim = await createTestClaim(t.db, {
      store: "layerworks", reason: "warranty", lines: [{ sku: "LW-BEAR-LM8", unitPriceCents: 1290, consumable: true }], evidence: warrantyEvidence,
      reportedAt: daysBefore(now, 1), deliveredAt: daysBefore(now, 60),
    });
    // layerworks has no part schedule (A5 is atelier's): a part type is refused, naming the field.
    await expect(
      t.c.agent.resolution.gradeClaimLine({ ...(await t.ref(claim.number)), claimLineId: claim.claimLineIds[0]!, grade: "low", partType: "scene_prop" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("no part value schedule") });
    const graded = await t.c.agent.resolution.gradeClaimLine({
      ...(await t.ref(claim.number)), claimLineId: claim.claimLineIds[0]!, grade: "low", failureCause: "wear_and_tear",
    });
    expect(graded.changed).toBe(true);
    const [event] = await t.events(claim.id, "line_graded");
    expect(event!.data).toMatchObject({ before: { grade: null, failureCause: null }, after: { grade: "low", failureCause: "wear_and_tear" } });
    expect((await t.claim(claim.number)).eligibility).toBe("ineligible");
    await expect(t.c.agent.resolution.proposeResolution({ ...(await t.ref(claim.number)), option: "replacement" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("wear and tear L7"),
    });
  });

  it("a void warranty (L4) is replaced only under a supervisor's recorded exception, and the event says so", async () => {
    const claim = await createTestClaim(t.db, {
      store: "layerworks", reason: "warranty", lines: [{ sku: "LW-PSU-24V", unitPriceCents: 4200, electronic: true }], evidence: warrantyEvidence,
      reportedAt: daysBefore(now, 1), deliveredAt: daysBefore(now, 30), caseFacts: { voidFindings: ["improper_use"] },
    });
    await expect(t.c.agent.resolution.recordClaimException({ ...(await t.ref(claim.number)), reason: "Loyal customer, first incident." })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.c.supervisor.resolution.recordClaimException({ ...(await t.ref(claim.number)), reason: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await t.c.supervisor.resolution.recordClaimException({ ...(await t.ref(claim.number)), reason: "Loyal customer, first incident: goodwill replacement." });
    const done = await t.c.agent.resolution.proposeResolution({ ...(await t.ref(claim.number)), option: "replacement" });
    expect(done.status).toBe("resolution_proposed");
    expect((await t.events(claim.id, "resolution_proposed"))[0]!.data).toMatchObject({ byException: true, clause: null });
    const row = await t.claim(claim.number);
    expect(row).toMatchObject({ exceptionReason: "Loyal customer, first incident: goodwill replacement.", exceptionById: t.c.users.supervisor.id });
  });
});
