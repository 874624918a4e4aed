import { evaluateClaim, type PolicyDocument } from "../../../shared/policy/index.ts";
import type { ClaimStatus } from "../../../shared/workflow/statuses.ts";
import { buildFacts, summarizeDecision } from "../../services/claim-evaluation.ts";
import { claimEvents, claimLines, claims, customers, evidenceItems, orderLines, orders, refundLines, refunds } from "../schema/index.ts";
import { refundReference } from "../../services/refunds.ts";
import { catalog, type Product } from "./catalog.ts";
import { cities, firstNames, lastNames, streets } from "./people.ts";
import type { Rng } from "../../../shared/random.ts";

type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];
export type Batch = {
  customers: Insert<typeof customers>[];
  orders: Insert<typeof orders>[];
  orderLines: Insert<typeof orderLines>[];
  claims: Insert<typeof claims>[];
  claimLines: Insert<typeof claimLines>[];
  evidence: Insert<typeof evidenceItems>[];
  events: Insert<typeof claimEvents>[];
  refunds: Insert<typeof refunds>[];
  refundLines: Insert<typeof refundLines>[];
};

export type IdCursor = { customer: number; order: number; orderLine: number; claim: number; claimLine: number; evidence: number; refund: number };

const DAY = 86_400_000;

const reasonMix: Record<string, readonly (readonly [string, number])[]> = {
  kinetic: [["quality_defect", 5], ["carrier_damage", 2], ["change_of_mind", 3], ["warranty", 3], ["wrong_item", 1], ["missing_accessory", 1]],
  layerworks: [["warranty", 6], ["quality_defect", 3], ["missing_accessory", 2], ["carrier_damage", 1], ["change_of_mind", 1]],
  everyday: [
    ["change_of_mind", 5], ["quality_defect", 3], ["carrier_damage", 2], ["not_as_described", 2], ["lost_in_transit", 1],
    ["delivery_delay", 1], ["cancellation", 2], ["missing_accessory", 1],
  ],
  chipyard: [["quality_defect", 4], ["wrong_item", 3], ["change_of_mind", 2], ["carrier_damage", 1], ["lost_in_transit", 1]],
  atelier: [["missing_accessory", 4], ["quality_defect", 3], ["packaging_damage", 3], ["wrong_item", 1], ["carrier_damage", 1]],
};

const evidenceByReason: Record<string, readonly string[]> = {
  quality_defect: ["photo", "video", "connection_video", "fault_statement"],
  carrier_damage: ["photo", "packaging_photo"],
  packaging_damage: ["photo", "packaging_photo"],
  wrong_item: ["photo", "comparison_screenshot"],
  missing_accessory: ["photo"],
  warranty: ["invoice_number", "serial_number", "photo", "video"],
  change_of_mind: ["photo", "packaging_photo", "panoramic_photo"],
  not_as_described: ["photo", "comparison_screenshot"],
  lost_in_transit: ["tracking_number"],
  delivery_delay: ["tracking_number"],
  cancellation: [],
};

/** Older claims are mostly finished; the last few days are mostly untouched. */
function statusFor(rng: Rng, ageDays: number): ClaimStatus {
  if (ageDays < 2) return rng.weighted([["new", 6], ["triage", 3], ["awaiting_evidence", 1]]);
  if (ageDays < 14) {
    return rng.weighted([
      ["triage", 2], ["awaiting_evidence", 3], ["in_review", 4], ["awaiting_return", 2], ["inspecting", 1],
      ["resolution_proposed", 1], ["awaiting_approval", 2], ["approved", 1], ["refunded", 1], ["replacement_shipped", 1], ["closed", 2],
    ]);
  }
  // A working team closes what it opens: a few percent of older claims are still waiting on something.
  return rng.weighted([
    ["closed", 40], ["rejected", 6], ["cancelled", 4], ["refunded", 0.6], ["replacement_shipped", 0.3], ["awaiting_return", 0.3],
    ["in_review", 0.2], ["awaiting_evidence", 0.3],
  ]);
}

const atelierIssues = ["electronic_failure", "missing_or_wrong_accessory", "paint_defect", "detachment", "structural_breakage", "surface_cracking"] as const;

const statusesClosed = new Set<ClaimStatus>(["closed", "rejected", "cancelled"]);

export function generateBatch(
  rng: Rng,
  ids: IdCursor,
  count: number,
  opts: {
    now: Date;
    spanDays: number;
    storeIds: readonly string[];
    assignees: Record<string, number[]>;
    /** Supervisors and admins who may decide a refund (never the proposer, X3). */
    approvers: number[];
    policies: Record<string, { id: number; document: PolicyDocument }>;
  },
): Batch {
  const b: Batch = { customers: [], orders: [], orderLines: [], claims: [], claimLines: [], evidence: [], events: [], refunds: [], refundLines: [] };
  const nowMs = opts.now.getTime();
  for (let i = 0; i < count; i++) {
    const storeId = rng.pick(opts.storeIds);
    const products = catalog[storeId] ?? [];
    const first = rng.pick(firstNames);
    const last = rng.pick(lastNames);
    const customerId = ids.customer++;
    const email = `${first}.${last}.${customerId}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, "");
    b.customers.push({ id: customerId, storeId, email, name: `${first} ${last}` });

    const ageMs = Math.floor(rng.next() * opts.spanDays * DAY);
    const reportedAt = new Date(nowMs - ageMs);
    const reason = rng.weighted(reasonMix[storeId] ?? [["quality_defect", 1]]);
    const undelivered = reason === "cancellation" || reason === "lost_in_transit" || reason === "delivery_delay";
    const deliveredAt = undelivered ? null : new Date(reportedAt.getTime() - rng.int(0, reason === "warranty" ? 300 : 35) * DAY - rng.int(0, 20) * 3_600_000);
    const shippedAt = reason === "cancellation" && rng.chance(0.6) ? null : new Date((deliveredAt ?? reportedAt).getTime() - rng.int(2, 8) * DAY);
    const placedAt = new Date((shippedAt ?? reportedAt).getTime() - rng.int(reason === "cancellation" ? 0 : 1, 3) * DAY - rng.int(1, 20) * 3_600_000);

    const orderId = ids.order++;
    const lineCount = rng.int(1, 3);
    const picked = new Set<Product>();
    while (picked.size < Math.min(lineCount, products.length)) picked.add(rng.pick(products));
    let total = 0;
    const lines = [...picked].map((p) => {
      const quantity = p.priceCents < 2000 ? rng.int(1, 4) : 1;
      total += p.priceCents * quantity;
      const id = ids.orderLine++;
      b.orderLines.push({
        id, orderId, sku: p.sku, name: p.name, unitPriceCents: p.priceCents, quantity,
        electronic: p.electronic ?? false, consumable: p.consumable ?? false, motor: p.motor ?? false, partType: p.partType ?? null,
      });
      return { id, quantity, product: p };
    });
    const [city, region, postalCode] = rng.pick(cities);
    const orderNumber = `${storeId.slice(0, 2).toUpperCase()}-${String(100000 + orderId)}`;
    b.orders.push({
      id: orderId, storeId, number: orderNumber, customerId, totalCents: total, placedAt, shippedAt, deliveredAt,
      carrier: shippedAt ? rng.pick(["UPS", "FedEx", "DHL", "USPS"]) : null,
      trackingNumber: shippedAt ? `1Z${String(rng.int(10_000_000, 99_999_999))}${String(rng.int(1000, 9999))}` : null,
      shippingAddress: { line1: `${rng.int(1, 999)} ${rng.pick(streets)}`, city, region, postalCode, country: "US" },
    });

    const claimId = ids.claim++;
    const number = `CLM-${String(claimId).padStart(6, "0")}`;
    const status = statusFor(rng, ageMs / DAY);
    const pool = opts.assignees[storeId] ?? [];
    const assigneeId = status === "new" || pool.length === 0 || rng.chance(0.15) ? null : rng.pick(pool);
    const priority = rng.weighted([[0, 2], [1, 10], [2, 3], [3, 1]] as const);
    const closedAt = statusesClosed.has(status) ? new Date(Math.min(nowMs, reportedAt.getTime() + rng.int(1, 20) * DAY)) : null;
    const claimed = lines.slice(0, rng.int(1, lines.length)).map((line) => ({
      ...line,
      claimedQuantity: rng.int(1, line.quantity),
      // Atelier grades accessory and part issues (A3); the other stores judge the line as a whole.
      issueType: storeId === "atelier" && (reason === "missing_accessory" || reason === "quality_defect") ? rng.pick(atelierIssues) : null,
    }));
    for (const line of claimed) {
      b.claimLines.push({ id: ids.claimLine++, claimId, orderLineId: line.id, quantity: line.claimedQuantity, issueType: line.issueType });
    }
    const kinds = evidenceByReason[reason] ?? [];
    const evidenceCount = kinds.length === 0 ? 0 : status === "new" ? rng.int(0, 1) : rng.int(0, kinds.length);
    const evidenceKinds: string[] = [];
    for (let e = 0; e < evidenceCount; e++) {
      const kind = rng.pick(kinds);
      evidenceKinds.push(kind);
      b.evidence.push({ id: ids.evidence++, claimId, kind, note: kind === "serial_number" ? `SN-${rng.int(100000, 999999)}` : null, createdAt: reportedAt });
    }
    const policy = opts.policies[storeId]!;
    const facts = buildFacts({
      reason,
      reportedAt,
      caseFacts: {},
      order: { placedAt, shippedAt, deliveredAt },
      evidenceKinds,
      lines: claimed.map((l) => ({
        sku: l.product.sku, unitPriceCents: l.product.priceCents, quantity: l.claimedQuantity, electronic: l.product.electronic ?? false,
        consumable: l.product.consumable ?? false, motor: l.product.motor ?? false, partType: l.product.partType ?? null,
        issueType: l.issueType, grade: null, failureCause: null,
      })),
    });
    const decision = evaluateClaim(policy.document, facts, reportedAt);
    const evaluation = summarizeDecision(decision, status);
    b.claims.push({
      id: claimId, number, storeId, orderId, customerId, reason, status, priority, assigneeId, reportedAt, closedAt,
      ...evaluation, policyVersionId: policy.id,
      createdAt: reportedAt, updatedAt: closedAt ?? reportedAt,
      searchText: `${number} ${orderNumber} ${email} ${first} ${last}`.toLowerCase(),
    });
    // Claims past the approval step carry the refund that got them there, so the approvals queue and the
    // claim's money history agree with its status.
    const refundStatus = status === "awaiting_approval" ? "proposed" : status === "approved" ? "approved" : status === "refunded" ? "executed" : null;
    const proposer = refundStatus ? (assigneeId ?? (pool.length ? rng.pick(pool) : null)) : null;
    if (refundStatus && proposer) {
      const paid = claimed.map((l) => l.product.priceCents * l.claimedQuantity);
      const option = decision.options.find((o) => o.refundCents !== undefined && o.refundCents > 0);
      const amount = option?.refundCents ?? paid.reduce((a, c) => a + c, 0);
      const refundId = ids.refund++;
      const approver = opts.approvers.find((id) => id !== proposer) ?? null;
      const decidedAt = refundStatus === "proposed" ? null : new Date(reportedAt.getTime() + 2 * DAY);
      b.refunds.push({
        id: refundId, claimId, reference: refundReference(refundId, reportedAt), amountCents: amount, kind: option?.kind ?? "full_refund",
        status: refundStatus, isException: !option, reason: option ? null : "Goodwill: seeded history", proposedById: proposer,
        decidedById: decidedAt ? approver : null, decidedAt, executedAt: refundStatus === "executed" ? new Date(reportedAt.getTime() + 3 * DAY) : null,
        executedById: refundStatus === "executed" ? approver : null, idempotencyKey: `seed-${refundId}-${rng.int(1e8, 9e8)}`,
        createdAt: new Date(reportedAt.getTime() + DAY), updatedAt: decidedAt ?? reportedAt,
      });
      const total = paid.reduce((a, c) => a + c, 0);
      let left = amount;
      // X9: the policy's own per-line amounts where it gives them (reports by grade read these lines).
      const own = option?.lineRefunds;
      if (own?.length) {
        for (const l of claimed) {
          const cents = own.find((r) => r.sku === l.product.sku)?.refundCents ?? 0;
          if (cents > 0) b.refundLines.push({ refundId, orderLineId: l.id, amountCents: cents });
        }
      } else claimed.forEach((l, i) => {
        const share = i === claimed.length - 1 ? left : Math.floor((amount * paid[i]!) / total);
        left -= share;
        b.refundLines.push({ refundId, orderLineId: l.id, amountCents: share });
      });
    }
    let seq = 1;
    b.events.push({ claimId, seq: seq++, type: "claim_opened", at: reportedAt, data: { reason, channel: rng.pick(["email", "form", "api"]) } });
    if (assigneeId) {
      b.events.push({ claimId, seq: seq++, type: "assigned", actorId: assigneeId, at: new Date(reportedAt.getTime() + 3_600_000), data: { from: null, to: assigneeId } });
    }
    if (status !== "new") {
      b.events.push({ claimId, seq: seq++, type: "status_changed", actorId: assigneeId, at: closedAt ?? new Date(reportedAt.getTime() + 7_200_000), data: { from: "new", to: status } });
    }
  }
  return b;
}
