import { TRPCError } from "@trpc/server";
import { asc, eq } from "drizzle-orm";
import { priorities, type Priority } from "../../shared/workflow/statuses.ts";
import type { DbOrTx } from "../db/client.ts";
import { claimEvents, claimLines, claims, customers, orderLines, orders, stores, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { assertStoreAccess } from "./scope.ts";

/** Id and store of a claim the caller may see; NOT_FOUND otherwise. */
export async function getClaimRef(db: DbOrTx, user: SessionUser, number: string) {
  const [claim] = await db
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
    .where(eq(claims.number, number.toUpperCase()))
    .limit(1);
  if (!claim) throw new TRPCError({ code: "NOT_FOUND", message: `Claim ${number} does not exist.` });
  assertStoreAccess(user, claim.storeId);
  return claim;
}

/** The claim page: the claim with its order and customer in one query, then its lines and timeline side by side. */
export async function getClaim(db: DbOrTx, user: SessionUser, number: string) {
  const [row] = await db
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
    .where(eq(claims.number, number.toUpperCase()))
    .limit(1);
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: `Claim ${number} does not exist.` });
  assertStoreAccess(user, row.storeId);
  const { order, customer, ...claim } = row;
  if (!order || !customer) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Claim without order." });

  const [lines, events] = await Promise.all([
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
      .where(eq(claimLines.claimId, claim.id))
      .orderBy(asc(claimLines.id)),
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
      .where(eq(claimEvents.claimId, claim.id))
      .orderBy(asc(claimEvents.seq)),
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
