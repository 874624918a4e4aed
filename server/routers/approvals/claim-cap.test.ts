import { and, eq, ne, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { refundLines, refunds } from "../../db/schema/index.ts";
import { testDbKind } from "../../test/database.ts";
import { key, now, useResolutionDb } from "../resolution/harness.ts";
import { createTestClaim, daysBefore } from "../resolution/test-claims.ts";

// Issue 14: a claim never pays twice for the same units. Its refunds (proposed, approved, executed; not
// rejected) on a line never exceed its claimed units' value there, across reopenings, beside X2's order-line cap.

const t = useResolutionDb();
/** Two units of a $100 figure; the claim is for one of them (claimed value $100, the order line paid $200). */
const figure = { sku: "AT-FIG-DUO", unitPriceCents: 10_000, quantity: 2, claimedQuantity: 1, partType: "jointed_figure" };

const wrongItem = (orderId?: number) =>
  createTestClaim(t.db, { store: "atelier", reason: "wrong_item", lines: [figure], evidence: ["photo"], reportedAt: daysBefore(now, 1), orderId });
const discount = async (number: string, amountCents: number, who = t.c.agent) =>
  who.resolution.proposeRefund({ ...(await t.ref(number)), option: "keep_with_compensation", amountCents, note: "Discount agreed by phone.", idempotencyKey: key() });
const booked = async (claimId: number) =>
  Number(
    (
      await t.db
        .select({ cents: sql<number>`coalesce(sum(${refundLines.amountCents}), 0)::int` })
        .from(refundLines)
        .innerJoin(refunds, eq(refunds.id, refundLines.refundId))
        .where(and(eq(refunds.claimId, claimId), ne(refunds.status, "rejected")))
    )[0]!.cents,
  );

/** Approve (another supervisor than the proposer: X3), pay, close and reopen: the claim is back in review. */
async function payCloseReopen(claim: { id: number; number: string }) {
  const [refund] = (await t.refunds(claim.id)).filter((r) => r.status === "proposed");
  await t.c.supervisor.approvals.approveRefund({ refundId: refund!.id, idempotencyKey: refund!.idempotencyKey });
  await t.c.admin.approvals.executeRefund({ refundId: refund!.id });
  await t.c.agent.workflow.transitionClaim({ ...(await t.ref(claim.number)), action: "close" });
  await t.c.supervisor.workflow.transitionClaim({ ...(await t.ref(claim.number)), action: "reopen" });
  expect((await t.claim(claim.number)).status).toBe("in_review");
}

describe("the claim's cap: its claimed units' value, across reopenings", () => {
  it("a claim for 1 of 2 units of a $100 line is refunded $100 once: reopened, it cannot be refunded again", async () => {
    const claim = await wrongItem();
    await discount(claim.number, 10_000);
    await payCloseReopen(claim);
    // The order line paid $200, so X2 alone would let this through; the claim covers one unit only.
    await expect(discount(claim.number, 10_000)).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("1 claimed unit is worth") });
    await expect(discount(claim.number, 1)).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("$100.00 already refunded") });
    expect(await booked(claim.id)).toBe(10_000);
    expect((await t.claim(claim.number)).status).toBe("in_review");
    // The other unit is another claim's to refund (X2 still has room for it).
    const other = await wrongItem(claim.orderId);
    await discount(other.number, 10_000);
    expect(await booked(other.id)).toBe(10_000);
  });

  it("counts what is proposed or approved, not what was rejected, and holds for a supervisor's goodwill too", async () => {
    const claim = await wrongItem();
    await discount(claim.number, 6_000);
    await payCloseReopen(claim);
    const second = await discount(claim.number, 4_000); // exactly the rest
    await t.c.supervisor.approvals.rejectRefund({ refundId: second.refundId, comment: "Not agreed with the customer." });
    await discount(claim.number, 3_000);
    const [pending] = (await t.refunds(claim.id)).filter((r) => r.status === "proposed");
    await t.c.supervisor.approvals.approveRefund({ refundId: pending!.id, idempotencyKey: pending!.idempotencyKey });
    await t.c.admin.approvals.executeRefund({ refundId: pending!.id });
    await t.c.agent.workflow.transitionClaim({ ...(await t.ref(claim.number)), action: "close" });
    await t.c.supervisor.workflow.transitionClaim({ ...(await t.ref(claim.number)), action: "reopen" });
    await expect(
      t.c.supervisor.resolution.proposeRefund({
        ...(await t.ref(claim.number)), option: "keep_with_compensation", amountCents: 1_001, goodwill: true, reason: "Long wait, goodwill gesture.", idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("X2: this claim's refunds") });
    await t.c.supervisor.resolution.proposeRefund({
      ...(await t.ref(claim.number)), option: "keep_with_compensation", amountCents: 1_000, goodwill: true, reason: "Long wait, goodwill gesture.", idempotencyKey: key(),
    });
    expect(await booked(claim.id)).toBe(10_000);
  });

  it("re-checks the claim's cap inside the approval's transaction", async () => {
    const claim = await wrongItem();
    await discount(claim.number, 7_000);
    const [refund] = await t.refunds(claim.id);
    // A refund booked on this claim by other means after the proposal (e.g. an import) must still count.
    const [other] = await t.db
      .insert(refunds)
      .values({ claimId: claim.id, reference: `RF-IMPORT-CAP-${refund!.id}`, amountCents: 4_000, kind: "partial_refund", status: "executed", idempotencyKey: key() })
      .returning({ id: refunds.id });
    await t.db.insert(refundLines).values({ refundId: other!.id, orderLineId: claim.orderLineIds[0]!, amountCents: 4_000 });
    await expect(t.c.supervisor.approvals.approveRefund({ refundId: refund!.id, idempotencyKey: refund!.idempotencyKey })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED", message: expect.stringContaining("this claim's refunds"),
    });
    expect((await t.refunds(claim.id)).find((r) => r.id === refund!.id)!.status).toBe("proposed");
  });
});

// Races need real concurrent connections: PGlite runs one statement at a time, so this exists only on
// PostgreSQL (a plain `if`, never a skipped test). The PGlite suite covers the same rule sequentially above.
if (testDbKind === "postgres") {
  describe("the claim's cap under concurrency (PostgreSQL)", () => {
    it("workers proposing, approving, paying, closing and reopening one claim at once book at most its claimed value", async () => {
      const claim = await wrongItem();
      let refusedByCap = 0;
      const retrying = async (step: () => Promise<unknown>) => {
        for (let attempt = 0; attempt < 40; attempt++) {
          try {
            return await step();
          } catch (error) {
            const e = error as { code?: string; message?: string };
            if (e.message?.includes("this claim's refunds")) {
              refusedByCap++;
              return undefined;
            }
            if (e.code !== "CONFLICT" && e.code !== "PRECONDITION_FAILED") throw error;
            await new Promise((r) => setTimeout(r, 5 + Math.floor(Math.random() * 20)));
          }
        }
        return undefined;
      };
      // Four agents each propose $30 on the same claim at the same moment, three rounds; supervisors settle
      // whatever is pending in between (approve, pay, close, reopen), so later rounds meet earlier money.
      const settle = async () => {
        for (const r of (await t.refunds(claim.id)).filter((x) => x.status === "proposed")) {
          await retrying(() => t.c.supervisor.approvals.approveRefund({ refundId: r.id, idempotencyKey: r.idempotencyKey }));
          await retrying(() => t.c.admin.approvals.executeRefund({ refundId: r.id }));
        }
        const status = (await t.claim(claim.number)).status;
        if (status === "refunded") await retrying(async () => t.c.agent.workflow.transitionClaim({ ...(await t.ref(claim.number)), action: "close" }));
        if ((await t.claim(claim.number)).status === "closed") await retrying(async () => t.c.supervisor.workflow.transitionClaim({ ...(await t.ref(claim.number)), action: "reopen" }));
      };
      for (let round = 0; round < 4; round++) {
        await Promise.all(Array.from({ length: 4 }, () => retrying(() => discount(claim.number, 3_000))));
        await settle();
      }
      const total = await booked(claim.id);
      expect(total).toBeLessThanOrEqual(10_000);
      expect(total).toBe(9_000); // three $30 refunds fit into $100; the fourth never does
      expect(refusedByCap).toBeGreaterThan(0);
      const executed = (await t.refunds(claim.id)).filter((r) => r.status === "executed");
      expect(executed.reduce((s, r) => s + r.amountCents, 0)).toBe(9_000);
    });
  });
}
