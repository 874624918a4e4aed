import { TRPCError } from "@trpc/server";
import { asc, eq, sql, type Placeholder } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { priorities, type Priority } from "../../shared/workflow/statuses.ts";
import type { DbOrTx } from "../db/client.ts";
import { claimEvents, claimLines, claims, customers, orderLines, orders, stores, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { assertStoreAccess } from "./scope.ts";

/** Id and store of a claim the caller may see; NOT_FOUND otherwise. */
type Text = string | Placeholder;
type Id = number | Placeholder;

const refQuery = (db: DbOrTx, number: Text) =>
  db
    .select({
      id: claims.id,
      number: claims.number,
      storeId: claims.storeId,
      version: claims.version,
      status: claims.status,
      eligibility: claims.eligibility,
      exceptionReason: claims.exceptionReason,
      assigneeId: claims.assigneeId,
    })
    .from(claims)
    .where(eq(claims.number, number))
    .limit(1);

const detailQuery = (db: DbOrTx, number: Text) =>
  db
    .select({
      id: claims.id,
      number: claims.number,
      storeId: claims.storeId,
      storeName: stores.name,
      reason: claims.reason,
      status: claims.status,
      priority: claims.priority,
      eligibility: claims.eligibility,
      summary: claims.summary,
      exceptionReason: claims.exceptionReason,
      deadlines: claims.deadlines,
      dueAt: claims.dueAt,
      reportedAt: claims.reportedAt,
      closedAt: claims.closedAt,
      version: claims.version,
      createdAt: claims.createdAt,
      updatedAt: claims.updatedAt,
      assigneeId: claims.assigneeId,
      assigneeName: users.name,
      orderId: claims.orderId,
      customerId: claims.customerId,
      order: {
        id: orders.id,
        number: orders.number,
        currency: orders.currency,
        totalCents: orders.totalCents,
        placedAt: orders.placedAt,
        shippedAt: orders.shippedAt,
        deliveredAt: orders.deliveredAt,
        carrier: orders.carrier,
        trackingNumber: orders.trackingNumber,
        shippingAddress: orders.shippingAddress,
      },
      customer: { id: customers.id, name: customers.name, email: customers.email, phone: customers.phone },
    })
    .from(claims)
    .innerJoin(stores, eq(stores.id, claims.storeId))
    .leftJoin(users, eq(users.id, claims.assigneeId))
    // Left joins, so a claim that lost its order still reads as one (and answers the error below).
    .leftJoin(orders, eq(orders.id, claims.orderId))
    .leftJoin(customers, eq(customers.id, claims.customerId))
    .where(eq(claims.number, number))
    .limit(1);

const linesQuery = (db: DbOrTx, claimId: Id) =>
  db
    .select({
      id: claimLines.id,
      orderLineId: claimLines.orderLineId,
      quantity: claimLines.quantity,
      issueType: claimLines.issueType,
      partType: claimLines.partType,
      grade: claimLines.grade,
      gradeReason: claimLines.gradeReason,
      sku: orderLines.sku,
      name: orderLines.name,
      unitPriceCents: orderLines.unitPriceCents,
      orderedQuantity: orderLines.quantity,
    })
    .from(claimLines)
    .innerJoin(orderLines, eq(orderLines.id, claimLines.orderLineId))
    .where(eq(claimLines.claimId, claimId))
    .orderBy(asc(claimLines.id));

const eventsQuery = (db: DbOrTx, claimId: Id) =>
  db
    .select({
      id: claimEvents.id,
      seq: claimEvents.seq,
      type: claimEvents.type,
      at: claimEvents.at,
      data: claimEvents.data,
      actorName: users.name,
    })
    .from(claimEvents)
    .leftJoin(users, eq(users.id, claimEvents.actorId))
    .where(eq(claimEvents.claimId, claimId))
    .orderBy(asc(claimEvents.seq));

/**
 * The claim page's statements, built once per database and prepared by name: every claim page and action list
 * ran them through drizzle's builder and PostgreSQL's planner again. A transaction gets them built afresh, since
 * a statement prepared on the pool would run outside it.
 */
function prepareAll(db: DbOrTx) {
  const number = sql.placeholder("number");
  const claimId = sql.placeholder("claimId");
  return {
    ref: refQuery(db, number).prepare("claim_ref_v1"),
    detail: detailQuery(db, number).prepare("claim_detail_v1"),
    lines: linesQuery(db, claimId).prepare("claim_lines_v1"),
    events: eventsQuery(db, claimId).prepare("claim_events_v1"),
  };
}
const preparedByDb = new WeakMap<object, ReturnType<typeof prepareAll>>();
function prepared(db: DbOrTx) {
  if (db instanceof PgTransaction) return null;
  let p = preparedByDb.get(db);
  if (!p) preparedByDb.set(db, (p = prepareAll(db)));
  return p;
}

/** Id and store of a claim the caller may see; NOT_FOUND otherwise. */
export async function getClaimRef(db: DbOrTx, user: SessionUser, number: string) {
  const wanted = number.toUpperCase();
  const [claim] = await (prepared(db)?.ref.execute({ number: wanted }) ?? refQuery(db, wanted));
  if (!claim) throw new TRPCError({ code: "NOT_FOUND", message: `Claim ${number} does not exist.` });
  assertStoreAccess(user, claim.storeId);
  return claim;
}

/** The claim page: the claim with its order and customer in one query, then its lines and timeline side by side. */
export async function getClaim(db: DbOrTx, user: SessionUser, number: string) {
  const p = prepared(db);
  const wanted = number.toUpperCase();
  const [row] = await (p?.detail.execute({ number: wanted }) ?? detailQuery(db, wanted));
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: `Claim ${number} does not exist.` });
  assertStoreAccess(user, row.storeId);
  const { order, customer, ...claim } = row;
  if (!order || !customer) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Claim without order." });

  const [lines, events] = await Promise.all([
    p?.lines.execute({ claimId: claim.id }) ?? linesQuery(db, claim.id),
    p?.events.execute({ claimId: claim.id }) ?? eventsQuery(db, claim.id),
  ]);
  return {
    ...claim,
    priority: (priorities[claim.priority] ?? "normal") as Priority,
    order,
    customer,
    lines,
    events,
  };
}
