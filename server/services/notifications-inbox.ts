import { TRPCError } from "@trpc/server";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { notifications } from "../db/schema/index.ts";
import { unreadCount, type NotificationKind } from "./notifications.ts";

const columns = {
  id: notifications.id,
  kind: notifications.kind,
  claimNumber: notifications.claimNumber,
  title: notifications.title,
  body: notifications.body,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
};

/** One person's notifications, newest first; `unread` keeps only those not read yet. */
export async function listNotifications(db: Db, userId: number, input: { page: number; pageSize: number; unread: boolean }) {
  const where = and(eq(notifications.userId, userId), input.unread ? isNull(notifications.readAt) : undefined);
  const [rows, [total], unread] = await Promise.all([
    db
      .select(columns)
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(where),
    unreadCount(db, userId),
  ]);
  // Only `notify` writes the column, and only with these kinds.
  return { rows: rows as (Omit<(typeof rows)[number], "kind"> & { kind: NotificationKind })[], total: total?.n ?? 0, unread };
}

/**
 * Marks the person's own notifications read (already read ones keep their first read time). Any id that
 * is not theirs makes the whole call NOT_FOUND and changes nothing, so ids of others cannot be probed.
 */
export async function markNotificationsRead(db: Db, userId: number, ids: number[], now: Date) {
  const unique = [...new Set(ids)];
  return db.transaction(async (tx) => {
    const own = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), inArray(notifications.id, unique)));
    if (own.length !== unique.length) throw new TRPCError({ code: "NOT_FOUND", message: "No such notification." });
    await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.userId, userId), inArray(notifications.id, unique), isNull(notifications.readAt)));
    return { unread: await unreadCount(tx, userId) };
  });
}

export async function markAllNotificationsRead(db: Db, userId: number, now: Date) {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: rows.length, unread: 0 };
}
