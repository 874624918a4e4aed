import { describe, expect, it } from "vitest";
import { callerFor, withSecondFactor } from "../../test/callers.ts";
import { appRouter } from "../_app.ts";
import { key, now, useResolutionDb } from "../resolution/harness.ts";
import { createTestClaim, daysBefore } from "../resolution/test-claims.ts";

const t = useResolutionDb();
const weapons = { sku: "AT-WEAP-SET", unitPriceCents: 4500, partType: "weapon_large", issueType: "missing_or_wrong_accessory" };
const required = { code: "FORBIDDEN", cause: { reason: "second_factor_required" } };

async function proposedRefund() {
  const claim = await createTestClaim(t.db, { store: "atelier", reason: "missing_accessory", lines: [weapons], evidence: ["photo", "photo"], reportedAt: daysBefore(now, 1) });
  await t.c.agent.resolution.proposeRefund({ ...(await t.ref(claim.number)), option: "partial_refund", note: "No spare weapon set.", idempotencyKey: key() });
  return (await t.refunds(claim.id))[0]!;
}

describe("second factor before money and admin changes", () => {
  it("refuses approving, rejecting and paying refunds to a supervisor without TOTP, with a way forward, and allows it with it", async () => {
    const refund = await proposedRefund();
    const without = callerFor(t.db, withSecondFactor(t.c.users.supervisor, "none"), now);
    await expect(without.approvals.approveRefund({ refundId: refund.id, idempotencyKey: refund.idempotencyKey })).rejects.toMatchObject({
      ...required,
      message: "Set up two-factor authentication in Account to approve refunds.",
    });
    await expect(without.approvals.rejectRefund({ refundId: refund.id, comment: "Not covered by A4." })).rejects.toMatchObject(required);
    await expect(without.approvals.executeRefund({ refundId: refund.id })).rejects.toMatchObject(required);
    // Reading the queue needs no second factor: the supervisor sees what waits and the banner telling them what to do.
    await expect(without.approvals.listApprovals({})).resolves.toMatchObject({ total: expect.any(Number) });
    expect((await t.refunds(refund.claimId))[0]!.status).toBe("proposed");

    await expect(t.c.supervisor.approvals.approveRefund({ refundId: refund.id, idempotencyKey: refund.idempotencyKey })).resolves.toBeDefined();
    expect((await t.refunds(refund.claimId))[0]!.status).toBe("approved");
  });

  it("refuses every admin mutation to an admin without TOTP, but not admin reads", async () => {
    const without = callerFor(t.db, withSecondFactor(t.c.users.admin, "none"), now);
    await expect(without.users.createUser({ email: "new.person@claimdesk.test", name: "New Person", role: "agent", storeIds: ["kinetic"] })).rejects.toMatchObject({
      ...required,
      message: "Set up two-factor authentication in Account to change admin settings.",
    });
    await expect(without.users.resetPassword({ id: t.c.users.agent.id })).rejects.toMatchObject(required);
    await expect(without.policy.createPolicyVersion({ storeId: "kinetic", baseVersion: 1, changes: [{ path: ["warranty", "months"], value: 24 }], note: "x" })).rejects.toMatchObject(required);
    await expect(without.exports.setDailyReportSetting({ enabled: false, folder: "reports", hourUtc: 6 })).rejects.toMatchObject(required);
    await expect(without.users.listUsers({})).resolves.toMatchObject({ total: expect.any(Number) });

    await expect(t.c.admin.users.createUser({ email: "new.person@claimdesk.test", name: "New Person", role: "agent", storeIds: ["kinetic"] })).resolves.toBeDefined();
  });

  it("records in meta which procedures need the second factor (the role matrix reads it)", () => {
    const procs = (appRouter as unknown as { _def: { procedures: unknown } })._def.procedures as Record<string, { _def: { meta?: { roles: unknown; secondFactor?: unknown }; type: string } }>;
    const needing = Object.entries(procs).filter(([, p]) => p._def.meta?.secondFactor);
    const names = needing.map(([name]) => name);
    for (const name of ["approvals.approveRefund", "approvals.rejectRefund", "approvals.executeRefund", "users.createUser", "users.updateUser", "users.deactivateUser", "users.resetPassword", "policy.createPolicyVersion", "exports.setDailyReportSetting", "auth.resetUserTotp"]) {
      expect(names).toContain(name);
    }
    // Every admin mutation is covered, including ones added by other routers later.
    const adminMutations = Object.entries(procs).filter(([, p]) => p._def.type === "mutation" && JSON.stringify(p._def.meta?.roles) === '["admin"]');
    for (const [name, p] of adminMutations) expect([name, p._def.meta?.secondFactor]).toEqual([name, expect.anything()]);
  });
});
