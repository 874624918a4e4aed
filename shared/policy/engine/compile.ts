import { calendarFor, type Calendar } from "../../time.ts";
import type { ClaimReason } from "../enums.ts";
import type { CaseRule, PolicyDocument } from "../schema/document.ts";
import { normaliseCarrier } from "./carriers.ts";

/** What the engine derives once per document instead of once per claim. */
export interface CompiledPolicy {
  readonly doc: PolicyDocument;
  readonly calendar: Calendar;
  readonly casesByReason: ReadonlyMap<ClaimReason, readonly CaseRule[]>;
  readonly allowedCarriers: ReadonlySet<string> | undefined;
  /** Carrier names already judged (C2): claims repeat a handful of names, so each is parsed once. */
  readonly carrierVerdicts: Map<string, boolean>;
  /** Deadlines that can waive a right are judged before options are built. */
  readonly waiverDeadlines: PolicyDocument["deadlines"];
  readonly otherDeadlines: PolicyDocument["deadlines"];
}

// Keyed by object identity: documents are treated as immutable values. An
// admin edit produces a new document object and therefore a fresh compilation.
const cache = new WeakMap<PolicyDocument, CompiledPolicy>();


export function compilePolicy(doc: PolicyDocument): CompiledPolicy {
  const hit = cache.get(doc);
  if (hit) return hit;
  const casesByReason = new Map<ClaimReason, CaseRule[]>();
  for (const c of doc.cases) {
    for (const reason of c.reasons) {
      const list = casesByReason.get(reason) ?? [];
      list.push(c);
      casesByReason.set(reason, list);
    }
  }
  const compiled: CompiledPolicy = {
    doc,
    calendar: calendarFor(doc.timeZone, doc.holidays),
    casesByReason,
    waiverDeadlines: doc.deadlines.filter((d) => d.waiver),
    otherDeadlines: doc.deadlines.filter((d) => !d.waiver),
    allowedCarriers: doc.returnCarrier ? new Set(doc.returnCarrier.allowed.map(normaliseCarrier)) : undefined,
    carrierVerdicts: new Map(),
  };
  cache.set(doc, compiled);
  return compiled;
}
