import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { listUsersInput } from "../../shared/schemas/users.ts";
import type { DbOrTx } from "../db/client.ts";
import { userStores, users } from "../db/schema/index.ts";

const sortColumns = { name: users.name, email: users.email, role: users.role, createdAt: users.createdAt } as const;
// Drizzle drops the table prefix in single-table selects, which would make `id` ambiguous inside the subselects.
const uid = sql.raw(`"users"."id"`);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** People for Admin › People: memberships, open claims (for the deactivate warning) and last activity in one page. */
export async function listUsers(db: DbOrTx, input: z.output<typeof listUsersInput>) {
  const f = input.filters;
  const where: SQL[] = [];
  if (f.role?.length) where.push(inArray(users.role, f.role));
  if (f.active !== "all") where.push(eq(users.active, f.active === "active"));
  if (f.store?.length) where.push(inArray(users.id, db.select({ id: userStores.userId }).from(userStores).where(inArray(userStores.storeId, f.store))));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(or(ilike(users.name, like), ilike(users.email, like))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const dir = input.sortOrder === "asc" ? asc : desc;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        active: users.active,
        createdAt: users.createdAt,
        passwordSet: sql<boolean>`${users.passwordHash} is not null`,
        storeIds: sql<string[]>`coalesce((select array_agg(us.store_id order by us.store_id) from user_stores us where us.user_id = ${uid}), '{}')`,
        openClaims: sql<number>`(select count(*)::int from claims c where c.assignee_id = ${uid} and c.status not in ('closed','rejected','cancelled'))`,
        lastSeenAt: sql<Date | null>`(select max(s.last_seen_at) from sessions s where s.user_id = ${uid})`,
      })
      .from(users)
      .where(cond)
      .orderBy(dir(sortColumns[input.sortBy]), asc(users.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(users).where(cond),
  ]);
  // Raw subselects come back as strings on some drivers; normalise so the wire shape is stable.
  return {
    rows: rows.map((r) => ({ ...r, openClaims: Number(r.openClaims), lastSeenAt: r.lastSeenAt ? new Date(r.lastSeenAt) : null })),
    total: total?.n ?? 0,
  };
}
