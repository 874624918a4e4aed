import { boolean, index, integer, jsonb, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { timestamps, tstz } from "./columns.ts";
import { stores } from "./stores.ts";

export const customers = pgTable(
  "customers",
  {
    id: serial("id").primaryKey(),
    storeId: text("store_id").notNull().references(() => stores.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("customers_store_email_uq").on(t.storeId, sql`lower(${t.email})`),
    // Searching the queue by a full e-mail address finds the customer across stores by this.
    index("customers_email_idx").on(sql`lower(${t.email})`),
  ],
);

export type ShippingAddress = { line1: string; line2?: string; city: string; region?: string; postalCode: string; country: string };

export const orders = pgTable(
  "orders",
  {
    id: serial("id").primaryKey(),
    storeId: text("store_id").notNull().references(() => stores.id),
    number: text("number").notNull(),
    customerId: integer("customer_id").notNull().references(() => customers.id),
    currency: text("currency").notNull().default("USD"),
    totalCents: integer("total_cents").notNull(),
    shippingAddress: jsonb("shipping_address").$type<ShippingAddress>(),
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    placedAt: tstz("placed_at").notNull(),
    shippedAt: tstz("shipped_at"),
    deliveredAt: tstz("delivered_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("orders_store_number_uq").on(t.storeId, t.number),
    index("orders_customer_idx").on(t.customerId),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: serial("id").primaryKey(),
    orderId: integer("order_id").notNull().references(() => orders.id, { onDelete: "cascade" }),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    unitPriceCents: integer("unit_price_cents").notNull(),
    quantity: integer("quantity").notNull(),
    // Product facts the rule book keys on (E5 electronics, L7 consumables, L5 motors, A5 part types).
    electronic: boolean("electronic").notNull().default(false),
    consumable: boolean("consumable").notNull().default(false),
    motor: boolean("motor").notNull().default(false),
    partType: text("part_type"),
  },
  (t) => [index("order_lines_order_idx").on(t.orderId)],
);
