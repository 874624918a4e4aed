import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { refunds } from "../../db/schema/index.ts";
import { seedClaims } from "../../db/seed/demo.ts";
import { callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";
import { claimPicker, forceClaim } from "./test-helpers.ts";

const now = new Date("2026-11-20T15:00:00Z");
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;
let pick: ReturnType<typeof claimPicker>;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedClaims(database.db, { count: 150, seed: 9, now, batchSize: 150 });
  c = await callersFor(database.db, now);
  pick = claimPicker(database.db);
});
afterAll(() => database.close());

async function claimIn(patch: Parameters<typeof forceClaim>[2], store = "kinetic") {
  const [claim] = await pick(`store_id = '${store}'`);
  const version = await forceClaim(database.db, claim!.id, { closedAt: null, exceptionReason: null, ...patch });
  return { ...claim!, version };
}
const names = (r: { actions: { action: string }[] }) => r.actions.map((a) => a.action);

describe("workflow.listClaimActions", () => {
  it("offers an agent only what they may do to a new claim, and lets them take it", async () => {
    const claim = await claimIn({ status: "new", eligibility: "needs_review", assigneeId: null });
    const agent = await c.agent.workflow.listClaimActions({ number: claim.number.toLowerCase() });
    expect(agent).toMatchObject({ number: claim.number, version: claim.version, status: "new", assignment: { assignTo: "self", canUnassign: false }, canSetPriority: true });
    expect(names(agent)).toEqual(["start_triage", "start_review", "cancel"]);
    expect(agent.actions.find((a) => a.action === "cancel")).toMatchObject({ label: "Cancel claim", needsReason: true, plain: true, procedure: "workflow.transitionClaim" });

    const lead = await c.supervisor.workflow.listClaimActions({ number: claim.number });
    expect(names(lead)).toEqual(["start_triage", "start_review", "reject_claim", "cancel"]);
    expect(lead.assignment).toEqual({ assignTo: "anyone", canUnassign: false });
  });

  it("holds back proposals on an ineligible claim with the reason, until a supervisor records an exception", async () => {
    const claim = await claimIn({ status: "in_review", eligibility: "ineligible", assigneeId: c.users.agent.id });
    const before = await c.agent.workflow.listClaimActions({ number: claim.number });
    expect(names(before)).toEqual(["request_evidence", "reject_claim", "cancel"]);
    expect(before.blocked.map((b) => b.action)).toEqual(["request_return", "propose_resolution", "propose_refund"]);
    expect(before.blocked[2]).toMatchObject({ procedure: "resolution.proposeRefund", reason: expect.stringContaining("not eligible") });
    expect(before.assignment).toEqual({ assignTo: "none", canUnassign: true });

    await forceClaim(database.db, claim.id, { exceptionReason: "Goodwill for a repeat customer.", exceptionById: c.users.supervisor.id, exceptionAt: now });
    const after = await c.agent.workflow.listClaimActions({ number: claim.number });
    expect(names(after)).toEqual(["request_evidence", "request_return", "propose_resolution", "propose_refund", "reject_claim", "cancel"]);
    expect(after.blocked).toEqual([]);
  });

  it("never offers the approval of a refund to the supervisor who proposed it (X3)", async () => {
    const claim = await claimIn({ status: "awaiting_approval", eligibility: "eligible" }, "everyday");
    await database.db.insert(refunds).values({
      claimId: claim.id, reference: `RF-TEST-${claim.id}`, amountCents: 1500, kind: "partial_refund", idempotencyKey: `wf-test-${claim.id}`, proposedById: c.users.supervisor.id,
    });
    const proposer = await c.supervisor.workflow.listClaimActions({ number: claim.number });
    expect(names(proposer)).toEqual(["reject_refund"]);
    expect(proposer.blocked).toEqual([expect.objectContaining({ action: "approve_refund", reason: expect.stringContaining("X3") })]);
    expect(names(await c.admin.workflow.listClaimActions({ number: claim.number }))).toEqual(["approve_refund", "reject_refund"]);
  });

  it("offers nothing but a supervisor's reopen on a closed claim", async () => {
    const claim = await claimIn({ status: "closed", assigneeId: c.users.agent.id });
    const agent = await c.agent.workflow.listClaimActions({ number: claim.number });
    expect(agent).toMatchObject({ actions: [], assignment: { assignTo: "none", canUnassign: false }, canSetPriority: false });
    expect(names(await c.supervisor.workflow.listClaimActions({ number: claim.number }))).toEqual(["reopen"]);
  });

  it("refuses a malformed claim number with the expected shape", async () => {
    const error = await c.agent.workflow.listClaimActions({ number: "12" }).catch((e) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(error.cause.issues[0].message).toBe("Claim numbers look like CLM-000123.");
  });
});

describe("workflow.listClaimAssignees", () => {
  it("lists only active colleagues of the claim's store", async () => {
    const claim = await claimIn({ status: "in_review" }, "layerworks");
    const people = await c.supervisor.workflow.listClaimAssignees({ number: claim.number });
    expect(people.map((p) => p.name)).toEqual(["Alex Agent", "Priya Raman", "Sam Supervisor"]);
  });
});
