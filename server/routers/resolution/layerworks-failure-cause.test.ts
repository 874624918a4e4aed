import { describe, expect, it } from "vitest";
import { now, useResolutionDb } from "./harness.ts";
import { createTestClaim, daysBefore } from "./test-claims.ts";

// Issue 14: recording a consumable's failure cause (L7) demanded a grade, although layerworks' warranty
// replaces goods and the line has no graded refund to grade. The cause is recorded on its own.

const t = useResolutionDb();
const warrantyEvidence = ["invoice_number", "serial_number", "photo"];
const bearing = { sku: "LW-BEAR-LM8", unitPriceCents: 1290, consumable: true };

async function consumableClaim() {
  return createTestClaim(t.db, {
    store: "layerworks", reason: "warranty", lines: [bearing], evidence: warrantyEvidence, reportedAt: daysBefore(now, 1), deliveredAt: daysBefore(now, 60),
  });
}

describe("layerworks failure cause without a grade (L7)", () => {
  it("records wear and tear without a grade, and the engine applies L7", async () => {
    const claim = await consumableClaim();
    const line = claim.claimLineIds[0]!;
    const before = await t.c.agent.claims.evaluateClaim({ number: claim.number });
    expect(before.decision.findings.some((f) => f.clause === "L7" && f.code === "missing_fact")).toBe(true);

    const saved = await t.c.agent.resolution.gradeClaimLine({ ...(await t.ref(claim.number)), claimLineId: line, failureCause: "wear_and_tear" });
    expect(saved.changed).toBe(true);
    const [event] = await t.events(claim.id, "line_graded");
    expect(event!.data).toMatchObject({ before: { grade: null, failureCause: null }, after: { grade: null, failureCause: "wear_and_tear" } });
    expect((await t.claim(claim.number)).eligibility).toBe("ineligible");
    const detail = await t.c.agent.claims.getClaim({ number: claim.number });
    expect(detail.lines[0]).toMatchObject({ grade: null });
  });

  it("a defect cause clears the L7 question and leaves the line ungraded", async () => {
    const claim = await consumableClaim();
    await t.c.agent.resolution.gradeClaimLine({ ...(await t.ref(claim.number)), claimLineId: claim.claimLineIds[0]!, failureCause: "defect" });
    const after = await t.c.agent.claims.evaluateClaim({ number: claim.number });
    expect(after.decision.findings.filter((f) => f.clause === "L7")).toEqual([]);
    expect((await t.claim(claim.number)).eligibility).not.toBe("ineligible");
  });

  it("still refuses a 'Depends' grade without its reason (A6)", async () => {
    const claim = await consumableClaim();
    await expect(
      t.c.agent.resolution.gradeClaimLine({ ...(await t.ref(claim.number)), claimLineId: claim.claimLineIds[0]!, grade: "depends", failureCause: "defect" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
