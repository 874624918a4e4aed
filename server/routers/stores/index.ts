import { and, asc, eq, inArray } from "drizzle-orm";
import { stores, userStores, users } from "../../db/schema/index.ts";
import { storeScope } from "../../services/scope.ts";
import { router } from "../../trpc/init.ts";
import { authedProcedure } from "../../trpc/procedures.ts";

export const storesRouter = router({
  listStores: authedProcedure.query(({ ctx }) =>
    ctx.db
      .select({ id: stores.id, name: stores.name, sells: stores.sells, currency: stores.currency })
      .from(stores)
      .where(storeScope(ctx.user, stores.id))
      .orderBy(asc(stores.name)),
  ),

  /** People who can be assigned claims in the caller's stores (for the assignee filter and picker). */
  listAssignees: authedProcedure.query(async ({ ctx }) => {
    const scope = ctx.user.storeIds;
    const base = ctx.db
      .selectDistinct({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .leftJoin(userStores, eq(userStores.userId, users.id));
    const where = scope === null ? eq(users.active, true) : and(eq(users.active, true), inArray(userStores.storeId, scope.length ? scope : [""]));
    return base.where(where).orderBy(asc(users.name));
  }),
});
