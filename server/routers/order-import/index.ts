import { commitOrderImportInput, previewOrderImportInput } from "../../../shared/schemas/order-import.ts";
import { commitOrderImport, previewOrderImport } from "../../services/order-import.ts";
import { router } from "../../trpc/init.ts";
import { supervisorProcedure } from "../../trpc/procedures.ts";

/** CSV order import for stores without an API; the CSV text is sent and parsed on the server. */
export const orderImportRouter = router({
  previewOrderImport: supervisorProcedure.input(previewOrderImportInput).mutation(({ ctx, input }) => previewOrderImport(ctx.db, ctx.user, input)),
  commitOrderImport: supervisorProcedure.input(commitOrderImportInput).mutation(({ ctx, input }) => commitOrderImport(ctx.db, ctx.user, input, ctx.now())),
});
