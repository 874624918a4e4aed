import { jsonb, pgTable, integer, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps, tstz } from "./columns.ts";

export const stores = pgTable("stores", {
  id: text("id").primaryKey(), // the store key of the rule book: kinetic, layerworks, …
  name: text("name").notNull(),
  sells: text("sells").notNull(),
  currency: text("currency").notNull().default("USD"),
  ...timestamps,
});

/** Immutable snapshots of a store's rule document; a claim points at the one it was judged under. */
export const policyVersions = pgTable(
  "policy_versions",
  {
    id: serial("id").primaryKey(),
    storeId: text("store_id").notNull().references(() => stores.id),
    version: integer("version").notNull(),
    document: jsonb("document").notNull(),
    note: text("note"),
    createdById: integer("created_by_id"),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("policy_versions_store_version_uq").on(t.storeId, t.version)],
);
