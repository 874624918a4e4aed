import { attachMailToClaimInput, inboundMailIdInput, listUnsortedMailInput, openClaimFromMailInput } from "../../../shared/schemas/inbound-mail.ts";
import { attachMailToClaim, discardMail, getInboundMail, listUnsortedMail, openClaimForMail } from "../../services/inbound-email-sorting.ts";
import { router } from "../../trpc/init.ts";
import { agentProcedure } from "../../trpc/procedures.ts";

export const inboundMailRouter = router({
  listUnsortedMail: agentProcedure.input(listUnsortedMailInput).query(({ ctx, input }) => listUnsortedMail(ctx.db, ctx.user, input.page, input.pageSize)),

  /** One mail as received (text body, attachment names); NOT_FOUND when it was addressed to another store. */
  getInboundMail: agentProcedure.input(inboundMailIdInput).query(async ({ ctx, input }) => {
    const { references: _r, ...row } = await getInboundMail(ctx.db, ctx.user, input.id);
    return { ...row, attachments: row.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size })) };
  }),

  attachMailToClaim: agentProcedure.input(attachMailToClaimInput).mutation(({ ctx, input }) => attachMailToClaim(ctx.db, ctx.user, input.id, input.number, ctx.now())),

  openClaimFromMail: agentProcedure.input(openClaimFromMailInput).mutation(({ ctx, input }) => openClaimForMail(ctx.db, ctx.user, input.id, input.orderId, input.reason, ctx.now())),

  discardMail: agentProcedure.input(inboundMailIdInput).mutation(({ ctx, input }) => discardMail(ctx.db, ctx.user, input.id)),
});
