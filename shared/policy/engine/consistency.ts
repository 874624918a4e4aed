import { toIso } from "../../time.ts";
import type { FactInstant } from "../enums.ts";
import { addFinding, finding, type EvalContext } from "./context.ts";

/** Pairs of facts where the first must not come after the second, with how a person would say it. */
const order: readonly [FactInstant, FactInstant, string][] = [
  ["orderPlacedAt", "shippedAt", "shipped before the order was placed"],
  ["orderPlacedAt", "deliveredAt", "delivered before the order was placed"],
  ["shippedAt", "deliveredAt", "delivered before it was shipped"],
  ["orderPlacedAt", "reportedAt", "reported before the order was placed"],
  ["returnShippedAt", "returnReceivedAt", "return received before it was shipped"],
  ["approvedAt", "returnReceivedAt", "return received before the claim was approved"],
  ["returnReceivedAt", "inspectedAt", "inspected before the return arrived"],
];

/**
 * X7 (rev. 2): facts that contradict each other are never silently used. Each contradiction is a
 * `block` finding naming both dates; the verdict treats it as review (a person corrects the record),
 * and the server authorises nothing while one stands.
 */
export function checkConsistency(ctx: EvalContext): void {
  for (const [earlier, later, what] of order) {
    const a = ctx.at[earlier];
    const b = ctx.at[later];
    if (a === undefined || b === undefined || b >= a) continue;
    addFinding(ctx, finding("inconsistent_facts", "X7", "block", `${what}: ${later} ${toIso(b)} is before ${earlier} ${toIso(a)}`));
  }
  for (const p of ctx.facts.repairPauses ?? []) {
    if (Date.parse(p.backAt) >= Date.parse(p.leftAt)) continue;
    addFinding(ctx, finding("inconsistent_facts", "X7", "block", `repair pause ends before it starts: backAt ${p.backAt} is before leftAt ${p.leftAt}`));
  }
}
