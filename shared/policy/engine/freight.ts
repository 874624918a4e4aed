import type { FreightPayer } from "../enums.ts";
import type { LineState } from "./context.ts";
import type { OfferedOption } from "./options.ts";

/**
 * Who pays return freight for the decision as a whole: the preferred option's
 * payer, else the case's. Nothing moves for an ineligible claim.
 */
export function decideFreight(ineligible: boolean, lines: readonly LineState[], options: readonly OfferedOption[]): FreightPayer {
  if (ineligible) return "none";
  const preferred = options.find((o) => o.option.preferred);
  if (preferred?.option.freight) return preferred.option.freight;
  return lines.find((l) => l.caseRule)?.caseRule?.freight.payer ?? "none";
}
