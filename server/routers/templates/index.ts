import { saveTemplateInput, templateRefInput } from "../../../shared/schemas/templates.ts";
import { getTemplateForEdit, listTemplateOverrides, resetTemplateOverride, saveTemplateOverride } from "../../services/message-template-store.ts";
import { router } from "../../trpc/init.ts";
import { adminProcedure } from "../../trpc/procedures.ts";

/** The admin's template editor: per store × situation wording, saved as overrides of the built-in defaults, every change audited. */
export const templatesRouter = router({
  listTemplateOverrides: adminProcedure.query(({ ctx }) => listTemplateOverrides(ctx.db)),

  getTemplate: adminProcedure.input(templateRefInput).query(({ ctx, input }) => getTemplateForEdit(ctx.db, input.storeId, input.key)),

  saveTemplate: adminProcedure.input(saveTemplateInput).mutation(({ ctx, input }) => saveTemplateOverride(ctx.db, ctx.user, input, ctx.now())),

  resetTemplate: adminProcedure.input(templateRefInput).mutation(({ ctx, input }) => resetTemplateOverride(ctx.db, ctx.user, input, ctx.now())),
});
