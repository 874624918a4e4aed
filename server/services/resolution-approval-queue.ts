import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { listApprovalsInput } from "../../shared/schemas/approvals.ts";
import type { DbOrTx } from "../db/client.ts";
import { claimLines, claims, evidenceItems, orderLines, refunds, stores, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { evaluateStoredClaim } from "./claim-evaluation.ts";
import { FREIGHT_REIMBURSEMENT, payoutWaitsFor } from "./refunds.ts";
import { storeScope } from "./scope.ts";

const deciders = alias(users, "deciders");

const statusWhere: Record<z.output<typeof listApprovalsInput>["status"], SQL | undefined> = {
  proposed: eq(refunds.status, "proposed"),
  approved: eq(refunds.status, "approved"),
  decided: inArray(refunds.status, ["rejected", "executed"]),
  all: undefined,
};

/**
 * The supervisors' queue of refund proposals (X3), oldest first, in the caller's stores. Each row carries
 * what a decision needs at a glance — grades per line and how much evidence there is — and whether the
 * caller proposed it (then they cannot approve it).
 */
export async function listApprovals(db: DbOrTx, user: SessionUser, input: z.output<typeof listApprovalsInput>, now: Date) {
  // On the refund's own copy of its store, so the count reads refunds_status_store_idx and no claim.
  const where = and(
    statusWhere[input.status],
    storeScope(user, refunds.storeId),
    input.store?.length ? inArray(refunds.storeId, input.store) : undefined,
  );
  const order = input.sortOrder === "asc" ? [asc(refunds.createdAt), asc(refunds.id)] : [desc(refunds.createdAt), desc(refunds.id)];
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: refunds.id,
        reference: refunds.reference,
        amountCents: refunds.amountCents,
        currency: refunds.currency,
        kind: refunds.kind,
        method: refunds.method,
        status: refunds.status,
        isException: refunds.isException,
        reason: refunds.reason,
        idempotencyKey: refunds.idempotencyKey,
        createdAt: refunds.createdAt,
        decidedAt: refunds.decidedAt,
        executedAt: refunds.executedAt,
        decisionComment: refunds.decisionComment,
        proposedById: refunds.proposedById,
        proposedByName: users.name,
        decidedByName: deciders.name,
        claimId: claims.id,
        claimNumber: claims.number,
        claimStatus: claims.status,
        claimReason: claims.reason,
        eligibility: claims.eligibility,
        storeId: claims.storeId,
        storeName: stores.name,
      })
      .from(refunds)
      .innerJoin(claims, eq(claims.id, refunds.claimId))
      .innerJoin(stores, eq(stores.id, claims.storeId))
      .leftJoin(users, eq(users.id, refunds.proposedById))
      .leftJoin(deciders, eq(deciders.id, refunds.decidedById))
      .where(where)
      .orderBy(...order)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(refunds).where(where),
  ]);
  const claimIds = [...new Set(rows.map((r) => r.claimId))];
  const [lines, evidence] = claimIds.length
    ? await Promise.all([
        db
          .select({ claimId: claimLines.claimId, sku: orderLines.sku, grade: claimLines.grade, issueType: claimLines.issueType, partType: claimLines.partType })
          .from(claimLines)
          .innerJoin(orderLines, eq(orderLines.id, claimLines.orderLineId))
          .where(inArray(claimLines.claimId, claimIds))
          .orderBy(asc(claimLines.id)),
        db
          .select({ claimId: evidenceItems.claimId, n: sql<number>`count(*)::int` })
          .from(evidenceItems)
          .where(inArray(evidenceItems.claimId, claimIds))
          .groupBy(evidenceItems.claimId),
      ])
    : [[], []];
  const evidenceCount = new Map(evidence.map((e) => [e.claimId, Number(e.n)]));
  // X8: an approved refund may still wait for the return; only approved rows need the claim's decision now.
  const waiting = new Map<number, string | null>();
  for (const r of rows) {
    if (r.status !== "approved" || r.kind === FREIGHT_REIMBURSEMENT || waiting.has(r.id)) continue;
    const { decision, facts } = await evaluateStoredClaim(db, r.claimId, now);
    waiting.set(r.id, payoutWaitsFor(decision.options.find((o) => o.kind === r.kind), r.kind, facts as never)?.gate ?? null);
  }
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({
      ...r,
      ownProposal: r.proposedById === user.id,
      grades: lines.filter((l) => l.claimId === r.claimId).map(({ claimId: _c, ...l }) => l),
      evidenceCount: evidenceCount.get(r.claimId) ?? 0,
      payoutWaits: waiting.get(r.id) ?? null,
    })),
  };
}
