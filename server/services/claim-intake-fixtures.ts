import { randomBytes } from "node:crypto";
import type { Db } from "../db/client.ts";
import { customers, orderLines, orders } from "../db/schema/index.ts";

// An order with exactly the lines an intake test needs (the demo seed is random).

const DAY = 86_400_000;

export type IntakeTestLine = { sku: string; quantity: number; unitPriceCents?: number; electronic?: boolean; motor?: boolean };

export async function createIntakeTestOrder(
  db: Db,
  t: { store: string; deliveredAt: Date; lines?: IntakeTestLine[]; email?: string; customerName?: string; placedAt?: Date },
) {
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const email = t.email ?? `buyer-${tag}@example.com`;
  const lines = t.lines ?? [{ sku: "SKU-A", quantity: 2 }, { sku: "SKU-B", quantity: 1 }];
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .insert(customers)
      .values({ storeId: t.store, email, name: t.customerName ?? "Robin Example" })
      .onConflictDoNothing()
      .returning({ id: customers.id });
    const customerId = customer?.id ?? (await findCustomerId(tx, t.store, email));
    const placedAt = t.placedAt ?? new Date(t.deliveredAt.getTime() - 4 * DAY);
    const [order] = await tx
      .insert(orders)
      .values({
        storeId: t.store, number: `IN-${tag}`, customerId, placedAt, shippedAt: new Date(t.deliveredAt.getTime() - 2 * DAY), deliveredAt: t.deliveredAt,
        carrier: "UPS", totalCents: lines.reduce((a, l) => a + (l.unitPriceCents ?? 4900) * l.quantity, 0),
      })
      .returning({ id: orders.id, number: orders.number });
    const rows = await tx
      .insert(orderLines)
      .values(lines.map((l) => ({ orderId: order!.id, sku: l.sku, name: `Item ${l.sku}`, unitPriceCents: l.unitPriceCents ?? 4900, quantity: l.quantity, electronic: l.electronic ?? false, motor: l.motor ?? false })))
      .returning({ id: orderLines.id, sku: orderLines.sku });
    return { id: order!.id, number: order!.number, customerId, email, lineIds: Object.fromEntries(rows.map((r) => [r.sku, r.id])) as Record<string, number> };
  });
}

async function findCustomerId(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], store: string, email: string): Promise<number> {
  const { and, eq, sql } = await import("drizzle-orm");
  const [row] = await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.storeId, store), sql`lower(${customers.email}) = ${email.toLowerCase()}`));
  return row!.id;
}
