/**
 * Who may call what: one entry per tRPC procedure, checked by role-matrix.test.ts against the live router.
 * A procedure missing here fails that test with its name, so ADD AN ENTRY WITH EVERY NEW PROCEDURE:
 *   "router.procedure": { ...claimWork, input: (fx) => ({ number: fx.claim.number, version: fx.claim.version }) },
 *
 * Callers, in the order the test calls them: anonymous, an agent of another store (not the fixture's), the demo
 * agent, supervisor and admin (the fixture claim is in the agent's store "atelier").
 * Outcomes: "allow" = anything but UNAUTHORIZED / FORBIDDEN / NOT_FOUND (a valid call may still fail on business
 * rules: BAD_REQUEST, CONFLICT, PRECONDITION_FAILED…); "hidden" = allowed but the fixture must not show up in
 * the answer (`reveals` decides); otherwise the exact tRPC error code expected.
 */
export type Outcome = "allow" | "hidden" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";
export type Caller = "anonymous" | "otherStore" | "agent" | "supervisor" | "admin";
export type Access = Record<Caller, Outcome>;

/** Records the test creates before calling anything; inputs refer to them. */
export type Fixture = {
  store: string;
  claim: { id: number; number: string; version: number; lineId: number };
  /** A carrier-damage claim of the same store with one carrier recovery filed. */
  carrierClaim: { number: string; version: number; recoveryId: number };
  refundId: number;
  refundKey: string;
  /** A colleague the admin procedures act on. */
  userId: number;
  /** A real session id of the demo agent (the caller's own session is "test"). */
  sessionId: string;
};

export type Entry = Access & {
  input?: (fx: Fixture) => unknown;
  /** For "hidden" callers: does the answer contain the fixture? */
  reveals?: (output: unknown, fx: Fixture) => boolean;
};

// The usual shapes. `meta.roles` of each procedure must agree with them (checked by the test too).
export const anyone: Access = { anonymous: "allow", otherStore: "allow", agent: "allow", supervisor: "allow", admin: "allow" };
export const signedIn: Access = { anonymous: "UNAUTHORIZED", otherStore: "allow", agent: "allow", supervisor: "allow", admin: "allow" };
/** Claim work in the claim's own stores; another store's claim looks missing. */
export const claimWork: Access = { anonymous: "UNAUTHORIZED", otherStore: "NOT_FOUND", agent: "allow", supervisor: "allow", admin: "allow" };
/** Lists scoped to the caller's stores: another store's agent gets an answer without the fixture. */
export const scopedList: Access = { anonymous: "UNAUTHORIZED", otherStore: "hidden", agent: "allow", supervisor: "allow", admin: "allow" };
export const supervisors: Access = { anonymous: "UNAUTHORIZED", otherStore: "FORBIDDEN", agent: "FORBIDDEN", supervisor: "allow", admin: "allow" };
export const admins: Access = { anonymous: "UNAUTHORIZED", otherStore: "FORBIDDEN", agent: "FORBIDDEN", supervisor: "FORBIDDEN", admin: "allow" };

const importCsv = "order_number,placed_at,customer_email,customer_name,sku,name,unit_price,quantity\nMATRIX-1,2026-11-02,matrix@example.test,Matrix,SKU-1,Thing,1.00,1\n";
const ref = (fx: Fixture) => ({ number: fx.claim.number, version: fx.claim.version });
const num = (fx: Fixture) => ({ number: fx.claim.number });
const store = (fx: Fixture) => ({ storeId: fx.store });
const range = (fx: Fixture) => ({ from: "2026-01-01", to: "2026-12-31", storeIds: [fx.store] });
const hasClaim = (out: unknown, fx: Fixture) => JSON.stringify(out).includes(fx.claim.number);
const bulkTouched = (out: unknown) => {
  const [first] = (out as { results: { ok: boolean; code?: string }[] }).results;
  return !first || first.ok || first.code !== "NOT_FOUND";
};
const hasStore = (out: unknown, fx: Fixture) => JSON.stringify(out).includes(`"${fx.store}"`);

export const roleMatrix: Record<string, Entry> = {
  // auth: sign-in and password set-up are for people without a session.
  "auth.signIn": { ...anyone, input: () => ({ email: "agent@claimdesk.test", password: "agent-demo-2026" }) },
  "auth.signOut": signedIn,
  "auth.me": anyone,
  "auth.setPassword": { ...anyone, input: () => ({ token: "x".repeat(40), password: "a-long-enough-pass-2026", confirm: "a-long-enough-pass-2026" }) },
  "auth.changePassword": { ...signedIn, input: () => ({ currentPassword: "not-the-password", newPassword: "another-long-pass-2026", confirm: "another-long-pass-2026" }) },
  "auth.listSessions": signedIn,
  "auth.signOutOtherSessions": signedIn,
  // The fixture session is the demo agent's: anyone else ending it must find nothing.
  "auth.signOutSession": { ...signedIn, otherStore: "NOT_FOUND", supervisor: "NOT_FOUND", admin: "NOT_FOUND", input: (fx) => ({ id: fx.sessionId }) },
  // Two-factor: own account only (a wrong code is a refusal on the merits, not a denial); the reset is an admin change.
  "auth.getTwoFactorStatus": signedIn,
  "auth.startTotpEnrolment": signedIn,
  "auth.confirmTotpEnrolment": { ...signedIn, input: () => ({ code: "000000" }) },
  "auth.regenerateRecoveryCodes": { ...signedIn, input: () => ({ code: "000000" }) },
  "auth.disableTotp": { ...signedIn, input: () => ({ password: "not-the-password", code: "000000" }) },
  "auth.verifySecondFactor": { ...signedIn, input: () => ({ kind: "totp", code: "000000" }) },
  "auth.resetUserTotp": { ...admins, input: (fx) => ({ id: fx.userId }) },

  "claims.listClaims": { ...scopedList, input: (fx) => ({ filters: { q: fx.claim.number } }), reveals: hasClaim },
  "claims.listClaimFacets": { ...scopedList, input: (fx) => ({ filters: { store: [fx.store] } }), reveals: (out) => JSON.stringify(out).includes('"count":1') },
  "claims.getClaim": { ...claimWork, input: num },
  "claims.evaluateClaim": { ...claimWork, input: num },

  "policy.getPolicy": { ...claimWork, input: store },
  "policy.getPolicyVersion": { ...claimWork, input: store },
  "policy.listPolicyParameters": { ...claimWork, input: store },
  "policy.listPolicyVersions": { ...claimWork, input: store },
  "policy.listStorePolicies": { ...scopedList, reveals: hasStore },
  "policy.evaluatePolicy": {
    ...claimWork,
    input: (fx) => ({
      storeId: fx.store,
      facts: { reason: "wrong_item", orderPlacedAt: "2026-03-01T10:00:00Z", reportedAt: "2026-03-09T10:00:00Z", lines: [{ sku: "AT-1", unitPriceCents: 4500, quantity: 1 }] },
    }),
  },
  "policy.previewPolicyChange": { ...admins, input: store },
  "policy.createPolicyVersion": { ...admins, input: (fx) => ({ storeId: fx.store, baseVersion: 1, changes: [], note: "role matrix" }) },

  // Facts of the case (issue 14): claim work like grading.
  "caseFacts.getCaseFacts": { ...claimWork, input: num },
  "caseFacts.recordVoidCauses": { ...claimWork, input: (fx) => ({ ...ref(fx), claimLineId: fx.claim.lineId, causes: ["improper_use"], note: "role matrix" }) },
  "caseFacts.recordRepairPause": { ...claimWork, input: (fx) => ({ ...ref(fx), leftOn: "2026-01-05", backOn: "2026-01-15" }) },
  "caseFacts.removeRepairPause": { ...claimWork, input: (fx) => ({ ...ref(fx), index: 0, note: "role matrix" }) },
  "caseFacts.recordGoodsCondition": { ...claimWork, input: (fx) => ({ ...ref(fx), used: false, tested: false, programmed: false, packagingIntact: true }) },
  "caseFacts.setPackagingSeverity": { ...claimWork, input: (fx) => ({ ...ref(fx), severity: "severe" }) },
  "caseFacts.markComplexCase": { ...claimWork, input: (fx) => ({ ...ref(fx), complex: true, reason: "role matrix" }) },
  "caseFacts.recordAdvancedFreight": { ...claimWork, input: (fx) => ({ ...ref(fx), amountCents: 500, invoiceReference: "INV-1" }) },
  "caseFacts.recordPrepaidLabel": { ...claimWork, input: (fx) => ({ ...ref(fx), label: "1Z999AA1" }) },
  "caseFacts.changeClaimReason": { ...claimWork, input: (fx) => ({ ...ref(fx), reason: "missing_accessory", note: "role matrix" }) },
  "caseFacts.setReturnDestination": { ...claimWork, input: (fx) => ({ ...ref(fx), destination: "manufacturer" }) },

  "workflow.transitionClaim": { ...claimWork, input: (fx) => ({ ...ref(fx), action: "start_review" }) },
  "workflow.takeNextClaim": signedInAgents(),
  "workflow.assignClaim": { ...claimWork, input: (fx) => ({ ...ref(fx), assigneeId: null }) },
  "workflow.setClaimPriority": { ...claimWork, input: (fx) => ({ ...ref(fx), priority: "high" }) },
  // Bulk changes answer per claim: another store's claim must come back NOT_FOUND inside the result.
  "workflow.bulkAssignClaims": { ...scopedList, input: (fx) => ({ claims: [ref(fx)], assigneeId: null }), reveals: bulkTouched },
  "workflow.bulkTransitionClaims": { ...scopedList, input: (fx) => ({ claims: [ref(fx)], action: "start_review" }), reveals: bulkTouched },
  "workflow.listClaimActions": { ...claimWork, input: num },
  "workflow.listClaimAssignees": { ...claimWork, input: num },

  "resolution.getResolutionState": { ...claimWork, input: num },
  "resolution.gradeClaimLine": {
    ...claimWork,
    input: (fx) => ({ ...ref(fx), claimLineId: fx.claim.lineId, issueType: "missing_or_wrong_accessory", partType: "weapon_large", grade: "high" }),
  },
  "resolution.proposeResolution": { ...claimWork, input: (fx) => ({ ...ref(fx), option: "replacement" }) },
  "resolution.shipReplacement": {
    ...claimWork,
    input: (fx) => ({ ...ref(fx), parts: [{ sku: "AT-WEAP-SET", name: "Weapon set", quantity: 1 }], carrier: "UPS", trackingNumber: "1Z999AA1" }),
  },
  "resolution.proposeRefund": {
    ...claimWork,
    input: (fx) => ({ ...ref(fx), option: "partial_refund", note: "role matrix", idempotencyKey: "6f1d3c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f" }),
  },
  "resolution.proposeFreightReimbursement": { ...claimWork, input: (fx) => ({ ...ref(fx), idempotencyKey: "7a2e4d3f-9b5c-4d2e-8f3a-1b2c3d4e5f60" }) },
  "resolution.recordResolutionAmounts": { ...claimWork, input: (fx) => ({ ...ref(fx), purchaseCostCents: 100 }) },
  "resolution.requestReturn": { ...claimWork, input: ref },
  "resolution.recordReturnShipped": { ...claimWork, input: (fx) => ({ ...ref(fx), carrier: "UPS", trackingNumber: "1Z999AA1" }) },
  "resolution.receiveReturn": { ...claimWork, input: ref },
  "resolution.recordInspection": {
    ...claimWork,
    input: (fx) => ({ ...ref(fx), used: false, tested: true, programmed: false, packagingIntact: true, inspection: "intact" }),
  },
  "resolution.recordClaimException": { ...supervisors, input: (fx) => ({ ...ref(fx), reason: "role matrix exception" }) },
  "resolution.fileCarrierRecovery": {
    ...claimWork,
    input: (fx) => ({ number: fx.carrierClaim.number, version: fx.carrierClaim.version, carrier: "UPS", amountClaimedCents: 100 }),
  },
  "resolution.updateCarrierRecovery": {
    ...claimWork,
    input: (fx) => ({ number: fx.carrierClaim.number, version: fx.carrierClaim.version, recoveryId: fx.carrierClaim.recoveryId, status: "in_progress" }),
  },

  "approvals.listApprovals": { ...supervisors, input: () => ({ status: "all" }) },
  "approvals.getApproval": { ...supervisors, input: (fx) => ({ refundId: fx.refundId }) },
  "approvals.approveRefund": { ...supervisors, input: (fx) => ({ refundId: fx.refundId, idempotencyKey: fx.refundKey }) },
  "approvals.rejectRefund": { ...supervisors, input: (fx) => ({ refundId: fx.refundId, comment: "role matrix" }) },
  "approvals.executeRefund": { ...supervisors, input: (fx) => ({ refundId: fx.refundId }) },

  "evidence.listEvidence": { ...claimWork, input: num },
  "evidence.addEvidenceItem": { ...claimWork, input: (fx) => ({ ...ref(fx), kind: "fault_statement", note: "role matrix" }) },
  "evidence.previewEvidenceRequest": { ...claimWork, input: num },
  "evidence.requestEvidence": { ...claimWork, input: ref },

  "messages.listClaimMessages": { ...claimWork, input: num },
  "messages.draftClaimMessage": { ...claimWork, input: (fx) => ({ ...num(fx), key: "return_address_request" }) },
  "messages.sendClaimMessage": { ...claimWork, input: (fx) => ({ ...ref(fx), templateKey: null, subject: "Role matrix", body: "Role matrix check." }) },
  "messages.acceptMailAttachments": { ...claimWork, agent: "NOT_FOUND", supervisor: "NOT_FOUND", admin: "NOT_FOUND", input: (fx) => ({ ...ref(fx), messageId: 987654321 }) },
  "templates.listTemplateOverrides": admins,
  "templates.getTemplate": { ...admins, input: (fx) => ({ storeId: fx.store, key: "refund_issued" }) },
  "templates.saveTemplate": { ...admins, input: (fx) => ({ storeId: fx.store, key: "refund_issued", subject: "Refund {{refundReference}}", body: "{{refundAmount}} is on its way." }) },
  "templates.resetTemplate": { ...admins, input: (fx) => ({ storeId: fx.store, key: "refund_issued" }) },

  "stores.listStores": { ...scopedList, reveals: hasStore },
  "stores.listAssignees": signedIn,

  "exports.getDailyReportSetting": admins,
  "exports.setDailyReportSetting": { ...admins, input: () => ({ enabled: false, folder: "reports", hourUtc: 6 }) },
  "exports.listExportRuns": { ...supervisors, input: () => ({}) },

  "users.listUsers": { ...admins, input: () => ({}) },
  "users.createUser": { ...admins, input: () => ({ email: `matrix-${Date.now()}@claimdesk.test`, name: "Matrix Person", role: "agent", storeIds: [] }) },
  "users.updateUser": { ...admins, input: (fx) => ({ id: fx.userId, name: "Matrix Colleague", role: "agent", storeIds: [] }) },
  "users.deactivateUser": { ...admins, input: (fx) => ({ id: fx.userId }) },
  "users.reactivateUser": { ...admins, input: (fx) => ({ id: fx.userId }) },
  "users.resetPassword": { ...admins, input: (fx) => ({ id: fx.userId }) },
  "users.listAdminAuditEvents": { ...admins, input: () => ({}) },

  "reports.getVolumeReport": { ...supervisors, input: range },
  "reports.getSlaReport": { ...supervisors, input: range },
  "reports.getMoneyReport": { ...supervisors, input: range },
  "reports.getPeopleReport": { ...supervisors, input: range },

  // notifications: each person's own bell; an id that is not the caller's is NOT_FOUND for every role.
  "notifications.list": { ...signedIn, input: () => ({}) },
  "notifications.unreadCount": signedIn,
  "notifications.markRead": { ...signedIn, otherStore: "NOT_FOUND", agent: "NOT_FOUND", supervisor: "NOT_FOUND", admin: "NOT_FOUND", input: () => ({ ids: [987654321] }) },
  "notifications.markAllRead": signedIn,

  // Store API keys: admins only (mutations with the second factor); an unknown key id is NOT_FOUND even for them.
  "apiKeys.listApiKeys": admins,
  "apiKeys.createApiKey": { ...admins, input: (fx) => ({ storeId: fx.store, name: "Matrix key" }) },
  "apiKeys.revokeApiKey": { ...admins, admin: "NOT_FOUND", input: () => ({ id: 987654321 }) },
  // CSV order import: supervisors and admins, for their stores.
  "orderImport.previewOrderImport": { ...supervisors, input: (fx) => ({ storeId: fx.store, csv: importCsv }) },
  "orderImport.commitOrderImport": { ...supervisors, input: (fx) => ({ storeId: fx.store, csv: importCsv }) },
  // Intake: agents find orders and open claims in their stores. Another store's order is NOT_FOUND (intake.test.ts
  // checks that with a real order); here an unknown order id shows every role reaches the store check.
  "intake.findOrders": { ...scopedList, input: () => ({ query: "-1" }), reveals: hasStore },
  "intake.preview": { ...claimWork, agent: "NOT_FOUND", supervisor: "NOT_FOUND", admin: "NOT_FOUND", input: () => ({ orderId: 987654321, reason: "quality_defect", lines: [{ orderLineId: 1, quantity: 1 }] }) },
  "intake.openClaim": { ...claimWork, agent: "NOT_FOUND", supervisor: "NOT_FOUND", admin: "NOT_FOUND", input: () => ({ orderId: 987654321, reason: "quality_defect", lines: [{ orderLineId: 1, quantity: 1 }] }) },
  // Unsorted mail: every agent's list (mail addressed to a store only to its people, inbound-mail.test.ts); an unknown id is NOT_FOUND.
  "inboundMail.listUnsortedMail": { ...signedIn, input: () => ({}) },
  "inboundMail.getInboundMail": { ...claimWork, agent: "NOT_FOUND", supervisor: "NOT_FOUND", admin: "NOT_FOUND", input: () => ({ id: 987654321 }) },
  "inboundMail.attachMailToClaim": { ...claimWork, agent: "NOT_FOUND", supervisor: "NOT_FOUND", admin: "NOT_FOUND", input: (fx) => ({ id: 987654321, number: fx.claim.number }) },
  "inboundMail.openClaimFromMail": { ...claimWork, agent: "NOT_FOUND", supervisor: "NOT_FOUND", admin: "NOT_FOUND", input: () => ({ id: 987654321, orderId: 1, reason: "quality_defect" }) },
  "inboundMail.discardMail": { ...claimWork, agent: "NOT_FOUND", supervisor: "NOT_FOUND", admin: "NOT_FOUND", input: () => ({ id: 987654321 }) },
};

/** Taking the next claim needs no input: another store's agent just gets none of this store's claims. */
function signedInAgents(): Entry {
  return { ...scopedList, reveals: hasClaim };
}
