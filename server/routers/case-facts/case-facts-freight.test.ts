import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../../test/field-errors.ts";
import { now, useResolutionDb } from "../resolution/harness.ts";
import { createTestClaim, daysBefore } from "../resolution/test-claims.ts";

// Freight and the return's route (issue 14): freight the customer advanced and the store's prepaid label
// (everyday E4), and the return destination the agent picks (kinetic K6), told to the customer.

const t = useResolutionDb();
const toaster = { sku: "ED-TOASTER", unitPriceCents: 4500, electronic: true };

describe("advanced freight and prepaid label (everyday E4)", () => {
  it("advanced freight, with its invoice, starts the 7-working-day reimbursement once the return is in", async () => {
    // everyday is not the demo agent's store: the supervisor works it here.
    const sup = t.c.supervisor;
    const claim = await createTestClaim(t.db, {
      store: "everyday", reason: "quality_defect", lines: [toaster], evidence: ["photo", "packaging_photo"], reportedAt: daysBefore(now, 6),
      caseFacts: { approvedAt: daysBefore(now, 5).toISOString(), returnShippedAt: daysBefore(now, 4).toISOString(), returnReceivedAt: "2026-03-09T10:00:00.000Z" },
    });
    const deadline = async () => (await sup.claims.evaluateClaim({ number: claim.number })).decision.deadlines.find((d) => d.key === "freight_reimbursement_due");
    expect(await deadline()).toBeUndefined();

    await sup.caseFacts.recordAdvancedFreight({ ...(await t.ref(claim.number)), amountCents: 1290, invoiceReference: "DHL-INV-99812", note: "Customer sent it before asking" });
    // Received Monday 9 March: 7 working days end Wednesday 18 March.
    expect(await deadline()).toMatchObject({ dueAt: "2026-03-18T23:59:59.999Z", clause: "E4" });
    const row = await t.claim(claim.number);
    expect(row.caseFacts).toMatchObject({ customerAdvancedFreight: true, advancedFreightCents: 1290, notes: { advancedFreightInvoice: "DHL-INV-99812" } });
    expect((await t.events(claim.id, "advanced_freight_recorded"))[0]).toMatchObject({
      actorId: t.c.users.supervisor.id, data: { before: null, after: { amountCents: 1290, invoiceReference: "DHL-INV-99812" }, note: "Customer sent it before asking" },
    });

    await sup.caseFacts.recordPrepaidLabel({ ...(await t.ref(claim.number)), label: "1Z999AA10123456784" });
    expect((await t.claim(claim.number)).caseFacts.prepaidLabel).toBe("1Z999AA10123456784");
    expect((await t.events(claim.id, "prepaid_label_recorded"))[0]!.data).toEqual({ before: null, after: "1Z999AA10123456784" });
    // E4: the customer is told which label to use in the return-address message.
    const draft = await sup.messages.draftClaimMessage({ number: claim.number, key: "return_address_request" });
    expect(draft.body).toContain("please use the prepaid label we sent you (1Z999AA10123456784)");
  });

  it("a stale version is a CONFLICT; a zero amount, a missing invoice and a short label name their fields", async () => {
    const sup = t.c.supervisor;
    const claim = await createTestClaim(t.db, { store: "everyday", reason: "quality_defect", lines: [toaster], reportedAt: daysBefore(now, 1) });
    await sup.caseFacts.recordPrepaidLabel({ number: claim.number, version: 1, label: "LABEL-0001" });
    await expect(sup.caseFacts.recordAdvancedFreight({ number: claim.number, version: 1, amountCents: 500, invoiceReference: "INV-1" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await t.claim(claim.number)).caseFacts.customerAdvancedFreight).toBeUndefined();
    const ref = await t.ref(claim.number);
    expect(Object.keys(await fieldErrorsOf(sup.caseFacts.recordAdvancedFreight({ ...ref, amountCents: 0, invoiceReference: "" }))).sort()).toEqual(["amountCents", "invoiceReference"]);
    expect(await fieldErrorsOf(sup.caseFacts.recordPrepaidLabel({ ...ref, label: "1Z" }))).toHaveProperty("label");
  });
});

describe("return destination (kinetic K6)", () => {
  const slider = { sku: "KM-SLIDER-300", unitPriceCents: 8900 };

  it("routes the return to the manufacturer, and the return-address message says so with that address", async () => {
    const claim = await createTestClaim(t.db, { store: "kinetic", reason: "carrier_damage", lines: [slider], evidence: ["photo"], reportedAt: daysBefore(now, 1) });
    const draft = async () => (await t.c.agent.messages.draftClaimMessage({ number: claim.number, key: "return_address_request" })).body;
    expect(await draft()).toContain("to our local warehouse:");

    await t.c.agent.caseFacts.setReturnDestination({ ...(await t.ref(claim.number)), destination: "manufacturer", note: "Bent rail: the maker inspects it" });
    expect((await t.claim(claim.number)).caseFacts).toMatchObject({ returnDestination: "manufacturer", notes: { returnDestinationNote: "Bent rail: the maker inspects it" } });
    const body = await draft();
    expect(body).toContain("to the manufacturer:");
    expect(body).toContain("Stuttgart");
    expect((await t.events(claim.id, "return_destination_set"))[0]).toMatchObject({ actorId: t.c.users.agent.id, data: { before: null, after: "manufacturer", clause: "K6" } });
  });

  it("a stale version is a CONFLICT; a destination the store does not have names the field", async () => {
    const claim = await createTestClaim(t.db, { store: "kinetic", reason: "carrier_damage", lines: [slider], evidence: ["photo"], reportedAt: daysBefore(now, 1) });
    await t.c.agent.caseFacts.setReturnDestination({ number: claim.number, version: 1, destination: "manufacturer" });
    await expect(t.c.agent.caseFacts.setReturnDestination({ number: claim.number, version: 1, destination: "local_warehouse" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await t.claim(claim.number)).caseFacts.returnDestination).toBe("manufacturer");
    expect(await fieldErrorsOf(t.c.agent.caseFacts.setReturnDestination({ ...(await t.ref(claim.number)), destination: "the_moon" }))).toHaveProperty("destination");
  });
});
