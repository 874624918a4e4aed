import type { z } from "zod";
import type { recordClaimExceptionInput, recordResolutionAmountsInput } from "../../shared/schemas/resolution.ts";
import type { Db } from "../db/client.ts";
import type { CaseFacts } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { mutateClaim } from "./claim-mutation.ts";
import { assertEditable, setCaseFacts } from "./resolution-common.ts";

/**
 * A supervisor's exception with a written reason (goodwill, a late return, chipyard's C5 conflict): it lets
 * proposals through an ineligible or conflicting verdict, and every refund proposed after it is marked as one.
 */
export async function recordClaimException(db: Db, user: SessionUser, input: z.output<typeof recordClaimExceptionInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    const before = m.claim.exceptionReason;
    m.set({ exceptionReason: input.reason, exceptionById: user.id, exceptionAt: now }, { silent: true });
    m.record("exception_recorded", { reason: input.reason, previousReason: before });
    return { exceptionReason: input.reason, exceptionAt: now };
  });
}

const amountKeys = ["receivedItemValueCents", "purchaseCostCents", "exportPostageCents"] as const;

/** Amounts the agent looks up that set a refund: the received item's value (C6), purchase cost and export postage (C5). */
export async function recordResolutionAmounts(db: Db, user: SessionUser, input: z.output<typeof recordResolutionAmountsInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    assertEditable(m, "Changing the amounts");
    const patch: Partial<CaseFacts> = {};
    const before: Record<string, number | null> = {};
    for (const key of amountKeys) {
      if (input[key] === undefined || input[key] === m.claim.caseFacts[key]) continue;
      before[key] = m.claim.caseFacts[key] ?? null;
      patch[key] = input[key];
    }
    if (Object.keys(patch).length === 0) return { changed: false };
    setCaseFacts(m, patch);
    m.record("resolution_amounts_recorded", { before, after: patch });
    return { changed: true };
  });
}
