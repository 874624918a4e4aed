import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimLines } from "../../db/schema/index.ts";
import { key, now, useResolutionDb } from "./harness.ts";
import { createTestClaim, daysBefore } from "./test-claims.ts";

// X9: a refund is split per line by each line's own amount, never pro rata by price; A6: the agent's
// amount for a Depends line is capped by the part's maximum and the paid price, and its reason is kept.

const t = useResolutionDb();
const head = { sku: "AT-HEAD-KAI", unitPriceCents: 6_000, partType: "head_sculpt", issueType: "electronic_failure" };
const body = { sku: "AT-BODY-SIL", unitPriceCents: 9_000, partType: "seamless_figure", issueType: "structural_breakage" };
const accessoryClaim = (lines: object[]) =>
  createTestClaim(t.db, { store: "atelier", reason: "missing_accessory", lines: lines as never, evidence: ["photo"], reportedAt: daysBefore(now, 1) });
const grade = async (number: string, claimLineId: number, g: { grade?: "low" | "medium" | "high" | "depends"; issueType?: string; partType?: string; gradeReason?: string }) =>
  t.c.agent.resolution.gradeClaimLine({ ...(await t.ref(number)), claimLineId, ...(g as object) });
const byOrderLine = async (refundId: number) => new Map((await t.refundLines(refundId)).map((l) => [l.orderLineId, l.amountCents]));

describe("X9: each line's own amount", () => {
  it("head sculpt Medium and seamless figure High pay 12.50 and 40.00 on their own lines, not split by price", async () => {
    const claim = await accessoryClaim([head, body]);
    await grade(claim.number, claim.claimLineIds[0]!, { issueType: "electronic_failure", grade: "medium" });
    await grade(claim.number, claim.claimLineIds[1]!, { issueType: "structural_breakage", grade: "high" });
    const { decision } = await t.c.agent.claims.evaluateClaim({ number: claim.number });
    expect(decision.options.find((o) => o.kind === "partial_refund")).toMatchObject({ refundCents: 5_250, lines: ["AT-HEAD-KAI", "AT-BODY-SIL"] });

    const proposal = await t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "partial_refund", idempotencyKey: key() });
    expect(proposal.amountCents).toBe(5_250);
    const lines = await byOrderLine(proposal.refundId);
    // By price (60 : 90) it would have been 21.00 and 31.50.
    expect(lines.get(claim.orderLineIds[0]!)).toBe(1_250);
    expect(lines.get(claim.orderLineIds[1]!)).toBe(4_000);

    // The supervisor sees each line's inputs: grade × part maximum, paid price, clauses.
    const detail = await t.c.supervisor.approvals.getApproval({ refundId: proposal.refundId });
    expect(detail.explanation?.rule).toBe("graded");
    expect(detail.explanation?.lines).toEqual([
      expect.objectContaining({ sku: "AT-HEAD-KAI", cents: 1_250, paidCents: 6_000, formula: "Medium 50 % × head sculpt max $25.00 = $12.50" }),
      expect.objectContaining({ sku: "AT-BODY-SIL", cents: 4_000, paidCents: 9_000, formula: "High 100 % × seamless figure max $40.00 = $40.00" }),
    ]);
    expect(detail.explanation?.clauses).toEqual(expect.arrayContaining(["A2", "G", "A4", "A5"]));
    expect(detail.split.map((s) => s.claimedValueCents)).toEqual([6_000, 9_000]);

    // Reports by grade read the same per-line figures (refund_lines).
    const range = { from: "2026-03-01", to: "2026-03-31", storeIds: ["atelier"] };
    const gradeCents = async () => new Map((await t.c.supervisor.reports.getMoneyReport(range)).byGrade.map((g) => [g.grade, g.approvedCents]));
    const before = await gradeCents();
    const [refund] = await t.refunds(claim.id);
    await t.c.admin.approvals.approveRefund({ refundId: refund!.id, idempotencyKey: refund!.idempotencyKey });
    const after = await gradeCents();
    expect((after.get("medium") ?? 0) - (before.get("medium") ?? 0)).toBe(1_250);
    expect((after.get("high") ?? 0) - (before.get("high") ?? 0)).toBe(4_000);
  });

  it("an agent-set amount over several lines is entered per line, each capped at its own claimed price", async () => {
    const a = { sku: "AT-FIG-A", unitPriceCents: 5_000 };
    const b = { sku: "AT-FIG-B", unitPriceCents: 2_000 };
    const claim = await createTestClaim(t.db, { store: "atelier", reason: "wrong_item", lines: [a, b], evidence: ["photo"], reportedAt: daysBefore(now, 1) });
    const propose = async (extra: object) =>
      t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "keep_with_compensation", note: "Discount agreed by phone.", idempotencyKey: key(), ...extra });
    await expect(propose({ amountCents: 3_000 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Enter the amount for AT-FIG-A") });
    await expect(propose({ lineAmounts: [{ claimLineId: claim.claimLineIds[0]!, amountCents: 1_000 }, { claimLineId: claim.claimLineIds[1]!, amountCents: 2_500 }] })).rejects.toMatchObject({
      code: "BAD_REQUEST", message: expect.stringContaining("at most $20.00 on AT-FIG-B"),
    });
    const proposal = await propose({ lineAmounts: [{ claimLineId: claim.claimLineIds[0]!, amountCents: 2_500 }, { claimLineId: claim.claimLineIds[1]!, amountCents: 500 }] });
    expect(proposal.amountCents).toBe(3_000);
    const lines = await byOrderLine(proposal.refundId);
    expect([lines.get(claim.orderLineIds[0]!), lines.get(claim.orderLineIds[1]!)]).toEqual([2_500, 500]);
  });
});

describe("A6: the agent's Depends amount", () => {
  it("is capped at the part's maximum (not only the paid price), kept on the line, and its reason survives a change of grade", async () => {
    const claim = await accessoryClaim([{ ...head, issueType: "paint_defect" }]);
    const line = claim.claimLineIds[0]!;
    const reason = "Paint missing on the left eye; visible from the front.";
    await grade(claim.number, line, { issueType: "paint_defect", partType: "head_sculpt", grade: "depends", gradeReason: reason });
    const propose = async (amountCents: number) =>
      t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "partial_refund", amountCents, note: "Half the repaint cost.", idempotencyKey: key() });
    // Paid 60.00, but a head sculpt is worth at most 25.00 (A5).
    await expect(propose(3_000)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("A6: at most $25.00") });
    const proposal = await propose(1_800);
    const [stored] = await t.db.select({ agentCents: claimLines.agentCents, gradeReason: claimLines.gradeReason }).from(claimLines).where(eq(claimLines.id, line));
    expect(stored).toEqual({ agentCents: 1_800, gradeReason: reason });
    const detail = await t.c.supervisor.approvals.getApproval({ refundId: proposal.refundId });
    expect(detail.explanation?.lines[0]).toMatchObject({ cents: 1_800, formula: "Depends: agent's $18.00 = $18.00" });

    await t.c.supervisor.approvals.rejectRefund({ refundId: proposal.refundId, comment: "Grade it instead." });
    await grade(claim.number, line, { issueType: "paint_defect", partType: "head_sculpt", grade: "low" });
    const [regraded] = await t.db.select({ grade: claimLines.grade, gradeReason: claimLines.gradeReason }).from(claimLines).where(eq(claimLines.id, line));
    expect(regraded).toEqual({ grade: "low", gradeReason: reason });
    // Back to Depends: the engine prices the line from the agent's amount on record.
    await grade(claim.number, line, { issueType: "paint_defect", partType: "head_sculpt", grade: "depends", gradeReason: reason });
    const { decision } = await t.c.agent.claims.evaluateClaim({ number: claim.number });
    expect(decision.options.find((o) => o.kind === "partial_refund")).toMatchObject({ refundCents: 1_800, lineRefunds: [{ sku: head.sku, refundCents: 1_800 }] });
  });
});
