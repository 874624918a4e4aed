import { z } from "zod";

// Inputs and outputs of the bell. Only the server reads them (no form), so they sit beside the router.

export const listNotificationsInput = z.object({
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
  /** Only the ones not read yet. */
  unread: z.boolean().default(false),
});

export const markNotificationsReadInput = z.object({
  ids: z.array(z.number().int().positive()).min(1, "Pick at least one notification.").max(200),
});

const kind = z.enum(["claim_assigned", "approval_waiting", "refund_approved", "refund_rejected", "deadline_soon"]);

export const notificationRow = z.object({
  id: z.number(),
  kind,
  claimNumber: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});

export const notificationPage = z.object({ rows: z.array(notificationRow), total: z.number(), unread: z.number() });
