import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { notifications } from "../../db/schema/index.ts";

/** What a person's bell holds, oldest first, in the words the popover shows. */
export async function inbox(db: Db, userId: number) {
  return db
    .select({ kind: notifications.kind, claimNumber: notifications.claimNumber, title: notifications.title, body: notifications.body, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(asc(notifications.id));
}

/** Notifications about one claim, per recipient id. */
export async function recipientsOf(db: Db, claimNumber: string, kind?: string) {
  const rows = await db
    .select({ userId: notifications.userId, kind: notifications.kind })
    .from(notifications)
    .where(eq(notifications.claimNumber, claimNumber))
    .orderBy(asc(notifications.id));
  return rows.filter((r) => !kind || r.kind === kind).map((r) => r.userId);
}
