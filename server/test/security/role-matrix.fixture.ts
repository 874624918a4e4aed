import { eq, sql } from "drizzle-orm";
import { createSession, hashToken } from "../../auth/sessions.ts";
import type { Db } from "../../db/client.ts";
import { claims, refunds, sessions } from "../../db/schema/index.ts";
import { createTestClaim, daysBefore } from "../../routers/resolution/test-claims.ts";
import { makeUser } from "../../routers/workflow/test-helpers.ts";
import type { SessionUser } from "../../trpc/context.ts";
import { callerFor, callersFor } from "../callers.ts";
import type { Caller, Fixture } from "./role-matrix.table.ts";

export const matrixNow = new Date("2026-03-10T12:00:00Z");
const weapons = { sku: "AT-WEAP-SET", unitPriceCents: 4500, partType: "weapon_large", issueType: "missing_or_wrong_accessory" };
const motor = { sku: "KM-NEMA17-59", unitPriceCents: 1990, quantity: 2, electronic: true, motor: true };

/** The records every matrix call refers to, made through the same procedures people use. */
export async function buildFixture(db: Db) {
  const c = await callersFor(db, matrixNow);
  const reportedAt = daysBefore(matrixNow, 1);
  const claim = await createTestClaim(db, { store: "atelier", reason: "missing_accessory", lines: [weapons], evidence: ["photo", "photo"], reportedAt });

  const proposed = await createTestClaim(db, { store: "atelier", reason: "missing_accessory", lines: [weapons], evidence: ["photo"], reportedAt });
  await c.agent.resolution.proposeRefund({
    number: proposed.number, version: proposed.version, option: "partial_refund", note: "Fixture proposal.", idempotencyKey: crypto.randomUUID(),
  });
  const [refund] = await db.select({ id: refunds.id, key: refunds.idempotencyKey }).from(refunds).where(eq(refunds.claimId, proposed.id));

  const carrier = await createTestClaim(db, { store: "kinetic", reason: "carrier_damage", lines: [motor], reportedAt });
  const { recoveryId } = await c.agent.resolution.fileCarrierRecovery({
    number: carrier.number, version: carrier.version, carrier: "UPS", reference: "UPS-FIXTURE", amountClaimedCents: 3980,
  });

  const colleague = await makeUser(db, { role: "agent", stores: ["atelier"], name: "Matrix Colleague" });
  const { token } = await createSession(db, { userId: c.users.agent.id, ttlHours: 12, now: matrixNow });
  const outsider = await makeUser(db, { role: "agent", stores: ["chipyard"], name: "Chipyard Agent" });

  const fx: Fixture = {
    store: "atelier",
    claim: { id: claim.id, number: claim.number, version: claim.version, lineId: claim.claimLineIds[0]! },
    carrierClaim: { number: carrier.number, version: carrier.version, recoveryId },
    refundId: refund!.id,
    refundKey: refund!.key,
    userId: colleague.id,
    sessionId: hashToken(token),
  };
  // The matrix is about roles: supervisors and admins carry a confirmed second factor, so the two-factor gate
  // on money and admin changes (tested on its own) does not stand in for a role check here.
  const confirmed = (u: SessionUser) => ({ ...u, secondFactor: { enrolled: true, verified: true } }) as SessionUser;
  const callers: Record<Caller, ReturnType<typeof callerFor>> = {
    anonymous: c.anonymous,
    otherStore: callerFor(db, outsider, matrixNow),
    agent: c.agent,
    supervisor: callerFor(db, confirmed(c.users.supervisor), matrixNow),
    admin: callerFor(db, confirmed(c.users.admin), matrixNow),
  };
  /** Mutations move the claims on; each call gets the current versions so it is judged on access, not staleness. */
  const refresh = async () => {
    for (const target of [fx.claim, fx.carrierClaim]) {
      const [row] = await db.select({ version: claims.version }).from(claims).where(eq(claims.number, target.number));
      target.version = row!.version;
    }
    const [live] = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, fx.sessionId));
    if (!live) fx.sessionId = hashToken((await createSession(db, { userId: c.users.agent.id, ttlHours: 12, now: matrixNow })).token);
  };
  return { fx, callers, refresh };
}

/** What a refused call must leave untouched: claims (via their versions), events, refunds, people, sessions. */
export async function fingerprint(db: Db): Promise<string> {
  const res = await db.execute(sql`select
    (select coalesce(sum(version), 0) from claims)::text as claims,
    (select count(*) from claim_events)::text as events,
    (select count(*) || ':' || coalesce(max(updated_at)::text, '') from refunds) as refunds,
    (select count(*) || ':' || coalesce(max(updated_at)::text, '') from users) as users,
    (select count(*) from sessions)::text as sessions`);
  return JSON.stringify(res.rows[0]);
}
