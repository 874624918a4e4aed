import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import type { PolicyDocument } from "../../shared/policy/index.ts";
import type { GradeClaimLineInput } from "../../shared/schemas/resolution.ts";
import type { Db } from "../db/client.ts";
import { claimLines, orderLines } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { mutateClaim } from "./claim-mutation.ts";
import { assertEditable, decisionNow, fieldError } from "./resolution-common.ts";

type GradeInput = Omit<GradeClaimLineInput, "gradeReason"> & { gradeReason?: string | undefined };

/** Refuses values the store's grading section does not know, naming the field (G, A3, A5). */
function checkAgainstPolicy(doc: PolicyDocument, input: GradeInput) {
  const g = doc.grading;
  if (input.issueType !== undefined && !g.issueGrades?.grades[input.issueType]) {
    throw fieldError("issueType", `${doc.name} has no issue type "${input.issueType}" in its grading list (A3).`);
  }
  if (input.partType !== undefined && (!g.partValues || !(input.partType in g.partValues.valuesCents))) {
    throw fieldError(
      "partType",
      g.partValues ? `"${input.partType}" is not in ${doc.name}'s part value schedule (A5).` : `${doc.name} has no part value schedule: leave the part empty.`,
    );
  }
}

/** A5/A6: a part whose value "Depends" is priced by the agent, who must say why, like a Depends grade. */
function valueDepends(doc: PolicyDocument, partType: string | null): boolean {
  const values = doc.grading.partValues?.valuesCents as Record<string, number | null | undefined> | undefined;
  return !!values && partType !== null && values[partType] === null;
}

/**
 * G: grades one claimed line (issue type, part, grade, failure cause) through mutateClaim, so the
 * change bumps the version, re-evaluates the policy and leaves a `line_graded` event with before/after.
 */
export async function gradeClaimLine(db: Db, user: SessionUser, input: GradeInput, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    assertEditable(m, "Grading");
    const [line] = await m.tx
      .select({
        id: claimLines.id,
        issueType: claimLines.issueType,
        partType: claimLines.partType,
        orderPartType: orderLines.partType,
        grade: claimLines.grade,
        gradeReason: claimLines.gradeReason,
        failureCause: claimLines.failureCause,
        sku: orderLines.sku,
      })
      .from(claimLines)
      .innerJoin(orderLines, eq(orderLines.id, claimLines.orderLineId))
      .where(and(eq(claimLines.id, input.claimLineId), eq(claimLines.claimId, m.claim.id)))
      .for("update", { of: claimLines });
    if (!line) throw new TRPCError({ code: "NOT_FOUND", message: `Line ${input.claimLineId} is not part of ${m.claim.number}.` });

    const { policy } = await decisionNow(m);
    checkAgainstPolicy(policy.document, input);
    const after = {
      issueType: input.issueType ?? null,
      partType: input.partType ?? null,
      grade: input.grade ?? null,
      // A6: the written reason stays with the line whichever grade the agent finally picks; a new one replaces it.
      gradeReason: input.gradeReason ?? line.gradeReason,
      failureCause: input.failureCause ?? null,
    };
    // A6: a "Depends" value needs the same written reason as a "Depends" grade.
    const effectivePart = after.partType ?? line.orderPartType;
    if (valueDepends(policy.document, effectivePart) && (after.gradeReason?.length ?? 0) < 10) {
      throw fieldError("gradeReason", `The value of ${effectivePart!.replace(/_/g, " ")} "Depends": write a reason of at least 10 characters (A6).`);
    }
    const before = {
      issueType: line.issueType,
      partType: line.partType,
      grade: line.grade,
      gradeReason: line.gradeReason,
      failureCause: line.failureCause,
    };
    if (JSON.stringify(before) === JSON.stringify(after)) return { claimLineId: line.id, changed: false };
    await m.tx.update(claimLines).set(after).where(eq(claimLines.id, line.id));
    m.record("line_graded", { claimLineId: line.id, sku: line.sku, before, after, clause: "G" });
    return { claimLineId: line.id, changed: true };
  });
}
