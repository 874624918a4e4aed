import { z } from "zod";
import { claimReasons } from "../policy/enums.ts";

export const inboundMailStatuses = ["joined", "opened_claim", "unsorted", "filed", "discarded"] as const;
export type InboundMailStatus = (typeof inboundMailStatuses)[number];

export const listUnsortedMailInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export const inboundMailIdInput = z.object({ id: z.number().int().positive() });

export const attachMailToClaimInput = z.object({
  id: z.number().int().positive(),
  number: z.string().trim().regex(/^CLM-\d{6,}$/i, "Claim numbers look like CLM-000123."),
});
export type AttachMailToClaimInput = z.input<typeof attachMailToClaimInput>;

export const openClaimFromMailInput = z.object({
  id: z.number().int().positive(),
  orderId: z.number({ error: "Pick the order." }).int().positive("Pick the order."),
  reason: z.enum(claimReasons, { error: "Pick a reason." }),
});
export type OpenClaimFromMailInput = z.input<typeof openClaimFromMailInput>;
