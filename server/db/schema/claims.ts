import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, serial, smallint, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { ClaimFactsInput, VoidCause } from "../../../shared/policy/index.ts";
import type { ClaimStatus } from "../../../shared/workflow/statuses.ts";
import { timestamps, tstz } from "./columns.ts";
import { customers, orderLines, orders } from "./orders.ts";
import { policyVersions, stores } from "./stores.ts";
import { users } from "./users.ts";

export type StoredDeadline = { key: string; dueAt: string; clause: string };
/**
 * Facts of the case that the workflow records (condition at inspection, void findings, carrier,
 * approval and return instants, repair pauses, amounts the agent enters): the part of the engine's
 * facts that does not come from the order, the claimed lines or the evidence list.
 */
export type CaseFacts = Omit<ClaimFactsInput, "reason" | "orderPlacedAt" | "shippedAt" | "deliveredAt" | "reportedAt" | "lines" | "evidence"> & {
  /** What people wrote with some facts (issue 14), shown beside them; not engine facts, so buildFacts leaves them out. */
  notes?: CaseNotes;
};
export type CaseNotes = {
  /** C8: why the case is complex. */
  complexReason?: string;
  /** A1: what the agent saw of the packaging. */
  packagingSeverityNote?: string;
  /** E4: the freight invoice the customer's advanced amount comes from. */
  advancedFreightInvoice?: string;
  /** C4: what the goods' condition was read from. */
  goodsConditionNote?: string;
  /** K6: why the return goes where it goes. */
  returnDestinationNote?: string;
};

export const claims = pgTable(
  "claims",
  {
    id: serial("id").primaryKey(),
    number: text("number").notNull(), // CLM-000123, derived from id at insert
    storeId: text("store_id").notNull().references(() => stores.id),
    orderId: integer("order_id").notNull().references(() => orders.id),
    customerId: integer("customer_id").notNull().references(() => customers.id),
    reason: text("reason").notNull(),
    status: text("status").$type<ClaimStatus>().notNull().default("new"),
    priority: smallint("priority").notNull().default(1), // priorityRank
    assigneeId: integer("assignee_id").references(() => users.id),
    policyVersionId: integer("policy_version_id").references(() => policyVersions.id),
    eligibility: text("eligibility"),
    summary: text("summary"),
    caseFacts: jsonb("case_facts").$type<CaseFacts>().notNull().default({}),
    deadlines: jsonb("deadlines").$type<StoredDeadline[]>().notNull().default([]),
    // Earliest open deadline, kept beside the JSON so "Due today"/"Overdue" are index range scans.
    dueAt: tstz("due_at"),
    reportedAt: tstz("reported_at").notNull(),
    /** How the claim reached us: agent (form), api, email, or seed (demo data). */
    source: text("source").notNull().default("agent"),
    closedAt: tstz("closed_at"),
    /** RMA number (C1) once a return is authorised; unique across stores. */
    rmaNumber: text("rma_number"),
    /** Our deadlines pause while we wait on the customer: when the current pause began, and the total so far. */
    pausedAt: tstz("paused_at"),
    pausedMs: bigint("paused_ms", { mode: "number" }).notNull().default(0),
    /** A supervisor's recorded exception (goodwill, late return, C5): lets proposals through an ineligible verdict. */
    exceptionReason: text("exception_reason"),
    exceptionById: integer("exception_by_id").references(() => users.id),
    exceptionAt: tstz("exception_at"),
    // Lower-cased claim number, order number, customer e-mail and name for the trigram search index.
    searchText: text("search_text").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("claims_number_uq").on(t.number),
    uniqueIndex("claims_rma_uq").on(t.rmaNumber),
    // One index per queue sort, each ending in the same tie-breakers the service orders by, so the first
    // page is an index walk (filters are checked on the way) instead of a sort of every open claim.
    // Store, status and assignee after the sort keys: "closed too" queues of a store-scoped agent skip other
    // stores' history on the index entry (index-only) instead of visiting each row.
    index("claims_due_idx").on(t.dueAt, t.id, t.storeId, t.status, t.assigneeId),
    // Report slices open the queue on a reported-day range (history included): an index-only range scan.
    // …and the dashboard's reasons mix per store over reported days reads the reason from it too (index-only).
    index("claims_reported_idx").on(t.reportedAt, t.dueAt, t.id, t.storeId, t.status, t.assigneeId, t.reason),
    // The dashboard's closed-per-day and median time to resolution: closed claims by close time, index-only.
    index("claims_closed_idx").on(t.closedAt, t.storeId, t.reportedAt).where(sql`${t.closedAt} is not null`),
    // The default queue shows open claims only; over years of history they are a few percent of the table.
    // Each open index also carries every column the queue filters on (after its sort columns, so the order
    // still serves the sort): the page of ids, the capped count and the facet counts are index-only scans
    // that check store scope, assignee, status, reason and priority on the index entry, with no heap visit
    // per skipped row. Writes only touch these for open claims.
    index("claims_open_due_idx").on(t.dueAt, t.id, t.storeId, t.assigneeId, t.status, t.reason, t.priority, t.reportedAt).where(sql`${t.status} not in ('closed', 'rejected', 'cancelled')`),
    index("claims_open_store_due_idx").on(t.storeId, t.dueAt, t.id, t.assigneeId, t.status, t.reason, t.priority, t.reportedAt).where(sql`${t.status} not in ('closed', 'rejected', 'cancelled')`),
    index("claims_open_assignee_due_idx").on(t.assigneeId, t.dueAt, t.id, t.storeId, t.status, t.reason, t.priority, t.reportedAt).where(sql`${t.status} not in ('closed', 'rejected', 'cancelled')`),
    index("claims_open_reason_due_idx").on(t.reason, t.dueAt, t.id, t.storeId, t.assigneeId, t.status, t.priority, t.reportedAt).where(sql`${t.status} not in ('closed', 'rejected', 'cancelled')`),
    index("claims_open_priority_due_idx").on(t.priority.desc(), t.dueAt, t.id, t.storeId, t.assigneeId, t.status, t.reason, t.reportedAt).where(sql`${t.status} not in ('closed', 'rejected', 'cancelled')`),
    index("claims_customer_idx").on(t.customerId),
    index("claims_status_due_idx").on(t.status, t.dueAt, t.id),
    index("claims_store_due_idx").on(t.storeId, t.dueAt, t.id),
    index("claims_reason_due_idx").on(t.reason, t.dueAt, t.id),
    index("claims_priority_due_idx").on(t.priority.desc(), t.dueAt, t.id),
    index("claims_assignee_status_idx").on(t.assigneeId, t.status),
    index("claims_created_idx").on(t.createdAt, t.id),
    index("claims_updated_idx").on(t.updatedAt, t.id),
    // Take-next's exact order (its plain DESC sorts nulls first) over unassigned open claims: the first row in the caller's stores is the pick,
    // instead of sorting every unassigned open claim of those stores on each press.
    index("claims_take_next_idx").on(t.priority.desc().nullsFirst(), t.dueAt, t.createdAt, t.id, t.storeId).where(sql`${t.assigneeId} is null and ${t.status} not in ('closed', 'rejected', 'cancelled')`),
    index("claims_order_idx").on(t.orderId),
    // Free-text search. fastupdate off: claim updates otherwise pile up in the index's pending list, which
    // every search scans in full until a vacuum (claims see too few dead rows for autovacuum to come often),
    // and the bloated index made the planner pick a sequential scan for the capped count of a common name.
    // Measured at 1M claims: inserting straight into the index costs an update no more than the pending list did.
    index("claims_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`).with({ fastupdate: false }),
    // The facet counts of the open queue: the five filter dimensions alone, in the order the facet query groups
    // them, so counting is a GroupAggregate over a deduplicated index-only scan (no hashing, a fraction of the
    // pages of the wider open indexes).
    index("claims_open_facets_idx").on(t.storeId, t.status, t.reason, t.priority, t.assigneeId).where(sql`${t.status} not in ('closed', 'rejected', 'cancelled')`),
    // Closed history by status, each capped count of the status facet ("closed" with the other filters) is an
    // index-only walk of one status's entries; the keys repeat, so deduplication keeps it a few MB.
    index("claims_closed_facets_idx").on(t.status, t.storeId, t.priority, t.reason, t.assigneeId).where(sql`${t.status} in ('closed', 'rejected', 'cancelled')`),
    // The SLA report's way in: claims whose latest deadline is not before its range (function from migration 0014).
    index("claims_deadlines_due_max_idx").on(sql`claim_deadlines_due_max(${t.deadlines})`),
  ],
);

export const claimLines = pgTable(
  "claim_lines",
  {
    id: serial("id").primaryKey(),
    claimId: integer("claim_id").notNull().references(() => claims.id, { onDelete: "cascade" }),
    orderLineId: integer("order_line_id").notNull().references(() => orderLines.id),
    quantity: integer("quantity").notNull(),
    issueType: text("issue_type"),
    partType: text("part_type"),
    grade: text("grade"),
    gradeReason: text("grade_reason"),
    failureCause: text("failure_cause"),
    /** Void causes the agent found on this line only (L4/L5, E5 improper use); claim-wide ones stay in case facts. */
    voidCauses: jsonb("void_causes").$type<VoidCause[]>().notNull().default([]),
    /** What the agent saw that voids the line, kept with the causes. */
    voidNote: text("void_note"),
    /**
     * A6: the amount (cents, for the claimed quantity) the agent set with a written reason where the grade or the
     * part's value is "Depends"; the engine reads it as the line fact `agentCents`. The reason is `gradeReason`.
     */
    agentCents: integer("agent_cents"),
  },
  (t) => [index("claim_lines_claim_idx").on(t.claimId), index("claim_lines_order_line_idx").on(t.orderLineId)],
);

export const evidenceItems = pgTable(
  "evidence_items",
  {
    id: serial("id").primaryKey(),
    claimId: integer("claim_id").notNull().references(() => claims.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    note: text("note"),
    fileName: text("file_name"),
    mimeType: text("mime_type"),
    sizeBytes: integer("size_bytes"),
    storageKey: text("storage_key"),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [index("evidence_items_claim_idx").on(t.claimId)],
);

/** Append-only: `seq` numbers a claim's events without gaps, so a missing event is detectable. */
export const claimEvents = pgTable(
  "claim_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    claimId: integer("claim_id").notNull().references(() => claims.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    /** The claim's version this change produced: a CONFLICT can list exactly what the person missed. */
    claimVersion: integer("claim_version"),
    type: text("type").notNull(),
    actorId: integer("actor_id").references(() => users.id),
    at: tstz("at").notNull().defaultNow(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [uniqueIndex("claim_events_claim_seq_uq").on(t.claimId, t.seq)],
);

export const refunds = pgTable(
  "refunds",
  {
    id: serial("id").primaryKey(),
    claimId: integer("claim_id").notNull().references(() => claims.id),
    /**
     * The claim's store, copied by the database (trigger refunds_store_from_claim, migration 0016) so no insert
     * can leave it out or get it wrong: the approvals queue counts a store's pending refunds on an index
     * instead of looking up each refund's claim (14 ms a count at 1M claims, a quarter of the database's time
     * under the mixed load).
     */
    storeId: text("store_id").references(() => stores.id),
    reference: text("reference").notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull().default("USD"),
    kind: text("kind").notNull(), // the resolution option it pays: full_refund, partial_refund, …
    method: text("method").notNull().default("original_payment"), // or store_coupon
    couponCode: text("coupon_code"),
    executedById: integer("executed_by_id").references(() => users.id),
    status: text("status").notNull().default("proposed"), // proposed | approved | rejected | executed
    isException: boolean("is_exception").notNull().default(false),
    reason: text("reason"),
    proposedById: integer("proposed_by_id").references(() => users.id),
    decidedById: integer("decided_by_id").references(() => users.id),
    decisionComment: text("decision_comment"),
    idempotencyKey: text("idempotency_key").notNull(),
    decidedAt: tstz("decided_at"),
    executedAt: tstz("executed_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("refunds_reference_uq").on(t.reference),
    uniqueIndex("refunds_idempotency_uq").on(t.idempotencyKey),
    index("refunds_claim_idx").on(t.claimId),
    index("refunds_status_idx").on(t.status, t.createdAt),
    index("refunds_status_store_idx").on(t.status, t.storeId),
  ],
);

/** How a refund splits over order lines: the X2 cap is checked on these sums. */
export const refundLines = pgTable(
  "refund_lines",
  {
    refundId: integer("refund_id").notNull().references(() => refunds.id, { onDelete: "cascade" }),
    orderLineId: integer("order_line_id").notNull().references(() => orderLines.id),
    amountCents: integer("amount_cents").notNull(),
  },
  (t) => [index("refund_lines_order_line_idx").on(t.orderLineId), uniqueIndex("refund_lines_uq").on(t.refundId, t.orderLineId)],
);
