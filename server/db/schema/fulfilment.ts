import { index, integer, jsonb, pgTable, serial, text } from "drizzle-orm/pg-core";
import { timestamps, tstz } from "./columns.ts";
import { claims } from "./claims.ts";
import { users } from "./users.ts";

export type ShipmentPart = { sku: string; name: string; quantity: number };

/** Goods moving because of a claim: replacements and exchanges out, returns in, repairs out and back (L9). */
export const shipments = pgTable(
  "shipments",
  {
    id: serial("id").primaryKey(),
    claimId: integer("claim_id").notNull().references(() => claims.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(), // replacement | exchange | return | repair_out | repair_back
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    parts: jsonb("parts").$type<ShipmentPart[]>().notNull().default([]),
    status: text("status").notNull().default("pending"), // pending | shipped | delivered | received
    shippedAt: tstz("shipped_at"),
    deliveredAt: tstz("delivered_at"),
    createdById: integer("created_by_id").references(() => users.id),
    ...timestamps,
  },
  (t) => [index("shipments_claim_idx").on(t.claimId)],
);

/** What the store claims back from the carrier for carrier damage and lost parcels. */
export const carrierRecoveries = pgTable(
  "carrier_recoveries",
  {
    id: serial("id").primaryKey(),
    claimId: integer("claim_id").notNull().references(() => claims.id, { onDelete: "cascade" }),
    carrier: text("carrier").notNull(),
    reference: text("reference"),
    amountClaimedCents: integer("amount_claimed_cents").notNull(),
    amountRecoveredCents: integer("amount_recovered_cents").notNull().default(0),
    status: text("status").notNull().default("filed"), // filed | in_progress | paid | denied
    note: text("note"),
    filedAt: tstz("filed_at").notNull().defaultNow(),
    closedAt: tstz("closed_at"),
    createdById: integer("created_by_id").references(() => users.id),
    ...timestamps,
  },
  (t) => [index("carrier_recoveries_claim_idx").on(t.claimId), index("carrier_recoveries_status_idx").on(t.status)],
);
