import { and, asc, desc, eq, isNull, notInArray, sql } from "drizzle-orm";
import { finishedStatuses } from "../../shared/workflow/statuses.ts";
import type { Db } from "../db/client.ts";
import { claims } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { appendClaimEvents } from "./claim-events.ts";
import { storeScope } from "./scope.ts";

export type TakeNextResult = { number: string; version: number } | null;

/**
 * "Take next": the most urgent unassigned claim of the caller's stores that still needs work (priority,
 * then the earliest due date, then the oldest) becomes the caller's; a finished claim (refunded,
 * shipped, closed) has nothing left to chase. `FOR UPDATE SKIP LOCKED` lets any number of agents
 * press it at once: each skips the rows the others are taking, so no claim is handed out twice and
 * nobody waits on somebody else's pick. Returns null when nothing is left.
 */
export async function takeNextClaim(db: Db, user: SessionUser, now: Date): Promise<TakeNextResult> {
  return db.transaction(async (tx) => {
    const [claim] = await tx
      .select({ id: claims.id, number: claims.number, version: claims.version })
      .from(claims)
      .where(and(isNull(claims.assigneeId), notInArray(claims.status, [...finishedStatuses]), storeScope(user, claims.storeId)))
      .orderBy(desc(claims.priority), sql`${claims.dueAt} asc nulls last`, asc(claims.createdAt), asc(claims.id))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!claim) return null;
    const version = claim.version + 1;
    await tx.update(claims).set({ assigneeId: user.id, version, updatedAt: now }).where(eq(claims.id, claim.id));
    await appendClaimEvents(tx, claim.id, [{ type: "assigned", data: { from: null, to: user.id, fromName: null, toName: user.name, via: "take_next" } }], {
      actorId: user.id,
      at: now,
      claimVersion: version,
    });
    return { number: claim.number, version };
  });
}
