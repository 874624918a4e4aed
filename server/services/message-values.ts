import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { formatCents } from "../../shared/money.ts";
import { destinationLabel } from "../../shared/schemas/case-facts.ts";
import type { TemplateKey } from "../../shared/schemas/templates.ts";
import type { DbOrTx } from "../db/client.ts";
import { claims, customers, orders, refunds, shipments, stores } from "../db/schema/index.ts";
import { evaluateStoredClaim } from "./claim-evaluation.ts";
import { missingEvidence, missingListText, type MissingEvidence } from "./evidence-request.ts";

/**
 * Where customers send returns, per store (K6: kinetic's local warehouse; everyday's local warehouse, given
 * on request). Demo addresses: an admin puts the real one in the template override.
 */
const returnAddresses: Record<string, string> = {
  kinetic: "Kinetic Motion Returns\n12 Dock Road, Unit 4\nRotterdam 3011 AB\nNetherlands",
  layerworks: "Layerworks Service Centre\n88 Foundry Lane\nLeeds LS11 5QP\nUnited Kingdom",
  everyday: "Everyday Goods Returns\n400 Commerce Way, Dock 7\nColumbus, OH 43219\nUnited States",
  chipyard: "Chipyard RMA Desk\n21 Circuit Avenue\nAustin, TX 78744\nUnited States",
  atelier: "Atelier Figures Returns\n5 Rue des Ateliers\n69002 Lyon\nFrance",
};

/** K6: where a store's alternative destinations are (demo addresses, like the ones above). */
const destinationAddresses: Record<string, Record<string, string>> = {
  kinetic: { manufacturer: "Kinetic Motion c/o the manufacturer's service centre\n7 Industriestrasse\n70565 Stuttgart\nGermany" },
};
/** The destination as the customer reads it: "our local warehouse", "the manufacturer". */
const destinationWords = (key: string) => (key === "manufacturer" ? "the manufacturer" : key === "local_warehouse" ? "our local warehouse" : destinationLabel(key).toLowerCase());

/** Integer cents with the currency's own symbol ("€12.50", "CHF 12.50"); never parsed back. */
export function formatMoney(cents: number, currency: string): string {
  let symbol = `${currency} `;
  try {
    const part = new Intl.NumberFormat("en-US", { style: "currency", currency }).formatToParts(0).find((p) => p.type === "currency");
    if (part) symbol = /^[A-Z]{2,}$/.test(part.value) ? `${part.value} ` : part.value;
  } catch {
    // Unknown code: keep "XYZ 12.50".
  }
  return formatCents(cents, symbol);
}

/** "Monday 9 November 2026" in the store's time zone: the day the customer must act by, unambiguous in any locale. */
function formatDay(iso: string, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}`;
}

const joinOr = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`);

export type MessageContext = {
  claimId: number;
  number: string;
  storeId: string;
  customerEmail: string;
  values: Record<string, string>;
  /** What the policy still needs (X5), for the evidence request's checklist. */
  missing: MissingEvidence[];
  /** Per situation: facts the wording needs that the claim does not have yet (shown before sending). */
  warnings: Partial<Record<TemplateKey, string[]>>;
};

/**
 * Every placeholder value for a claim, from the claim, its order and the policy decision now: evidence
 * still missing (X5), RMA number (C1), ship-by deadline (`customer_ship_due`), allowed carriers (C2), the
 * latest refund with its reference, the latest replacement shipment with its tracking.
 */
export async function loadMessageContext(db: DbOrTx, claimId: number, agentName: string, now: Date): Promise<MessageContext> {
  const [row] = await db
    .select({
      number: claims.number,
      storeId: claims.storeId,
      rmaNumber: claims.rmaNumber,
      returnDestination: sql<string | null>`${claims.caseFacts}->>'returnDestination'`,
      prepaidLabel: sql<string | null>`${claims.caseFacts}->>'prepaidLabel'`,
      storeName: stores.name,
      orderNumber: orders.number,
      currency: orders.currency,
      customerName: customers.name,
      customerEmail: customers.email,
    })
    .from(claims)
    .innerJoin(stores, eq(stores.id, claims.storeId))
    .innerJoin(orders, eq(orders.id, claims.orderId))
    .innerJoin(customers, eq(customers.id, claims.customerId))
    .where(eq(claims.id, claimId));
  if (!row) throw new Error(`claim ${claimId} vanished`);
  const [{ decision, policy }, [refund], [shipment]] = await Promise.all([
    evaluateStoredClaim(db, claimId, now),
    db
      .select({ reference: refunds.reference, amountCents: refunds.amountCents, currency: refunds.currency, status: refunds.status })
      .from(refunds)
      .where(and(eq(refunds.claimId, claimId), inArray(refunds.status, ["executed", "approved"])))
      .orderBy(desc(refunds.executedAt), desc(refunds.id))
      .limit(1),
    db
      .select({ carrier: shipments.carrier, trackingNumber: shipments.trackingNumber })
      .from(shipments)
      .where(and(eq(shipments.claimId, claimId), inArray(shipments.kind, ["replacement", "exchange", "repair_back"])))
      .orderBy(desc(shipments.id))
      .limit(1),
  ]);
  const doc = policy.document;
  const destination = row.returnDestination ?? doc.returnDestination?.default;
  const shipBy = decision.deadlines.find((d) => d.key === "customer_ship_due");
  const carriers = doc.returnCarrier?.allowed ?? [];
  const warnings: MessageContext["warnings"] = {};
  const warn = (key: TemplateKey, text: string) => (warnings[key] ??= []).push(text);
  const missing = missingEvidence(decision);
  if (missing.length === 0) warn("evidence_request", "The policy needs no more evidence for this claim.");
  if (!row.rmaNumber) warn("rma_approved", doc.rma ? `No RMA number issued yet (${doc.rma.clause}): approve the return first.` : "This store issues no RMA numbers.");
  if (!shipBy) for (const k of ["rma_approved", "return_address_request"] as const) warn(k, "No ship-by deadline yet: it starts when the return is approved.");
  // E4: the store pays this return's freight with a label the agent sends; the message carries it once recorded.
  if (!row.prepaidLabel && decision.findings.some((f) => f.code === "freight_label")) warn("return_address_request", "No prepaid label recorded yet (E4): record it under Case facts so the message gives it.");
  if (!refund) warn("refund_issued", "No approved or executed refund on this claim yet.");
  else if (refund.status !== "executed") warn("refund_issued", "The refund is approved but not executed yet.");
  if (!shipment) warn("replacement_shipped", "No replacement shipment recorded on this claim yet.");
  else if (!shipment.trackingNumber) warn("replacement_shipped", "The replacement shipment has no tracking number yet.");

  const values: Record<string, string> = {
    customerName: row.customerName.split(" ")[0] || row.customerName,
    claimNumber: row.number,
    orderNumber: row.orderNumber,
    storeName: row.storeName,
    agentName,
    missingList: missingListText(missing),
    note: "",
    rmaNumber: row.rmaNumber ?? "[RMA number]",
    shipBy: shipBy ? formatDay(shipBy.dueAt, doc.timeZone) : "[ship-by date]",
    carriers: carriers.length ? joinOr(carriers) : "a tracked carrier of your choice",
    // K6: the destination the agent chose (the store's default otherwise) and its address.
    returnDestination: destinationWords(destination ?? "local_warehouse"),
    returnAddress: (destination && destinationAddresses[row.storeId]?.[destination]) || (returnAddresses[row.storeId] ?? `${row.storeName} Returns`),
    freightNote: row.prepaidLabel ? `Return shipping is on us: please use the prepaid label we sent you (${row.prepaidLabel}).` : "",
    refundAmount: refund ? formatMoney(refund.amountCents, refund.currency || row.currency) : "[refund amount]",
    refundReference: refund?.reference ?? "[refund reference]",
    payoutNote: doc.payoutNote
      ? `Depending on your bank, the funds reach your account in ${doc.payoutNote.minBusinessDays}–${doc.payoutNote.maxBusinessDays} business days.`
      : "Depending on your bank, it can take a few business days for the funds to reach your account.",
    trackingNumber: shipment?.trackingNumber ?? "[tracking number]",
    carrier: shipment?.carrier ?? "[carrier]",
  };
  return { claimId, number: row.number, storeId: row.storeId, customerEmail: row.customerEmail, values, missing, warnings };
}
