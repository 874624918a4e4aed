import { z } from "zod";
import { unreadCount } from "../../services/notifications.ts";
import { listNotifications, markAllNotificationsRead, markNotificationsRead } from "../../services/notifications-inbox.ts";
import { router } from "../../trpc/init.ts";
import { authedProcedure } from "../../trpc/procedures.ts";
import { listNotificationsInput, markNotificationsReadInput, notificationPage } from "./schemas.ts";

/** The caller's own notifications (the bell); nobody reads or marks anyone else's. */
export const notificationsRouter = router({
  list: authedProcedure
    .input(listNotificationsInput)
    .output(notificationPage)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.user.id, input)),

  /** Polled by the bell, so it is one index-only count. */
  unreadCount: authedProcedure.output(z.object({ unread: z.number() })).query(async ({ ctx }) => ({ unread: await unreadCount(ctx.db, ctx.user.id) })),

  /** Another person's id is NOT_FOUND, and then nothing is marked. */
  markRead: authedProcedure
    .input(markNotificationsReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.user.id, input.ids, ctx.now())),

  markAllRead: authedProcedure.mutation(({ ctx }) => markAllNotificationsRead(ctx.db, ctx.user.id, ctx.now())),
});
