// Public surface of the policy engine. Everything here is pure and
// synchronous, so the server decides with it and the client previews with it.

import { crossCuttingClauses, compareClauseIds, type ClauseSummary } from "./clauses.ts";
import type { StoreKey } from "./enums.ts";
import { policyDocumentSchema, type PolicyDocument, type PolicyDocumentInput } from "./schema/document.ts";
import { atelier } from "./stores/atelier.ts";
import { chipyard } from "./stores/chipyard.ts";
import { everyday } from "./stores/everyday.ts";
import { kinetic } from "./stores/kinetic.ts";
import { layerworks } from "./stores/layerworks.ts";

export * from "./enums.ts";
export { evaluateClaim } from "./engine/evaluate.ts";
export { compilePolicy } from "./engine/compile.ts";
export { effectiveGrade } from "./engine/grading.ts";
export { crossCuttingClauses, type ClauseSummary } from "./clauses.ts";
export { checkRefundExecution, type RefundApproval, type ExecutionCheck } from "./approval.ts";
export { formatRmaNumber, isValidRmaNumber } from "./rma.ts";
export { reasonFromSubject } from "./intake.ts";
export {
  claimFactsSchema,
  claimLineSchema,
  instantSchema,
  type ClaimFacts,
  type ClaimFactsInput,
  type ClaimLine,
  type RepairPause,
} from "./schema/facts.ts";
export {
  decisionSchema,
  type Decision,
  type DecisionOption,
  type Deadline,
  type EvidenceStatus,
  type Finding,
} from "./schema/decision.ts";
export {
  policyDocumentSchema,
  type PolicyDocument,
  type PolicyDocumentInput,
  type CaseRule,
  type OptionTemplate,
  type AmountRule,
  type WindowRule,
  type DeadlineRule,
} from "./schema/document.ts";

/** The documents as written in source, before validation and defaults. */
export const policySources: Record<StoreKey, PolicyDocumentInput> = { kinetic, layerworks, everyday, chipyard, atelier };

/** Validated documents for the five stores: the seed of each store's first policy version. */
export const defaultPolicies: Record<StoreKey, PolicyDocument> = {
  kinetic: policyDocumentSchema.parse(kinetic),
  layerworks: policyDocumentSchema.parse(layerworks),
  everyday: policyDocumentSchema.parse(everyday),
  chipyard: policyDocumentSchema.parse(chipyard),
  atelier: policyDocumentSchema.parse(atelier),
};

/** Every clause of the rule book (X1–X6, stores, G) with our one-line summary. */
export const clauseCatalog: readonly ClauseSummary[] = [
  ...crossCuttingClauses,
  ...Object.values(defaultPolicies).flatMap((doc) => doc.clauses.map((c) => ({ ...c, store: doc.key }))),
].sort((a, b) => compareClauseIds(a.id, b.id));

export function isStoreKey(value: string): value is StoreKey {
  return Object.hasOwn(defaultPolicies, value);
}
