import type { Db } from "../../db/client.ts";
import { insertClaim, insertRefund } from "./fixtures.ts";

/**
 * The worked example (now = 20 Nov 2026 12:00 UTC, range 1–20 Nov):
 * C1 kinetic quality_defect, 2 Nov 10:00 → reviewed +6 h → closed 5 Nov 10:00 (72 h); review_due 3 Nov met.
 * C2 kinetic carrier_damage, 10 Nov 08:00 → reviewed +24 h, in review, overdue; review_due 10 Nov 20:00 missed.
 * C3 layerworks quality_defect, 18 Nov 09:00, still new; review_due 19 Nov 09:00 missed.
 * C4 layerworks wrong_item, 1 Oct (before the range), awaiting return, overdue; customer_ship_due 12 Nov missed.
 * C5 everyday change_of_mind, 5 Nov 00:00 → reviewed +12 h → refunded 8 Nov → closed 15 Nov (240 h); review_due and refund_due met.
 * C6 kinetic quality_defect, 19 Nov 12:00, in triage; review_due 20 Nov 18:00 still pending.
 */
export const now = new Date("2026-11-20T12:00:00Z");
export const range = { from: "2026-11-01", to: "2026-11-20" };

export async function insertScenario(db: Db, people: { agent: number; supervisor: number; admin: number }) {
  const c1 = await insertClaim(db, {
    store: "kinetic", reason: "quality_defect", status: "closed", reportedAt: "11-02T10:00", closedAt: "11-05T10:00", assigneeId: people.agent,
    deadlines: [{ key: "review_due", dueAt: "11-03T10:00" }], moves: [["11-02T16:00", "new", "in_review"], ["11-05T10:00", "in_review", "closed"]], grades: ["high"],
  });
  const c2 = await insertClaim(db, {
    store: "kinetic", reason: "carrier_damage", status: "in_review", reportedAt: "11-10T08:00", dueAt: "11-19T00:00", assigneeId: people.agent,
    deadlines: [{ key: "review_due", dueAt: "11-10T20:00" }], moves: [["11-11T08:00", "triage", "in_review"]], grades: [null],
  });
  const c3 = await insertClaim(db, {
    store: "layerworks", reason: "quality_defect", status: "new", reportedAt: "11-18T09:00", dueAt: "11-21T00:00",
    deadlines: [{ key: "review_due", dueAt: "11-19T09:00" }],
  });
  const c4 = await insertClaim(db, {
    store: "layerworks", reason: "wrong_item", status: "awaiting_return", reportedAt: "10-01T10:00", dueAt: "11-15T00:00", assigneeId: people.supervisor,
    deadlines: [{ key: "customer_ship_due", dueAt: "11-12T00:00" }], moves: [["10-01T12:00", "new", "in_review"], ["10-03T12:00", "in_review", "awaiting_return"]],
  });
  const c5 = await insertClaim(db, {
    store: "everyday", reason: "change_of_mind", status: "closed", reportedAt: "11-05T00:00", closedAt: "11-15T00:00", assigneeId: people.admin,
    deadlines: [{ key: "review_due", dueAt: "11-06T00:00" }, { key: "refund_due", dueAt: "11-09T00:00" }],
    moves: [
      ["11-05T12:00", "new", "in_review"], ["11-06T00:00", "in_review", "resolution_proposed"], ["11-06T12:00", "resolution_proposed", "awaiting_approval"],
      ["11-07T00:00", "awaiting_approval", "approved"], ["11-08T00:00", "approved", "refunded"], ["11-15T00:00", "refunded", "closed"],
    ],
    grades: ["low", "medium"],
  });
  await insertClaim(db, {
    store: "kinetic", reason: "quality_defect", status: "triage", reportedAt: "11-19T12:00",
    deadlines: [{ key: "review_due", dueAt: "11-20T18:00" }], moves: [["11-19T12:30", "new", "triage"]],
  });

  // Refunds: R1–R3 approved in the range, R1, R2 and R6 paid in it; R4 waits; R5 was rejected. Decision times: 24, 12, 48, 24 h (R6 decided in October).
  const r1 = await insertRefund(db, { claimId: c1.id, kind: "partial_refund", status: "executed", createdAt: "11-02T12:00", decidedAt: "11-03T12:00", executedAt: "11-04T12:00", lines: [[c1.lineIds[0]!, 2500]] });
  const r2 = await insertRefund(db, {
    claimId: c5.id, kind: "full_refund", status: "executed", createdAt: "11-06T12:00", decidedAt: "11-07T00:00", executedAt: "11-08T00:00",
    lines: [[c5.lineIds[0]!, 6000], [c5.lineIds[1]!, 4000]],
  });
  const r3 = await insertRefund(db, { claimId: c2.id, kind: "keep_with_compensation", status: "approved", createdAt: "11-10T12:00", decidedAt: "11-12T12:00", isException: true, lines: [[c2.lineIds[0]!, 1500]] });
  await insertRefund(db, { claimId: c4.id, kind: "full_refund", status: "proposed", createdAt: "11-16T12:00", lines: [[c4.lineIds[0]!, 5000]] });
  await insertRefund(db, { claimId: c3.id, kind: "partial_refund", status: "rejected", createdAt: "11-18T12:00", decidedAt: "11-19T12:00", lines: [[c3.lineIds[0]!, 700]] });
  const r6 = await insertRefund(db, { claimId: c1.id, kind: "full_refund", status: "executed", createdAt: "10-19T12:00", decidedAt: "10-20T12:00", executedAt: "11-02T12:00", lines: [[c1.lineIds[0]!, 999]] });
  return { c1, c2, c3, c4, c5, refs: { r1: r1.reference, r2: r2.reference, r3: r3.reference, r6: r6.reference } };
}
