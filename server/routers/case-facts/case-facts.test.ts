import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../../test/field-errors.ts";
import { now, useResolutionDb } from "../resolution/harness.ts";
import { createTestClaim, daysBefore } from "../resolution/test-claims.ts";

// Facts of the case recorded on the claim page (issue 14): each reaches the engine (the claim's evaluation
// shows its effect), leaves an audit event with who and why, refuses a stale version and names a bad field.

const t = useResolutionDb();
const dueOf = async (number: string, key: string) => (await t.c.supervisor.claims.evaluateClaim({ number })).decision.deadlines.find((d) => d.key === key)?.dueAt;

describe("complex case (chipyard C8)", () => {
  // The demo agent works kinetic, layerworks and atelier: chipyard is the supervisor's.
  it("moves review_due from 2 to 5 working days, with the reason on the event; unmarking moves it back", async () => {
    // Reported Monday 9 March: 2 working days end Wednesday 11, 5 end Monday 16.
    const claim = await createTestClaim(t.db, { store: "chipyard", reason: "quality_defect", lines: [{ sku: "CY-MCU-1", unitPriceCents: 1200, electronic: true }], reportedAt: daysBefore(now, 1) });
    expect(await dueOf(claim.number, "review_due")).toBe("2026-03-11T23:59:59.999Z");
    await t.c.supervisor.caseFacts.markComplexCase({ ...(await t.ref(claim.number)), complex: true, reason: "Three boards, two firmware versions" });
    expect(await dueOf(claim.number, "review_due")).toBe("2026-03-16T23:59:59.999Z");
    expect((await t.claim(claim.number)).caseFacts).toMatchObject({ complex: true, notes: { complexReason: "Three boards, two firmware versions" } });
    const [event] = await t.events(claim.id, "complex_case_marked");
    expect(event).toMatchObject({ actorId: t.c.users.supervisor.id, data: { reason: "Three boards, two firmware versions" } });

    await t.c.supervisor.caseFacts.markComplexCase({ ...(await t.ref(claim.number)), complex: false, reason: "Only one board after all" });
    expect(await dueOf(claim.number, "review_due")).toBe("2026-03-11T23:59:59.999Z");
    expect((await t.claim(claim.number)).caseFacts).toEqual({});
  });

  it("a stale version is a CONFLICT and a missing reason names the field", async () => {
    const claim = await createTestClaim(t.db, { store: "chipyard", reason: "quality_defect", lines: [{ sku: "CY-MCU-2", unitPriceCents: 1200 }], reportedAt: daysBefore(now, 1) });
    await t.c.supervisor.caseFacts.markComplexCase({ number: claim.number, version: 1, complex: true, reason: "Many parts involved" });
    await expect(t.c.supervisor.caseFacts.markComplexCase({ number: claim.number, version: 1, complex: false, reason: "Not complex after all" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await t.claim(claim.number)).caseFacts.complex).toBe(true);
    expect(await fieldErrorsOf(t.c.supervisor.caseFacts.markComplexCase({ ...(await t.ref(claim.number)), complex: false, reason: "" }))).toHaveProperty("reason");
  });
});

describe("packaging damage severity (atelier A1)", () => {
  const box = { sku: "AT-FIG-1", unitPriceCents: 12_000, partType: "jointed_figure" };

  it("severe damage offers keeping it with a partial refund; minor is not covered", async () => {
    const claim = await createTestClaim(t.db, { store: "atelier", reason: "packaging_damage", lines: [box], evidence: ["photo", "packaging_photo"], reportedAt: daysBefore(now, 1) });
    const before = (await t.c.agent.claims.evaluateClaim({ number: claim.number })).decision;
    expect(before.options.map((o) => o.kind)).not.toContain("partial_refund");

    await t.c.agent.caseFacts.setPackagingSeverity({ ...(await t.ref(claim.number)), severity: "severe", note: "Box crushed on one side" });
    const severe = (await t.c.agent.claims.evaluateClaim({ number: claim.number })).decision;
    expect(severe.options.map((o) => o.kind)).toContain("partial_refund");
    expect((await t.events(claim.id, "packaging_severity_set"))[0]!.data).toMatchObject({ before: null, after: "severe", note: "Box crushed on one side" });

    await t.c.agent.caseFacts.setPackagingSeverity({ ...(await t.ref(claim.number)), severity: "minor" });
    const minor = (await t.c.agent.claims.evaluateClaim({ number: claim.number })).decision;
    expect(minor.eligibility).toBe("ineligible");
    expect(minor.findings.map((f) => f.code)).toContain("not_covered");
  });

  it("a stale version is a CONFLICT; an unknown severity names the field", async () => {
    const claim = await createTestClaim(t.db, { store: "atelier", reason: "packaging_damage", lines: [box], evidence: ["photo"], reportedAt: daysBefore(now, 1) });
    await t.c.agent.caseFacts.setPackagingSeverity({ number: claim.number, version: 1, severity: "severe" });
    await expect(t.c.agent.caseFacts.setPackagingSeverity({ number: claim.number, version: 1, severity: "minor" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await t.claim(claim.number)).caseFacts.packagingSeverity).toBe("severe");
    expect(await fieldErrorsOf(t.c.agent.caseFacts.setPackagingSeverity({ ...(await t.ref(claim.number)), severity: "crushed" as never }))).toHaveProperty("severity");
  });
});

describe("what the case-facts panel offers (getCaseFacts)", () => {
  it("only the facts each store's policy reads: L4/L5 causes by line, C8, A1, E4 and K6 where they apply", async () => {
    const lw = await createTestClaim(t.db, {
      store: "layerworks", reason: "warranty", reportedAt: daysBefore(now, 1),
      lines: [{ sku: "LW-FRAME", unitPriceCents: 9900 }, { sku: "LW-MOT", unitPriceCents: 2400, motor: true }],
    });
    const lwFacts = await t.c.agent.caseFacts.getCaseFacts({ number: lw.number });
    expect(lwFacts.lines.map((l) => [l.sku, l.applicableCauses.length])).toEqual([["LW-FRAME", 5], ["LW-MOT", 7]]);
    expect(lwFacts.store).toMatchObject({ warranty: { pausesNeedTracking: true }, complexClause: null, returnDestination: null });

    const ki = await createTestClaim(t.db, { store: "kinetic", reason: "quality_defect", reportedAt: daysBefore(now, 1), lines: [{ sku: "KM-SERVO", unitPriceCents: 21900, electronic: true, motor: true }] });
    const kiFacts = await t.c.agent.caseFacts.getCaseFacts({ number: ki.number });
    expect(kiFacts.lines[0]!.applicableCauses).toEqual([]);
    expect(kiFacts.store).toMatchObject({ returnDestination: { default: "local_warehouse", alternatives: ["manufacturer"] }, advancedFreightClause: null });
    expect(kiFacts.store.reasons).toContain("warranty");

    const cy = await createTestClaim(t.db, { store: "chipyard", reason: "quality_defect", reportedAt: daysBefore(now, 1), lines: [{ sku: "CY-1", unitPriceCents: 100 }] });
    expect((await t.c.supervisor.caseFacts.getCaseFacts({ number: cy.number })).store.complexClause).toBe("C8");
    const at = await createTestClaim(t.db, { store: "atelier", reason: "packaging_damage", reportedAt: daysBefore(now, 1), lines: [{ sku: "AT-1", unitPriceCents: 100 }] });
    expect((await t.c.agent.caseFacts.getCaseFacts({ number: at.number })).store.packagingSeverity).toBe(true);
    const ed = await createTestClaim(t.db, { store: "everyday", reason: "quality_defect", reportedAt: daysBefore(now, 1), lines: [{ sku: "ED-1", unitPriceCents: 100, electronic: true }] });
    const edFacts = await t.c.supervisor.caseFacts.getCaseFacts({ number: ed.number });
    expect(edFacts.store.advancedFreightClause).toBe("E4");
    expect(edFacts.lines[0]!.applicableCauses).toEqual(["improper_use"]);
  });
});

describe("goods' condition before the RMA (chipyard C4)", () => {
  const part = { sku: "CY-ADC-9", unitPriceCents: 4_500, electronic: true };

  it("a breach recorded from the customer's photos holds the RMA until a supervisor's exception; the inspection keeps its own result", async () => {
    const claim = await createTestClaim(t.db, { store: "chipyard", reason: "wrong_item", lines: [part], evidence: ["comparison_screenshot", "photo", "photo"], reportedAt: daysBefore(now, 0.5), deliveredAt: daysBefore(now, 1) });
    const sup = t.c.supervisor;
    await sup.caseFacts.recordGoodsCondition({ ...(await t.ref(claim.number)), used: false, tested: false, programmed: true, packagingIntact: true, note: "Photo shows the chip flashed" });
    const { decision } = await sup.claims.evaluateClaim({ number: claim.number });
    expect(decision.findings).toContainEqual(expect.objectContaining({ code: "condition_breach", clause: "C4", message: "programmed" }));
    const [event] = await t.events(claim.id, "goods_condition_recorded");
    expect(event).toMatchObject({ actorId: t.c.users.supervisor.id, data: { before: null, after: { programmed: true, used: false }, note: "Photo shows the chip flashed" } });
    await expect(sup.resolution.requestReturn(await t.ref(claim.number))).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("C4") });

    // Corrected after a clearer photo: the RMA is issued.
    await sup.caseFacts.recordGoodsCondition({ ...(await t.ref(claim.number)), used: false, tested: false, programmed: false, packagingIntact: true });
    expect((await t.claim(claim.number)).caseFacts.condition).toEqual({ used: false, tested: false, programmed: false, packagingIntact: true });
    const { rmaNumber } = await sup.resolution.requestReturn(await t.ref(claim.number));
    expect(rmaNumber).toMatch(/^RMA\d{9}$/);
  });

  it("keeps an inspection's result, refuses a stale version and names a missing field", async () => {
    const claim = await createTestClaim(t.db, {
      store: "chipyard", reason: "quality_defect", lines: [part], reportedAt: daysBefore(now, 1),
      caseFacts: { condition: { used: false, tested: true, programmed: false, packagingIntact: true, inspection: "intact", deductionPct: 5 } },
    });
    await t.c.supervisor.caseFacts.recordGoodsCondition({ number: claim.number, version: 1, used: true, tested: true, programmed: false, packagingIntact: true });
    expect((await t.claim(claim.number)).caseFacts.condition).toEqual({ used: true, tested: true, programmed: false, packagingIntact: true, inspection: "intact", deductionPct: 5 });
    await expect(t.c.supervisor.caseFacts.recordGoodsCondition({ number: claim.number, version: 1, used: false, tested: true, programmed: false, packagingIntact: true })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await fieldErrorsOf(t.c.supervisor.caseFacts.recordGoodsCondition({ ...(await t.ref(claim.number)), used: false, tested: true, programmed: false } as never))).toHaveProperty("packagingIntact");
  });
});
