import { and, asc, desc, eq } from "drizzle-orm";
import { actionProcedures, isPlainAction } from "../../shared/workflow/action-procedures.ts";
import { actionDef, availableActions, blockedActions, type ClaimAction, type GuardContext } from "../../shared/workflow/machine.ts";
import { closedStatuses } from "../../shared/workflow/statuses.ts";
import type { DbOrTx } from "../db/client.ts";
import { refunds, userStores, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { getClaimRef } from "./claim-detail.ts";
import { reshipmentOwed } from "./resolution-reshipment.ts";

const describeAction = (action: ClaimAction) => {
  const def = actionDef(action);
  return { action, label: def.label, to: def.to, needsReason: def.needsReason === true, plain: isPlainAction(action), procedure: actionProcedures[action] };
};

/**
 * What the caller may do to the claim now, from the same state machine the server enforces, so the UI
 * never shows a button the person cannot use; `blocked` says why an otherwise open action is held back.
 */
export async function listClaimActions(db: DbOrTx, user: SessionUser, number: string) {
  const claim = await getClaimRef(db, user, number);
  const [pending] = await db
    .select({ proposedById: refunds.proposedById })
    .from(refunds)
    .where(and(eq(refunds.claimId, claim.id), eq(refunds.status, "proposed")))
    .orderBy(desc(refunds.id))
    .limit(1);
  const ctx: GuardContext = {
    role: user.role,
    eligibility: claim.eligibility as GuardContext["eligibility"],
    hasException: claim.exceptionReason !== null,
    assigneeId: claim.assigneeId,
    userId: user.id,
    refundProposedById: pending?.proposedById ?? null,
    reshipmentOwed: await reshipmentOwed(db, claim),
  };
  const open = !closedStatuses.includes(claim.status);
  const lead = user.role !== "agent";
  return {
    number: claim.number,
    version: claim.version,
    status: claim.status,
    actions: availableActions(claim.status, ctx).map(describeAction),
    blocked: blockedActions(claim.status, ctx).map((b) => ({ ...describeAction(b.action), reason: b.reason })),
    assignment: {
      /** `anyone`: supervisors and admins; `self`: an agent may take this unassigned claim; `none`: closed or a colleague's. */
      assignTo: !open ? "none" : lead ? "anyone" : claim.assigneeId === null ? "self" : "none",
      canUnassign: open && claim.assigneeId !== null && (lead || claim.assigneeId === user.id),
    } as { assignTo: "anyone" | "self" | "none"; canUnassign: boolean },
    canSetPriority: open,
  };
}

/** Active colleagues who work the claim's store: the assignee picker's choices. */
export async function listClaimAssignees(db: DbOrTx, user: SessionUser, number: string) {
  const claim = await getClaimRef(db, user, number);
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .innerJoin(userStores, eq(userStores.userId, users.id))
    .where(and(eq(users.active, true), eq(userStores.storeId, claim.storeId)))
    .orderBy(asc(users.name));
}
