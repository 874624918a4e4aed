import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { roles, type Role } from "../roles.ts";
import { actionProcedures, isPlainAction, plainActions } from "./action-procedures.ts";
import { availableActions, blockedActions, checkTransition, claimActionKeys, claimActions, type ClaimAction, type GuardContext } from "./machine.ts";
import { claimStatuses, type ClaimStatus } from "./statuses.ts";

// The expected machine, written out by hand from the issue (not derived from machine.ts): for each action,
// the states it may leave from and who may take it there. "A" = agent, supervisor, admin; "L" = supervisor, admin.
type Who = "A" | "L";
const expected: Record<ClaimAction, Partial<Record<ClaimStatus, Who>>> = {
  start_triage: { new: "A" },
  start_review: { new: "A", triage: "A" },
  request_evidence: { triage: "A", in_review: "A", inspecting: "A" },
  evidence_received: { awaiting_evidence: "A" },
  request_return: { in_review: "A", resolution_proposed: "A", approved: "A" },
  receive_return: { awaiting_return: "A" },
  record_inspection: { inspecting: "A" },
  propose_resolution: { in_review: "A", inspecting: "A" },
  propose_refund: { in_review: "A", inspecting: "A", resolution_proposed: "A" },
  approve_refund: { awaiting_approval: "L" },
  reject_refund: { awaiting_approval: "L" },
  execute_refund: { approved: "L" },
  ship_replacement: { resolution_proposed: "A", approved: "A", inspecting: "A", refunded: "A" },
  close: { refunded: "A", replacement_shipped: "A", resolution_proposed: "A" },
  reject_claim: { new: "A", triage: "A", in_review: "A", inspecting: "A", awaiting_evidence: "A" },
  cancel: { new: "A", triage: "A", awaiting_evidence: "A", in_review: "A", awaiting_return: "A", inspecting: "A", resolution_proposed: "A" },
  reopen: { closed: "L", rejected: "L", cancelled: "L" },
};
const expectedTo: Record<ClaimAction, ClaimStatus> = {
  start_triage: "triage", start_review: "in_review", request_evidence: "awaiting_evidence", evidence_received: "in_review",
  request_return: "awaiting_return", receive_return: "inspecting", record_inspection: "in_review", propose_resolution: "resolution_proposed",
  propose_refund: "awaiting_approval", approve_refund: "approved", reject_refund: "in_review", execute_refund: "refunded",
  ship_replacement: "replacement_shipped", close: "closed", reject_claim: "rejected", cancel: "cancelled", reopen: "in_review",
};
/** Actions that need the engine not to say `ineligible`, unless a supervisor recorded an exception. */
const needsEligibility = new Set<ClaimAction>(["request_return", "propose_resolution", "propose_refund", "ship_replacement"]);

const ctx = (role: Role, over: Partial<GuardContext> = {}): GuardContext => ({
  role, eligibility: "needs_review", hasException: false, assigneeId: null, userId: 7, ...over,
});

/** C6: a refunded claim ships only when its paid refund still owes the right item. */
const shipsAfterRefund = (a: ClaimAction, from: ClaimStatus, over: Partial<GuardContext>) => !(a === "ship_replacement" && from === "refunded") || over.reshipmentOwed === true;

type Scenario = { name: string; over: Partial<GuardContext>; allowed: (a: ClaimAction, role: Role) => boolean };
const scenarios: Scenario[] = [
  { name: "needs review", over: {}, allowed: (a, r) => !(a === "reject_claim" && r === "agent") },
  { name: "eligible", over: { eligibility: "eligible" }, allowed: (a, r) => !(a === "reject_claim" && r === "agent") },
  { name: "not evaluated", over: { eligibility: null }, allowed: (a, r) => !(a === "reject_claim" && r === "agent") },
  { name: "ineligible, no exception", over: { eligibility: "ineligible" }, allowed: (a) => !needsEligibility.has(a) },
  { name: "ineligible with a supervisor's exception", over: { eligibility: "ineligible", hasException: true }, allowed: () => true },
  {
    name: "the caller proposed the pending refund",
    over: { refundProposedById: 7 },
    allowed: (a, r) => a !== "approve_refund" && !(a === "reject_claim" && r === "agent"),
  },
  { name: "someone else proposed the pending refund", over: { refundProposedById: 8 }, allowed: (a, r) => !(a === "reject_claim" && r === "agent") },
  { name: "a paid compensation owes a reshipment (C6)", over: { reshipmentOwed: true }, allowed: (a, r) => !(a === "reject_claim" && r === "agent") },
  { name: "ineligible, owes a reshipment", over: { eligibility: "ineligible", reshipmentOwed: true }, allowed: (a) => !needsEligibility.has(a) },
];

describe("claim state machine", () => {
  it("has exactly the expected actions and targets", () => {
    expect([...claimActionKeys].sort()).toEqual(Object.keys(expected).sort());
    for (const a of claimActionKeys) expect(claimActions[a].to, a).toBe(expectedTo[a]);
  });

  for (const s of scenarios) {
    it(`every action × from-state × role matches the table (${s.name})`, () => {
      let checked = 0;
      for (const action of claimActionKeys) {
        for (const from of claimStatuses) {
          for (const role of roles) {
            const who = expected[action][from];
            const inTable = who === "A" || (who === "L" && role !== "agent");
            const result = checkTransition(action, from, ctx(role, s.over));
            const label = `${action} from ${from} as ${role}`;
            const narrowed = !shipsAfterRefund(action, from, s.over);
            expect(result.ok, label).toBe(inTable && !narrowed && s.allowed(action, role));
            if (result.ok) expect(result.to, label).toBe(expectedTo[action]);
            else if (narrowed) expect(result, label).toMatchObject({ kind: "state", reason: expect.stringContaining("C6") });
            else if (!who) expect(result, label).toMatchObject({ kind: "state", reason: expect.stringContaining("is not possible while the claim is") });
            else if (!inTable) expect(result, label).toMatchObject({ kind: "role", reason: expect.stringContaining("needs the supervisor or admin role") });
            else expect(result.kind, label).toBe("guard");
            checked++;
          }
        }
      }
      expect(checked).toBe(17 * 14 * 3);
    });
  }

  it("explains each refusal in words a person can act on", () => {
    expect(checkTransition("start_review", "closed", ctx("agent"))).toEqual({
      ok: false, kind: "state", reason: '"Start review" is not possible while the claim is closed; it applies to new or triage claims.',
    });
    expect(checkTransition("reopen", "closed", ctx("agent"))).toMatchObject({ reason: '"Reopen" needs the supervisor or admin role.' });
    expect(checkTransition("propose_refund", "in_review", ctx("agent", { eligibility: "ineligible" }))).toMatchObject({
      reason: expect.stringMatching(/not eligible; a supervisor must record an exception/),
    });
    expect(checkTransition("reject_claim", "in_review", ctx("agent"))).toMatchObject({ reason: expect.stringContaining("X5") });
    expect(checkTransition("approve_refund", "awaiting_approval", ctx("supervisor", { refundProposedById: 7 }))).toMatchObject({
      reason: expect.stringContaining("X3"),
    });
  });

  it("offers exactly the allowed actions, and names the blocked ones with their reason", () => {
    expect(availableActions("new", ctx("agent"))).toEqual(["start_triage", "start_review", "cancel"]);
    expect(availableActions("new", ctx("supervisor"))).toEqual(["start_triage", "start_review", "reject_claim", "cancel"]);
    expect(availableActions("in_review", ctx("agent", { eligibility: "ineligible" }))).toEqual(["request_evidence", "reject_claim", "cancel"]);
    expect(blockedActions("in_review", ctx("agent", { eligibility: "ineligible" })).map((b) => b.action)).toEqual([
      "request_return", "propose_resolution", "propose_refund",
    ]);
    expect(availableActions("closed", ctx("agent"))).toEqual([]);
    // A refunded claim: only Close, unless the paid refund still owes the right item (C6); never a "held back" hint.
    expect(availableActions("refunded", ctx("agent"))).toEqual(["close"]);
    expect(blockedActions("refunded", ctx("agent"))).toEqual([]);
    expect(availableActions("refunded", ctx("agent", { reshipmentOwed: true }))).toEqual(["ship_replacement", "close"]);
    expect(availableActions("closed", ctx("admin"))).toEqual(["reopen"]);
  });

  it("reaches every state from new, and every open state has a way forward", () => {
    const reached = new Set<ClaimStatus>(["new"]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const a of claimActionKeys) {
        const def = claimActions[a];
        if (def.from.some((f) => reached.has(f)) && !reached.has(def.to)) reached.add(def.to), (grew = true);
      }
    }
    expect([...reached].sort()).toEqual([...claimStatuses].sort());
    for (const s of claimStatuses) {
      const exits = claimActionKeys.filter((a) => (claimActions[a].from as readonly string[]).includes(s));
      expect(exits.length, s).toBeGreaterThan(0);
    }
  });

  it("requires a written reason to reject or cancel a claim", () => {
    expect(claimActionKeys.filter((a) => "needsReason" in claimActions[a] && claimActions[a].needsReason)).toEqual(["reject_claim", "cancel"]);
  });
});

describe("docs/workflow.md", () => {
  const doc = readFileSync(new URL("../../docs/workflow.md", import.meta.url), "utf8");

  it("lists every action with the machine's from, to, roles and procedure", () => {
    const rows = doc.split("\n").filter((l) => /^\| [a-z_]+ \|/.test(l) && !l.startsWith("| action"));
    const table = Object.fromEntries(rows.map((l) => { const cells = l.split("|").slice(1, -1).map((x) => x.trim()); return [cells[0], cells]; }));
    expect(Object.keys(table).sort()).toEqual([...claimActionKeys].sort());
    for (const a of claimActionKeys) {
      const [, from, to, who, , , procedure] = table[a]!;
      expect(from!.split(", "), a).toEqual([...claimActions[a].from]);
      expect(to, a).toBe(claimActions[a].to);
      expect(who, a).toBe(claimActions[a].roles.length === 3 ? "all" : "leads");
      expect(procedure, a).toBe(actionProcedures[a]);
    }
  });

  it("draws every transition in the state diagram", () => {
    for (const a of claimActionKeys) for (const from of claimActions[a].from) expect(doc, `${from} --> ${a}`).toContain(`  ${from} --> ${claimActions[a].to}: ${a}\n`);
    const drawn = doc.match(/^ {2}\w+ --> \w+: \w+$/gm) ?? [];
    expect(drawn).toHaveLength(claimActionKeys.reduce((n, a) => n + claimActions[a].from.length, 0));
  });

  it("sends exactly the plain actions through workflow.transitionClaim", () => {
    const sorted = [...plainActions].sort();
    expect(claimActionKeys.filter((a) => actionProcedures[a] === "workflow.transitionClaim").sort()).toEqual(sorted);
    expect(claimActionKeys.filter(isPlainAction).sort()).toEqual(sorted);
  });
});
