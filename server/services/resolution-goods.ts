import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import type { Decision } from "../../shared/policy/index.ts";
import type { proposeResolutionInput, shipReplacementInput } from "../../shared/schemas/resolution.ts";
import type { Db } from "../db/client.ts";
import { shipments } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { mutateClaim, type ClaimMutation } from "./claim-mutation.ts";
import { assertNoUnresolvedConflict, decisionNow, fieldError, offeredOption } from "./resolution-common.ts";
import { reshipmentClause } from "./resolution-reshipment.ts";

/**
 * An option the engine offers, or — when a supervisor recorded an exception — one it does not (the
 * event says so, X4). Returns the clause the choice relies on.
 */
function allowedGoodsOption(m: ClaimMutation, decision: Decision, kind: "replacement" | "repair" | "exchange"): string | null {
  assertNoUnresolvedConflict(m, decision);
  const offered = decision.options.find((o) => o.kind === kind);
  if (offered) return offered.clause ?? null;
  if (m.claim.exceptionReason !== null) return null;
  return offeredOption(decision, kind).clause ?? null;
}

/** Replacement, repair or exchange: goods move, no money, so no approval is needed (K3, K5, L1, L3, A2, E2). */
export async function proposeResolution(db: Db, user: SessionUser, input: z.output<typeof proposeResolutionInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    const { decision } = await decisionNow(m);
    const clause = allowedGoodsOption(m, decision, input.option);
    const status = m.transition("propose_resolution", { option: input.option });
    m.record("resolution_proposed", { option: input.option, clause, byException: clause === null, note: input.note ?? null, freight: decision.freight });
    return { status, option: input.option };
  });
}

/**
 * Sends the replacement parts (or the exchanged item) with its tracking: a `shipments` row and the status
 * move. On a refunded claim it is the reshipment a paid compensation still owes (C6: the customer keeps the
 * wrong item and gets the right one), which the state machine allows only then.
 */
export async function shipReplacement(db: Db, user: SessionUser, input: z.output<typeof shipReplacementInput>, now: Date) {
  return mutateClaim(db, user, input, now, async (m) => {
    const { decision } = await decisionNow(m);
    const reshipment = m.claim.status === "refunded";
    if (reshipment && input.kind !== "replacement") throw fieldError("kind", "After a compensation the right item is reshipped as a replacement, not an exchange (C6).");
    const clause = reshipment ? reshipmentClause(decision) : allowedGoodsOption(m, decision, input.kind);
    const status = m.transition("ship_replacement", { kind: input.kind });
    const [row] = await m.tx
      .insert(shipments)
      .values({
        claimId: m.claim.id, kind: input.kind, carrier: input.carrier, trackingNumber: input.trackingNumber, parts: input.parts,
        status: "shipped", shippedAt: now, createdById: user.id, createdAt: now, updatedAt: now,
      })
      .returning({ id: shipments.id });
    if (!row) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "The shipment was not saved." });
    m.record("replacement_shipped", {
      shipmentId: row.id, kind: input.kind, carrier: input.carrier, trackingNumber: input.trackingNumber, parts: input.parts, clause,
      ...(reshipment ? { afterRefund: true } : {}),
    });
    return { status, shipmentId: row.id };
  });
}
