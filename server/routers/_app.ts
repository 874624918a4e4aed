import { router } from "../trpc/init.ts";
import { authRouter } from "./auth/index.ts";
import { claimsRouter } from "./claims/index.ts";
import { policyRouter } from "./policy/index.ts";
import { workflowRouter } from "./workflow/index.ts";
import { resolutionRouter } from "./resolution/index.ts";
import { approvalsRouter } from "./approvals/index.ts";
import { evidenceRouter } from "./evidence/index.ts";
import { storesRouter } from "./stores/index.ts";
import { exportsRouter } from "./exports/index.ts";
import { usersRouter } from "./users/index.ts";
import { reportsRouter } from "./reports/index.ts";
import { intakeRouter } from "./intake/index.ts";
import { inboundMailRouter } from "./inbound-mail/index.ts";
import { messagesRouter } from "./messages/index.ts";
import { templatesRouter } from "./templates/index.ts";
import { apiKeysRouter } from "./api-keys/index.ts";
import { orderImportRouter } from "./order-import/index.ts";
import { notificationsRouter } from "./notifications/index.ts";
import { caseFactsRouter } from "./case-facts/index.ts";

export const appRouter = router({
  auth: authRouter,
  claims: claimsRouter,
  policy: policyRouter,
  workflow: workflowRouter,
  resolution: resolutionRouter,
  approvals: approvalsRouter,
  evidence: evidenceRouter,
  stores: storesRouter,
  exports: exportsRouter,
  users: usersRouter,
  reports: reportsRouter,
  intake: intakeRouter,
  inboundMail: inboundMailRouter,
  messages: messagesRouter,
  templates: templatesRouter,
  apiKeys: apiKeysRouter,
  orderImport: orderImportRouter,
  notifications: notificationsRouter,
  caseFacts: caseFactsRouter,
});

export type AppRouter = typeof appRouter;
