import { approveRefundInput, executeRefundInput, listApprovalsInput, listApprovalsOutput, refundIdInput, rejectRefundInput } from "../../../shared/schemas/approvals.ts";
import { getApproval } from "../../services/resolution-approval-detail.ts";
import { listApprovals } from "../../services/resolution-approval-queue.ts";
import { approveRefund, executeRefund, rejectRefund } from "../../services/resolution-approval.ts";
import { router } from "../../trpc/init.ts";
import { approverProcedure, supervisorProcedure } from "../../trpc/procedures.ts";

/** X3: refunds are decided and paid out by supervisors, never by the person who proposed them. */
export const approvalsRouter = router({
  listApprovals: supervisorProcedure.input(listApprovalsInput).output(listApprovalsOutput).query(({ ctx, input }) => listApprovals(ctx.db, ctx.user, input, ctx.now())),
  getApproval: supervisorProcedure.input(refundIdInput).query(({ ctx, input }) => getApproval(ctx.db, ctx.user, input.refundId, ctx.now())),
  approveRefund: approverProcedure.input(approveRefundInput).mutation(({ ctx, input }) => approveRefund(ctx.db, ctx.user, input, ctx.now())),
  rejectRefund: approverProcedure.input(rejectRefundInput).mutation(({ ctx, input }) => rejectRefund(ctx.db, ctx.user, input, ctx.now())),
  executeRefund: approverProcedure.input(executeRefundInput).mutation(({ ctx, input }) => executeRefund(ctx.db, ctx.user, input, ctx.now())),
});
