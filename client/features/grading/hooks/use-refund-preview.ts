import { useMemo } from "react";
import { evaluateClaim, type ClaimFactsInput, type ClaimLine, type PolicyDocument } from "@shared/policy/index.ts";

export type LineEdit = Pick<ClaimLine, "issueType" | "partType" | "grade" | "failureCause">;

/**
 * The shared engine run in the browser on the claim's facts with one line as the agent is editing it:
 * the graded refund for that line alone and for the whole claim, and the grading findings (G, A4–A6, X2).
 * Pure and synchronous, so it follows every keystroke without a request.
 */
export function useRefundPreview(doc: PolicyDocument | undefined, facts: ClaimFactsInput | undefined, index: number, edit: LineEdit, now: Date) {
  return useMemo(() => {
    const current = facts?.lines[index];
    if (!doc || !facts || !current) return null;
    const line = { ...current, issueType: edit.issueType, partType: edit.partType ?? current.partType, grade: edit.grade, failureCause: edit.failureCause };
    const lines = facts.lines.map((l, i) => (i === index ? line : l));
    const whole = evaluateClaim(doc, { ...facts, lines }, now);
    const alone = evaluateClaim(doc, { ...facts, lines: [line] }, now);
    const partial = (d: typeof whole) => d.options.find((o) => o.kind === "partial_refund");
    const gradingCodes = new Set(["grade_pending", "grade_depends", "refund_cap"]);
    return {
      offersGradedRefund: !!partial(whole) || !!partial(alone),
      lineCents: partial(alone)?.refundCents,
      claimCents: partial(whole)?.refundCents,
      findings: alone.findings.filter((f) => gradingCodes.has(f.code)),
      eligibility: whole.eligibility,
    };
  }, [doc, facts, index, edit.issueType, edit.partType, edit.grade, edit.failureCause, now]);
}
