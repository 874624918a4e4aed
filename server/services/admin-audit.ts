import { and, count, desc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import type { AdminAuditTarget, listAdminAuditEventsInput } from "../../shared/schemas/users.ts";
import type { z } from "zod";
import type { DbOrTx } from "../db/client.ts";
import { adminAuditEvents, users } from "../db/schema/index.ts";

export type AdminAuditEvent = {
  actorId: number;
  action: string;
  targetType: AdminAuditTarget;
  targetId: string | number;
  data?: Record<string, unknown>;
  at: Date;
};

/** Callers pass their transaction, so the audit row commits or rolls back with the change it records. */
export async function recordAdminAudit(tx: DbOrTx, events: AdminAuditEvent | AdminAuditEvent[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return;
  await tx.insert(adminAuditEvents).values(
    list.map((e) => ({ actorId: e.actorId, action: e.action, targetType: e.targetType, targetId: String(e.targetId), data: e.data ?? {}, at: e.at })),
  );
}

type ListInput = z.output<typeof listAdminAuditEventsInput>;

export async function listAdminAuditEvents(db: DbOrTx, input: ListInput) {
  const f = input.filters;
  const where: SQL[] = [];
  if (f.action?.length) where.push(inArray(adminAuditEvents.action, f.action));
  if (f.actorId) where.push(eq(adminAuditEvents.actorId, f.actorId));
  if (f.targetType) where.push(eq(adminAuditEvents.targetType, f.targetType));
  if (f.from) where.push(gte(adminAuditEvents.at, new Date(f.from)));
  if (f.to) where.push(lte(adminAuditEvents.at, new Date(f.to)));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: adminAuditEvents.id,
        action: adminAuditEvents.action,
        targetType: adminAuditEvents.targetType,
        targetId: adminAuditEvents.targetId,
        data: adminAuditEvents.data,
        at: adminAuditEvents.at,
        actorId: adminAuditEvents.actorId,
        actorName: users.name,
      })
      .from(adminAuditEvents)
      .leftJoin(users, eq(users.id, adminAuditEvents.actorId))
      .where(cond)
      .orderBy(desc(adminAuditEvents.at), desc(adminAuditEvents.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(adminAuditEvents).where(cond),
  ]);
  return { rows, total: total?.n ?? 0 };
}
