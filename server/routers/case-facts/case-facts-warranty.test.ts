import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../../test/field-errors.ts";
import { now, useResolutionDb } from "../resolution/harness.ts";
import { createTestClaim, daysBefore } from "../resolution/test-claims.ts";

// Warranty facts (issue 14): per-line void causes (L4/L5), repair pauses with tracking (L9), a change of
// reason (K5) and the return destination (K6); each reaches the engine and leaves its audit event.

const t = useResolutionDb();
const warrantyEvidence = ["invoice_number", "serial_number", "photo"];
const evaluate = async (number: string) => (await t.c.agent.claims.evaluateClaim({ number })).decision;

describe("void causes per line (layerworks L4/L5)", () => {
  it("a cause on one line makes that line ineligible and leaves the other line as it was", async () => {
    const claim = await createTestClaim(t.db, {
      store: "layerworks", reason: "warranty", evidence: warrantyEvidence, reportedAt: daysBefore(now, 1), deliveredAt: daysBefore(now, 100),
      lines: [{ sku: "LW-HOTEND", unitPriceCents: 5900, electronic: true }, { sku: "LW-MOTOR", unitPriceCents: 2400, motor: true }],
    });
    const lineOf = (d: Awaited<ReturnType<typeof evaluate>>, sku: string) => d.lines.find((l) => l.sku === sku)?.eligibility;
    expect(lineOf(await evaluate(claim.number), "LW-MOTOR")).toBe("eligible");

    await t.c.agent.caseFacts.recordVoidCauses({ ...(await t.ref(claim.number)), claimLineId: claim.claimLineIds[1]!, causes: ["wrong_rated_current"], note: "Driver set to 2.5 A on a 1.5 A motor" });
    const after = await evaluate(claim.number);
    expect(lineOf(after, "LW-MOTOR")).toBe("ineligible");
    expect(lineOf(after, "LW-HOTEND")).toBe("eligible");
    expect(after.findings).toContainEqual(expect.objectContaining({ code: "warranty_void", clause: "L5", sku: "LW-MOTOR" }));
    const [event] = await t.events(claim.id, "void_causes_recorded");
    expect(event).toMatchObject({ actorId: t.c.users.agent.id, data: { sku: "LW-MOTOR", before: [], after: ["wrong_rated_current"], note: "Driver set to 2.5 A on a 1.5 A motor" } });

    // Clearing the causes gives the line its warranty back.
    await t.c.agent.caseFacts.recordVoidCauses({ ...(await t.ref(claim.number)), claimLineId: claim.claimLineIds[1]!, causes: [], note: "Measured again: 1.5 A" });
    expect(lineOf(await evaluate(claim.number), "LW-MOTOR")).toBe("eligible");
  });

  it("a stale version is a CONFLICT; an unknown cause and a missing note name their fields", async () => {
    const claim = await createTestClaim(t.db, { store: "layerworks", reason: "warranty", evidence: warrantyEvidence, reportedAt: daysBefore(now, 1), lines: [{ sku: "LW-BED", unitPriceCents: 3900 }] });
    const lineId = claim.claimLineIds[0]!;
    await t.c.agent.caseFacts.recordVoidCauses({ number: claim.number, version: 1, claimLineId: lineId, causes: ["external_damage"], note: "Dropped, corner dented" });
    await expect(t.c.agent.caseFacts.recordVoidCauses({ number: claim.number, version: 1, claimLineId: lineId, causes: [], note: "Undo, wrong line" })).rejects.toMatchObject({ code: "CONFLICT" });
    const errors = await fieldErrorsOf(t.c.agent.caseFacts.recordVoidCauses({ ...(await t.ref(claim.number)), claimLineId: lineId, causes: ["bad_luck" as never], note: "" }));
    expect(Object.keys(errors).sort()).toEqual(["causes.0", "note"]);
  });
});

describe("repair pauses (layerworks L9)", () => {
  // Delivered 13 months before the report: out of the 12-month warranty unless a pause extends it.
  const late = { store: "layerworks", reason: "warranty", evidence: warrantyEvidence, reportedAt: daysBefore(now, 1), deliveredAt: daysBefore(now, 395), lines: [{ sku: "LW-PSU", unitPriceCents: 4900 }] };

  it("extends the warranty end by the pause only once both legs' tracking numbers are on record", async () => {
    const claim = await createTestClaim(t.db, late);
    const before = await evaluate(claim.number);
    expect(before.findings.map((f) => f.code)).toContain("warranty_expired");

    await t.c.agent.caseFacts.recordRepairPause({ ...(await t.ref(claim.number)), leftOn: "2025-06-01", backOn: "2025-07-31", leftTracking: "1Z999AA10000000001" });
    const untracked = await evaluate(claim.number);
    expect(untracked.warrantyEndsAt).toBe(before.warrantyEndsAt);

    // The return leg's number arrives: the same pause, corrected by its index.
    await t.c.agent.caseFacts.recordRepairPause({ ...(await t.ref(claim.number)), index: 0, leftOn: "2025-06-01", backOn: "2025-07-31", leftTracking: "1Z999AA10000000001", backTracking: "1Z999AA10000000002", note: "Return leg from the service centre" });
    const tracked = await evaluate(claim.number);
    expect(Date.parse(tracked.warrantyEndsAt!) - Date.parse(before.warrantyEndsAt!)).toBe(60 * 86_400_000);
    expect(tracked.findings.map((f) => f.code)).not.toContain("warranty_expired");
    expect((await t.claim(claim.number)).caseFacts.repairPauses).toEqual([
      { leftAt: "2025-06-01T00:00:00.000Z", backAt: "2025-07-31T00:00:00.000Z", leftTracking: "1Z999AA10000000001", backTracking: "1Z999AA10000000002" },
    ]);
    expect((await t.events(claim.id, "repair_pause_recorded")).map((e) => e.data.before === null)).toEqual([true, false]);
  });

  it("a stale version is a CONFLICT; a return before the departure names backOn", async () => {
    const claim = await createTestClaim(t.db, late);
    await t.c.agent.caseFacts.recordRepairPause({ number: claim.number, version: 1, leftOn: "2025-06-01", backOn: "2025-06-20" });
    await expect(t.c.agent.caseFacts.recordRepairPause({ number: claim.number, version: 1, leftOn: "2025-08-01", backOn: "2025-08-20" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await t.claim(claim.number)).caseFacts.repairPauses).toHaveLength(1);
    expect(await fieldErrorsOf(t.c.agent.caseFacts.recordRepairPause({ ...(await t.ref(claim.number)), leftOn: "2025-06-01", backOn: "2025-05-01" }))).toHaveProperty("backOn");
  });
});

describe("change of reason (kinetic K5)", () => {
  const motor = { sku: "KM-NEMA17", unitPriceCents: 1990, motor: true, electronic: true };

  it("a late quality defect changed to warranty is re-evaluated and offers the replacement; the event keeps both reasons and why", async () => {
    const claim = await createTestClaim(t.db, { store: "kinetic", reason: "quality_defect", lines: [motor], evidence: ["connection_video"], reportedAt: daysBefore(now, 1), deliveredAt: daysBefore(now, 60) });
    await t.c.agent.caseFacts.changeClaimReason({ ...(await t.ref(claim.number)), reason: "warranty", note: "Reported after 30 days, inside the year (K5)" });
    const after = await evaluate(claim.number);
    expect(after.options.map((o) => o.kind)).toContain("replacement");
    expect(after.clauses).toContain("K5");
    expect((await t.claim(claim.number)).reason).toBe("warranty");
    expect((await t.events(claim.id, "reason_changed"))[0]).toMatchObject({ actorId: t.c.users.agent.id, data: { from: "quality_defect", to: "warranty", note: "Reported after 30 days, inside the year (K5)" } });
  });

  it("a stale version is a CONFLICT; the same reason and a reason the store does not know name the field", async () => {
    const claim = await createTestClaim(t.db, { store: "kinetic", reason: "quality_defect", lines: [motor], evidence: ["connection_video"], reportedAt: daysBefore(now, 1) });
    await t.c.agent.caseFacts.changeClaimReason({ number: claim.number, version: 1, reason: "warranty", note: "Inside the year" });
    await expect(t.c.agent.caseFacts.changeClaimReason({ number: claim.number, version: 1, reason: "carrier_damage", note: "Dented box" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await fieldErrorsOf(t.c.agent.caseFacts.changeClaimReason({ ...(await t.ref(claim.number)), reason: "warranty", note: "Again, to be sure" }))).toHaveProperty("reason");
    expect(await fieldErrorsOf(t.c.agent.caseFacts.changeClaimReason({ ...(await t.ref(claim.number)), reason: "nonsense" as never, note: "Typo somewhere" }))).toHaveProperty("reason");
  });
});
