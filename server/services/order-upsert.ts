import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { OrderView, UpsertOrderBody } from "../../shared/schemas/store-api.ts";
import type { DbOrTx, Tx } from "../db/client.ts";
import { claimLines, claims, customers, orderLines, orders } from "../db/schema/index.ts";

/** A change the order's claims forbid: a claimed line cannot disappear or change under its claim. */
export class OrderLineConflict extends Error {
  constructor(
    readonly sku: string,
    readonly claimNumber: string,
  ) {
    super(`Line ${sku} is part of claim ${claimNumber}; it cannot be removed or changed.`);
  }
}

type Line = UpsertOrderBody["lines"][number];
const lineColumns = (l: Line) => ({
  sku: l.sku,
  name: l.name,
  unitPriceCents: l.unitPriceCents,
  quantity: l.quantity,
  electronic: l.electronic,
  consumable: l.consumable,
  motor: l.motor,
  partType: l.partType ?? null,
});
const sameLine = (a: ReturnType<typeof lineColumns>, b: ReturnType<typeof lineColumns>) =>
  (Object.keys(a) as (keyof typeof a)[]).every((k) => a[k] === b[k]);

/** Customers are one per store and e-mail (case-insensitive); the shop's latest name and phone win. */
async function upsertCustomer(tx: Tx, storeId: string, c: UpsertOrderBody["customer"]): Promise<number> {
  const result = await tx.execute<{ id: number }>(sql`
    insert into ${customers} (store_id, email, name, phone) values (${storeId}, ${c.email}, ${c.name}, ${c.phone ?? null})
    on conflict (store_id, lower(email)) do update set name = excluded.name, phone = coalesce(excluded.phone, ${customers}.phone), updated_at = now()
    returning id`);
  return Number(result.rows[0]!.id);
}

/**
 * Creates or replaces one order of a store by its number, in the caller's transaction. Lines are matched
 * by SKU: unclaimed lines are updated, removed or added freely; a line a claim points at may only stay as it is.
 */
export async function upsertOrder(tx: Tx, storeId: string, number: string, body: UpsertOrderBody): Promise<{ created: boolean; orderId: number }> {
  const customerId = await upsertCustomer(tx, storeId, body.customer);
  const totalCents = body.lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const values = {
    customerId,
    currency: body.currency,
    totalCents,
    shippingAddress: body.shippingAddress ?? null,
    carrier: body.carrier ?? null,
    trackingNumber: body.trackingNumber ?? null,
    placedAt: new Date(body.placedAt),
    shippedAt: body.shippedAt ? new Date(body.shippedAt) : null,
    deliveredAt: body.deliveredAt ? new Date(body.deliveredAt) : null,
  };
  // Insert-or-lock in one statement: two writers of the same order queue on the row instead of racing.
  const [inserted] = await tx
    .insert(orders)
    .values({ storeId, number, ...values })
    .onConflictDoNothing({ target: [orders.storeId, orders.number] })
    .returning({ id: orders.id });
  if (inserted) {
    await tx.insert(orderLines).values(body.lines.map((l) => ({ orderId: inserted.id, ...lineColumns(l) })));
    return { created: true, orderId: inserted.id };
  }
  const [existing] = await tx.select({ id: orders.id }).from(orders).where(and(eq(orders.storeId, storeId), eq(orders.number, number))).for("update");
  const orderId = existing!.id;
  await tx.update(orders).set(values).where(eq(orders.id, orderId));

  const current = await tx.select({ id: orderLines.id, ...pickLine }).from(orderLines).where(eq(orderLines.orderId, orderId));
  const claimed = new Map<number, string>();
  if (current.length) {
    const refs = await tx
      .select({ orderLineId: claimLines.orderLineId, number: claims.number })
      .from(claimLines)
      .innerJoin(claims, eq(claims.id, claimLines.claimId))
      .where(inArray(claimLines.orderLineId, current.map((l) => l.id)));
    for (const r of refs) claimed.set(r.orderLineId, r.number);
  }
  const incoming = new Map(body.lines.map((l) => [l.sku, lineColumns(l)]));
  const toDelete: number[] = [];
  for (const { id, ...line } of current) {
    const next = incoming.get(line.sku);
    const claim = claimed.get(id);
    if (claim && (!next || !sameLine(line, next))) throw new OrderLineConflict(line.sku, claim);
    if (!next) toDelete.push(id);
    else {
      if (!sameLine(line, next)) await tx.update(orderLines).set(next).where(eq(orderLines.id, id));
      incoming.delete(line.sku);
    }
  }
  if (toDelete.length) await tx.delete(orderLines).where(inArray(orderLines.id, toDelete));
  if (incoming.size) await tx.insert(orderLines).values([...incoming.values()].map((l) => ({ orderId, ...l })));
  return { created: false, orderId };
}

const pickLine = {
  sku: orderLines.sku,
  name: orderLines.name,
  unitPriceCents: orderLines.unitPriceCents,
  quantity: orderLines.quantity,
  electronic: orderLines.electronic,
  consumable: orderLines.consumable,
  motor: orderLines.motor,
  partType: orderLines.partType,
};

/** One order of a store as the API shows it, or null (absent, or another store's). */
export async function getOrderView(db: DbOrTx, storeId: string, number: string): Promise<OrderView | null> {
  const [o] = await db
    .select({
      id: orders.id,
      number: orders.number,
      placedAt: orders.placedAt,
      currency: orders.currency,
      totalCents: orders.totalCents,
      shippedAt: orders.shippedAt,
      deliveredAt: orders.deliveredAt,
      carrier: orders.carrier,
      trackingNumber: orders.trackingNumber,
      email: customers.email,
      name: customers.name,
      phone: customers.phone,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(eq(orders.storeId, storeId), eq(orders.number, number)));
  if (!o) return null;
  const lines = await db.select(pickLine).from(orderLines).where(eq(orderLines.orderId, o.id)).orderBy(asc(orderLines.id));
  return {
    number: o.number,
    placedAt: o.placedAt.toISOString(),
    currency: o.currency,
    totalCents: o.totalCents,
    customer: { email: o.email, name: o.name, phone: o.phone },
    shippedAt: o.shippedAt?.toISOString() ?? null,
    deliveredAt: o.deliveredAt?.toISOString() ?? null,
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
    lines,
  };
}
