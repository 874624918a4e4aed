import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimStatus } from "../../../shared/workflow/statuses.ts";
import type { Database } from "../../db/client.ts";
import { seedClaims } from "../../db/seed/demo.ts";
import { refreshClaimEvaluation } from "../../services/claim-evaluation.ts";
import { transitionClaim } from "../../services/claim-mutation.ts";
import { callerFor, callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";
import { claimPicker, claimRow, eventsOf, expectGapFreeSeq, forceClaim } from "./test-helpers.ts";

const now = new Date("2026-11-20T15:00:00Z");
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;
let pick: ReturnType<typeof claimPicker>;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedClaims(database.db, { count: 300, seed: 11, now, batchSize: 300 });
  c = await callersFor(database.db, now);
  pick = claimPicker(database.db);
});
afterAll(() => database.close());

const mine = "store_id in ('kinetic','layerworks','atelier')";

/** A claim of the agent's stores put into `status` (and optionally an eligibility) for one test. */
async function claimIn(status: ClaimStatus, eligibility: string | null = "needs_review") {
  const [claim] = await pick(mine);
  const version = await forceClaim(database.db, claim!.id, { status, eligibility, closedAt: null });
  return { ...claim!, version };
}

describe("workflow.transitionClaim through the router", () => {
  it("starts the review of a new claim: status, version, one status_changed event on a gap-free timeline", async () => {
    const claim = await claimIn("new");
    const before = await eventsOf(database.db, claim.id);
    const result = await c.agent.workflow.transitionClaim({ number: claim.number, version: claim.version, action: "start_review" });
    expect(result).toEqual({ number: claim.number, status: "in_review", version: claim.version + 1 });
    const after = await eventsOf(database.db, claim.id);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      seq: before.length + 1, type: "status_changed", actorId: c.users.agent.id, claimVersion: claim.version + 1,
      data: { action: "start_review", from: "new", to: "in_review" },
    });
    expect(await claimRow(database.db, claim.id)).toMatchObject({ status: "in_review", version: claim.version + 1 });
    await expectGapFreeSeq(database.db, claim.id);
  });

  // Each plain action from a state it applies to, as each role: the role column of the machine, end to end.
  const cases: { action: "start_triage" | "start_review" | "evidence_received" | "reject_claim" | "cancel" | "close" | "reopen"; from: ClaimStatus; eligibility?: string; note?: string; agent: string; lead: true }[] = [
    { action: "start_triage", from: "new", agent: "ok", lead: true },
    { action: "start_review", from: "triage", agent: "ok", lead: true },
    { action: "evidence_received", from: "awaiting_evidence", agent: "ok", lead: true },
    { action: "reject_claim", from: "in_review", note: "Photos show the damage predates delivery.", agent: "PRECONDITION_FAILED", lead: true },
    { action: "reject_claim", from: "triage", eligibility: "ineligible", note: "Reported after the 30-day window (K2).", agent: "ok", lead: true },
    { action: "cancel", from: "awaiting_return", note: "Customer withdrew the claim by e-mail.", agent: "ok", lead: true },
    { action: "close", from: "refunded", agent: "ok", lead: true },
    { action: "reopen", from: "closed", agent: "FORBIDDEN", lead: true },
  ];
  for (const t of cases) {
    it(`${t.action} from ${t.from}${t.eligibility ? ` (${t.eligibility})` : ""}: agent ${t.agent}, supervisor and admin ok`, async () => {
      for (const role of ["agent", "supervisor", "admin"] as const) {
        const claim = await claimIn(t.from, t.eligibility);
        const call = c[role].workflow.transitionClaim({ number: claim.number, version: claim.version, action: t.action, note: t.note });
        const expectOk = role !== "agent" || t.agent === "ok";
        if (expectOk) {
          await expect(call, role).resolves.toMatchObject({ status: expect.any(String), version: claim.version + 1 });
          const last = (await eventsOf(database.db, claim.id)).at(-1)!;
          expect(last).toMatchObject({ type: "status_changed", data: { action: t.action, from: t.from } });
          if (t.note) expect(last.data.reason).toBe(t.note);
        } else {
          await expect(call, role).rejects.toMatchObject({ code: t.agent });
          expect((await claimRow(database.db, claim.id)).version, "nothing saved").toBe(claim.version);
        }
      }
    });
  }

  it("refuses an illegal transition with a clear message and changes nothing", async () => {
    const claim = await claimIn("closed");
    const before = await eventsOf(database.db, claim.id);
    await expect(c.supervisor.workflow.transitionClaim({ number: claim.number, version: claim.version, action: "start_review" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: '"Start review" is not possible while the claim is closed; it applies to new or triage claims.',
    });
    expect(await eventsOf(database.db, claim.id)).toHaveLength(before.length);
    expect((await claimRow(database.db, claim.id)).version).toBe(claim.version);
  });

  it("tells an agent why they cannot reject a claim the policy has not called ineligible (X5)", async () => {
    const claim = await claimIn("in_review", "needs_review");
    await expect(c.agent.workflow.transitionClaim({ number: claim.number, version: claim.version, action: "reject_claim", note: "Evidence never arrived." })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("Only a supervisor can reject"),
    });
  });

  it("points money, return and evidence actions to their own procedures", async () => {
    const claim = await claimIn("in_review", "eligible");
    const refused = { propose_refund: "resolution.proposeRefund", request_return: "resolution.requestReturn", approve_refund: "approvals.approveRefund", request_evidence: "evidence.requestEvidence", ship_replacement: "resolution.shipReplacement" } as const;
    for (const [action, procedure] of Object.entries(refused)) {
      await expect(c.supervisor.workflow.transitionClaim({ number: claim.number, version: claim.version, action: action as keyof typeof refused })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining(`use ${procedure}`),
      });
    }
    expect((await claimRow(database.db, claim.id)).status).toBe("in_review");
  });

  it("requires a reason to reject or cancel, and records the clauses a rejection relied on (X4)", async () => {
    const claim = await claimIn("triage", "ineligible");
    for (const note of [undefined, "too short"]) {
      const error = await c.supervisor.workflow.transitionClaim({ number: claim.number, version: claim.version, action: "cancel", note }).catch((e) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      expect(error.cause.issues[0]).toMatchObject({ path: ["note"], message: expect.stringContaining("Write the reason") });
    }
    await c.supervisor.workflow.transitionClaim({ number: claim.number, version: claim.version, action: "reject_claim", note: "Outside the reporting window." });
    const last = (await eventsOf(database.db, claim.id)).at(-1)!;
    expect(last.data).toMatchObject({ action: "reject_claim", to: "rejected", reason: "Outside the reporting window.", clauses: expect.any(Array) });
    expect((last.data.clauses as string[]).length).toBeGreaterThan(0);
    expect((await claimRow(database.db, claim.id)).closedAt).toEqual(now);
  });

  it("answers CONFLICT on a stale version, naming what changed and who changed it", async () => {
    const claim = await claimIn("triage");
    await c.supervisor.workflow.setClaimPriority({ number: claim.number, version: claim.version, priority: "urgent" });
    const error = await c.agent.workflow.transitionClaim({ number: claim.number, version: claim.version, action: "start_review" }).catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(error.message).toContain(claim.number);
    expect(error.message).toContain("priority changed by Sam Supervisor");
    expect((await claimRow(database.db, claim.id)).status).toBe("triage");
  });

  it("keeps another store's claim invisible: NOT_FOUND, exactly as for a missing one", async () => {
    const [other] = await pick("store_id in ('everyday','chipyard') and status = 'new'");
    const ref = { number: other!.number, version: other!.version };
    await expect(c.agent.workflow.transitionClaim({ ...ref, action: "start_review" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.agent.workflow.assignClaim({ ...ref, assigneeId: c.users.agent.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.agent.workflow.setClaimPriority({ ...ref, priority: "high" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.agent.workflow.listClaimActions({ number: other!.number })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.agent.workflow.transitionClaim({ number: "CLM-999999", version: 1, action: "start_review" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await claimRow(database.db, other!.id)).status).toBe("new");
  });

  it("pauses our deadlines while awaiting evidence and resumes them shifted by the wait (E7)", async () => {
    // Everyday answers within 3 working days (E7), so its claims carry a review deadline.
    const [claim] = await pick("store_id = 'everyday' and reason <> 'cancellation'");
    let version = await forceClaim(database.db, claim!.id, { status: "in_review", pausedAt: null, pausedMs: 0, closedAt: null });
    await refreshClaimEvaluation(database.db, claim!.id, now);
    const before = (await claimRow(database.db, claim!.id)).dueAt!;
    expect(before).toBeInstanceOf(Date);

    await transitionClaim(database.db, c.users.supervisor, { number: claim!.number, version }, "request_evidence", now);
    const waiting = await claimRow(database.db, claim!.id);
    expect(waiting).toMatchObject({ status: "awaiting_evidence", dueAt: null, pausedAt: now });
    version = waiting.version;

    const later = new Date(now.getTime() + 50 * 3_600_000);
    await callerFor(database.db, c.users.supervisor, later).workflow.transitionClaim({ number: claim!.number, version, action: "evidence_received" });
    const resumed = await claimRow(database.db, claim!.id);
    expect(resumed).toMatchObject({ status: "in_review", pausedAt: null, pausedMs: 50 * 3_600_000 });
    expect(resumed.dueAt!.getTime() - before.getTime()).toBe(50 * 3_600_000);
  });

  it("reopens a closed claim for a supervisor and clears its closing time", async () => {
    const claim = await claimIn("closed");
    await forceClaim(database.db, claim.id, { closedAt: now });
    const result = await c.supervisor.workflow.transitionClaim({ number: claim.number, version: claim.version + 1, action: "reopen", note: "Customer sent the missing invoice." });
    expect(result.status).toBe("in_review");
    const row = await claimRow(database.db, claim.id);
    expect(row.closedAt).toBeNull();
    expect((await eventsOf(database.db, claim.id)).at(-1)!.data).toMatchObject({ action: "reopen", note: "Customer sent the missing invoice." });
  });
});
