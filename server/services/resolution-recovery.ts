import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { fileCarrierRecoveryInput, updateCarrierRecoveryInput } from "../../shared/schemas/resolution.ts";
import type { Db } from "../db/client.ts";
import { carrierRecoveries, claims } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { mutateClaim } from "./claim-mutation.ts";
import { fieldError } from "./resolution-common.ts";

/** Carriers are claimed against only for what they lost or broke. */
export const recoverableReasons = ["carrier_damage", "lost_in_transit"] as const;

/** Files a claim with the carrier for the store's loss; tracked on the claim, audited like any change. */
export async function fileCarrierRecovery(db: Db, user: SessionUser, input: z.output<typeof fileCarrierRecoveryInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    const [claim] = await m.tx.select({ reason: claims.reason }).from(claims).where(eq(claims.id, m.claim.id));
    if (!recoverableReasons.includes(claim!.reason as never)) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Carrier recovery is for carrier damage and parcels lost in transit." });
    }
    const [row] = await m.tx
      .insert(carrierRecoveries)
      .values({
        claimId: m.claim.id, carrier: input.carrier, reference: input.reference ?? null, amountClaimedCents: input.amountClaimedCents,
        note: input.note ?? null, filedAt: now, createdById: user.id, createdAt: now, updatedAt: now,
      })
      .returning({ id: carrierRecoveries.id });
    m.record("carrier_recovery_filed", { recoveryId: row!.id, carrier: input.carrier, reference: input.reference ?? null, amountClaimedCents: input.amountClaimedCents });
    return { recoveryId: row!.id };
  });
}

/** Progress of a carrier claim: status, reference, and what the carrier paid (never more than claimed). */
export async function updateCarrierRecovery(db: Db, user: SessionUser, input: z.output<typeof updateCarrierRecoveryInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    const [row] = await m.tx
      .select()
      .from(carrierRecoveries)
      .where(and(eq(carrierRecoveries.id, input.recoveryId), eq(carrierRecoveries.claimId, m.claim.id)))
      .for("update");
    if (!row) throw new TRPCError({ code: "NOT_FOUND", message: `Carrier recovery ${input.recoveryId} is not on ${m.claim.number}.` });
    if (input.amountRecoveredCents > row.amountClaimedCents) {
      throw fieldError("amountRecoveredCents", "The amount recovered cannot exceed the amount claimed from the carrier.");
    }
    if (input.status === "paid" && input.amountRecoveredCents === 0) {
      throw fieldError("amountRecoveredCents", "Enter what the carrier paid before marking the recovery paid.");
    }
    const closed = input.status === "paid" || input.status === "denied";
    const after = {
      status: input.status,
      amountRecoveredCents: input.status === "denied" ? 0 : input.amountRecoveredCents,
      reference: input.reference ?? row.reference,
      note: input.note ?? row.note,
      closedAt: closed ? (row.closedAt ?? now) : null,
    };
    await m.tx.update(carrierRecoveries).set({ ...after, updatedAt: now }).where(eq(carrierRecoveries.id, row.id));
    m.record("carrier_recovery_updated", {
      recoveryId: row.id,
      before: { status: row.status, amountRecoveredCents: row.amountRecoveredCents, reference: row.reference },
      after: { status: after.status, amountRecoveredCents: after.amountRecoveredCents, reference: after.reference },
    });
    return { recoveryId: row.id, status: after.status };
  });
}
