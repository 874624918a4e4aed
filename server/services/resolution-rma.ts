import { randomInt } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { formatRmaNumber, type PolicyDocument } from "../../shared/policy/index.ts";
import type { Tx } from "../db/client.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { claims } from "../db/schema/index.ts";

export type RmaSequence = () => number;
const randomSequence = (digits: number): RmaSequence => () => randomInt(0, 10 ** Math.min(digits, 12));

/**
 * C1: gives the claim a unique RMA number (store prefix + fixed digits). Numbers are random, so a clash
 * is rare but possible: each attempt runs in a savepoint, and a hit on the unique index rolls back only
 * that attempt and draws again.
 */
export async function issueRmaNumber(tx: Tx, claimId: number, policy: PolicyDocument, next?: RmaSequence): Promise<string> {
  const rma = policy.rma;
  if (!rma) throw new Error(`store ${policy.key} issues no RMA numbers`);
  const draw = next ?? randomSequence(rma.digits);
  for (let attempt = 0; attempt < 8; attempt++) {
    const number = formatRmaNumber(policy, draw());
    try {
      await tx.transaction(async (sp) => {
        await sp.update(claims).set({ rmaNumber: number }).where(eq(claims.id, claimId));
      });
      return number;
    } catch (error) {
      if (!isUniqueViolation(error, "claims_rma_uq")) throw error;
    }
  }
  throw new TRPCError({ code: "CONFLICT", message: "Could not issue a unique RMA number; try again." });
}
