import { acceptMailAttachmentsInput, claimMessagesInput, draftClaimMessageInput, sendClaimMessageInput } from "../../../shared/schemas/messages.ts";
import { acceptMailAttachments } from "../../services/inbound-email-claims.ts";
import { draftClaimMessage, sendClaimMessage } from "../../services/message-compose.ts";
import { listConversation } from "../../services/message-conversation.ts";
import { router } from "../../trpc/init.ts";
import { agentProcedure } from "../../trpc/procedures.ts";

/** The claim's conversation and the composer; agents of the claim's store (and supervisors, admins); another store's claim is NOT_FOUND. */
export const messagesRouter = router({
  listClaimMessages: agentProcedure.input(claimMessagesInput).query(({ ctx, input }) => listConversation(ctx.db, ctx.user, input.number)),

  /** A template filled from this claim, for the agent to read and edit before sending. */
  draftClaimMessage: agentProcedure.input(draftClaimMessageInput).query(({ ctx, input }) => draftClaimMessage(ctx.db, ctx.user, input.number, input.key, ctx.now())),

  /** Queues the message (outbox) with a claim event; the mailer job sends it when SMTP is configured. */
  sendClaimMessage: agentProcedure.input(sendClaimMessageInput).mutation(({ ctx, input }) => sendClaimMessage(ctx.db, ctx.user, input, ctx.now())),

  /** A mail's attachments become the claim's evidence only when an agent accepts them here. */
  acceptMailAttachments: agentProcedure.input(acceptMailAttachmentsInput).mutation(({ ctx, input }) => acceptMailAttachments(ctx.db, ctx.user, input, ctx.now())),
});
