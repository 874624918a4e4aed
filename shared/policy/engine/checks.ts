import { addFinding, finding, type EvalContext } from "./context.ts";
import { carrierAllowed } from "./carriers.ts";

/**
 * X1: goods sent back before the claim was authorised (or without any
 * authorisation) are an unannounced return for a supervisor.
 */
export function checkUnannouncedReturn(ctx: EvalContext): void {
  const sentBack = ctx.at.returnShippedAt ?? ctx.at.returnReceivedAt;
  if (sentBack === undefined) return;
  const approved = ctx.at.approvedAt;
  if (approved !== undefined && approved <= sentBack) return;
  const rule = ctx.doc.unannouncedReturn;
  ctx.clauses.add("X1");
  addFinding(ctx, finding("unannounced_return", rule.clause, rule.severity, "goods were sent back before the claim was authorised"));
}

/** C2-style carrier allow-list: any service of an allowed carrier, recognised by name (rev. 2). */
export function checkReturnCarrier(ctx: EvalContext): void {
  const rule = ctx.doc.returnCarrier;
  const carrier = ctx.facts.returnCarrier;
  if (!rule || carrier === undefined) return;
  ctx.clauses.add(rule.clause);
  const known = ctx.compiled.carrierVerdicts;
  let allowed = known.get(carrier);
  if (allowed === undefined) {
    allowed = carrierAllowed(ctx.compiled.allowedCarriers, carrier);
    if (known.size < 1_000) known.set(carrier, allowed);
  }
  if (!allowed) {
    addFinding(ctx, finding("wrong_carrier", rule.clause, rule.severity, `${carrier} is not one of ${rule.allowed.join(", ")}`));
  }
}

/** C4-style condition of returned goods; the first rule naming the claim's reason applies. */
export function checkCondition(ctx: EvalContext): void {
  const rule = ctx.doc.conditionRules.find((r) => r.reasons.includes(ctx.facts.reason));
  if (!rule) return;
  ctx.clauses.add(rule.clause);
  const c = ctx.facts.condition;
  if (!c) {
    addFinding(ctx, finding("missing_fact", rule.clause, rule.missingSeverity, "condition of the goods not recorded yet"));
    return;
  }
  const breaches = rule.checks.filter((check) => (check === "packagingNotIntact" ? !c.packagingIntact : c[check]));
  if (breaches.length > 0) addFinding(ctx, finding("condition_breach", rule.clause, rule.severity, breaches.join(", ")));
}
