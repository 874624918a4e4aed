import { z } from "zod";
import { roles } from "../roles.ts";
import { emailField } from "./auth.ts";

const nameField = z.string().trim().min(1, "Enter the person's name.").max(120, "Names are at most 120 characters.");
const storeIdsField = z.array(z.string().min(1).max(40)).max(50).default([]);

/** Agents and supervisors work only their stores (scope.ts), so one without stores could do nothing; admins see every store. */
const needsStores = (v: { role: string; storeIds: string[] }, ctx: z.RefinementCtx) => {
  if (v.role !== "admin" && v.storeIds.length === 0) ctx.addIssue({ code: "custom", path: ["storeIds"], message: "Choose at least one store for an agent or supervisor." });
};

export const createUserInput = z
  .object({
    email: emailField,
    name: nameField,
    role: z.enum(roles, "Choose a role."),
    storeIds: storeIdsField,
  })
  .superRefine(needsStores);
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = z
  .object({
    id: z.number().int().positive(),
    name: nameField,
    role: z.enum(roles, "Choose a role."),
    storeIds: storeIdsField,
  })
  .superRefine(needsStores);
export type UpdateUserInput = z.input<typeof updateUserInput>;

export const userIdInput = z.object({ id: z.number().int().positive() });

export const listUsersInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
  sortBy: z.enum(["name", "email", "role", "createdAt"]).default("name"),
  sortOrder: z.enum(["asc", "desc"]).default("asc"),
  filters: z
    .object({
      role: z.array(z.enum(roles)).max(3).optional(),
      store: z.array(z.string().max(40)).max(50).optional(),
      active: z.enum(["active", "inactive", "all"]).default("all"),
      q: z.string().trim().max(120).optional(),
    })
    .default({ active: "all" }),
});
export type ListUsersInput = z.input<typeof listUsersInput>;

export const adminAuditActions = [
  "user_created",
  "user_updated",
  "role_changed",
  "memberships_changed",
  "user_deactivated",
  "user_reactivated",
  "password_reset_issued",
  "policy_version_created",
  "totp_reset",
  "template_saved",
  "template_reset",
  "api_key_created",
  "api_key_revoked",
  "orders_imported",
  "daily_report_changed",
] as const;
export type AdminAuditAction = (typeof adminAuditActions)[number];
export const adminAuditTargets = ["user", "store", "policy", "template", "api_key", "setting"] as const;
export type AdminAuditTarget = (typeof adminAuditTargets)[number];

export const listAdminAuditEventsInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(50),
  filters: z
    .object({
      action: z.array(z.enum(adminAuditActions)).max(adminAuditActions.length).optional(),
      actorId: z.number().int().positive().optional(),
      targetType: z.enum(adminAuditTargets).optional(),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
    })
    .default({}),
});
export type ListAdminAuditEventsInput = z.input<typeof listAdminAuditEventsInput>;
