import { z } from "zod";
import { roles } from "../../../shared/roles.ts";
import { createUserInput, listAdminAuditEventsInput, listUsersInput, updateUserInput, userIdInput } from "../../../shared/schemas/users.ts";
import { listAdminAuditEvents } from "../../services/admin-audit.ts";
import { createUser, updateUser } from "../../services/users-admin.ts";
import { listUsers } from "../../services/users-list.ts";
import { deactivateUser, reactivateUser, resetPassword } from "../../services/users-status.ts";
import { router } from "../../trpc/init.ts";
import { adminMutationProcedure, adminProcedure } from "../../trpc/procedures.ts";

const userRow = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  active: z.boolean(),
  createdAt: z.date(),
  passwordSet: z.boolean(),
  storeIds: z.array(z.string()),
  openClaims: z.number(),
  lastSeenAt: z.date().nullable(),
});

const auditRow = z.object({
  id: z.number(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  data: z.record(z.string(), z.unknown()),
  at: z.date(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
});

/** Admin › People and Admin › Audit: every procedure is admin-only and every change is audited. */
export const usersRouter = router({
  listUsers: adminProcedure
    .input(listUsersInput)
    .output(z.object({ rows: z.array(userRow), total: z.number() }))
    .query(({ ctx, input }) => listUsers(ctx.db, input)),

  createUser: adminMutationProcedure.input(createUserInput).mutation(({ ctx, input }) => createUser(ctx.db, ctx.user, input, ctx.now())),
  updateUser: adminMutationProcedure.input(updateUserInput).mutation(({ ctx, input }) => updateUser(ctx.db, ctx.user, input, ctx.now())),
  deactivateUser: adminMutationProcedure.input(userIdInput).mutation(({ ctx, input }) => deactivateUser(ctx.db, ctx.user, input.id, ctx.now())),
  reactivateUser: adminMutationProcedure.input(userIdInput).mutation(({ ctx, input }) => reactivateUser(ctx.db, ctx.user, input.id, ctx.now())),
  resetPassword: adminMutationProcedure.input(userIdInput).mutation(({ ctx, input }) => resetPassword(ctx.db, ctx.user, input.id, ctx.now())),

  listAdminAuditEvents: adminProcedure
    .input(listAdminAuditEventsInput)
    .output(z.object({ rows: z.array(auditRow), total: z.number() }))
    .query(({ ctx, input }) => listAdminAuditEvents(ctx.db, input)),
});
