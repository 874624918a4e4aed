import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import { formatCents } from "../../shared/money.ts";
import { seesAllStores, type Role } from "../../shared/roles.ts";
import type { DbOrTx } from "../db/client.ts";
import { notifications, userStores, users } from "../db/schema/index.ts";
import type { ClaimMutation } from "./claim-mutation.ts";

export const notificationKinds = ["claim_assigned", "approval_waiting", "refund_approved", "refund_rejected", "deadline_soon"] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export type NewNotification = {
  userId: number;
  kind: NotificationKind;
  claimId: number | null;
  claimNumber: string | null;
  title: string;
  body?: string;
  /** Unique per person: a second delivery with the same key is dropped. */
  dedupeKey?: string;
};

/**
 * Delivers notifications on the caller's transaction, so they exist only if the change that caused them
 * commits. Returns how many were new (a repeated dedupe key counts as already delivered).
 */
export async function notify(tx: DbOrTx, items: NewNotification[], now: Date): Promise<number> {
  if (items.length === 0) return 0;
  const rows = await tx
    .insert(notifications)
    .values(items.map((n) => ({ ...n, body: n.body ?? "", dedupeKey: n.dedupeKey ?? null, createdAt: now })))
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}

/** A claim handed to someone by a colleague; taking it yourself (assign to self, "Take next") is no news. */
export async function notifyAssigned(m: ClaimMutation, assigneeId: number | null): Promise<void> {
  if (assigneeId === null || assigneeId === m.user.id) return;
  await notify(
    m.tx,
    [{ userId: assigneeId, kind: "claim_assigned", claimId: m.claim.id, claimNumber: m.claim.number, title: `Assigned to you by ${m.user.name}` }],
    m.now,
  );
}

const approverRoles: Role[] = ["supervisor", "admin"];
// Same store rule as sessions (`storeIdsFor`): a role that sees all stores needs no membership.
const everyStore = approverRoles.filter(seesAllStores);
const ownStores = approverRoles.filter((r) => !seesAllStores(r));

/**
 * Everyone who may decide the proposal (X3): active supervisors who work the claim's store and every
 * active admin (admins see all stores), never the proposer, who may not approve their own.
 */
async function approversOf(tx: DbOrTx, storeId: string, proposerId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        ne(users.id, proposerId),
        or(
          inArray(users.role, everyStore),
          and(
            inArray(users.role, ownStores),
            inArray(users.id, tx.select({ id: userStores.userId }).from(userStores).where(eq(userStores.storeId, storeId))),
          ),
        ),
      ),
    )
    .orderBy(users.id);
  return rows.map((r) => r.id);
}

export async function notifyApprovalWaiting(m: ClaimMutation, refund: { reference: string; amountCents: number }): Promise<void> {
  const recipients = await approversOf(m.tx, m.claim.storeId, m.user.id);
  const title = `Refund of ${formatCents(refund.amountCents)} waiting for approval`;
  const body = `${m.user.name} proposed ${refund.reference}.`;
  await notify(m.tx, recipients.map((userId) => ({ userId, kind: "approval_waiting", claimId: m.claim.id, claimNumber: m.claim.number, title, body })), m.now);
}

/** The proposer hears the decision (with the supervisor's reason when it is a rejection). */
export async function notifyRefundDecided(
  m: ClaimMutation,
  refund: { proposedById: number | null; reference: string; amountCents: number },
  decision: "approved" | "rejected",
  comment: string | null,
): Promise<void> {
  if (refund.proposedById === null || refund.proposedById === m.user.id) return;
  const amount = formatCents(refund.amountCents);
  const title = decision === "approved" ? `Refund of ${amount} approved by ${m.user.name}` : `Refund of ${amount} rejected by ${m.user.name}`;
  const body = decision === "rejected" ? `${refund.reference}: ${comment ?? ""}`.trim() : comment ? `${refund.reference}: ${comment}` : refund.reference;
  await notify(
    m.tx,
    [{ userId: refund.proposedById, kind: decision === "approved" ? "refund_approved" : "refund_rejected", claimId: m.claim.id, claimNumber: m.claim.number, title, body }],
    m.now,
  );
}

/** Unread count of one person (the bell's badge); the partial unread index answers it. */
export async function unreadCount(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), sql`${notifications.readAt} is null`));
  return row?.n ?? 0;
}
