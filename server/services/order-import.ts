import { TRPCError } from "@trpc/server";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { commitOrderImportInput, previewOrderImportInput } from "../../shared/schemas/order-import.ts";
import type { Db } from "../db/client.ts";
import { orders, stores } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { recordAdminAudit } from "./admin-audit.ts";
import { parseOrderCsv } from "./order-import-parse.ts";
import { OrderLineConflict, upsertOrder } from "./order-upsert.ts";
import { assertStoreAccess } from "./scope.ts";

export type ImportRowStatus = "create" | "update" | "invalid" | "skipped";

async function checkedStore(db: Db, user: SessionUser, storeId: string) {
  assertStoreAccess(user, storeId, "store");
  const [store] = await db.select({ id: stores.id, name: stores.name }).from(stores).where(eq(stores.id, storeId));
  if (!store) throw new TRPCError({ code: "NOT_FOUND", message: "No such store among yours." });
  return store;
}

/** What an import would do, row by row, without writing anything. */
export async function previewOrderImport(db: Db, user: SessionUser, input: z.output<typeof previewOrderImportInput>) {
  await checkedStore(db, user, input.storeId);
  const parsed = parseOrderCsv(input.csv);
  const numbers = [...new Set(parsed.orders.map((o) => o.number))];
  const existing = new Set(
    numbers.length
      ? (await db.select({ number: orders.number }).from(orders).where(and(eq(orders.storeId, input.storeId), inArray(orders.number, numbers)))).map((o) => o.number)
      : [],
  );
  const importable = new Set(parsed.orders.map((o) => o.number));
  const rows = parsed.rows.map((r) => ({
    ...r,
    status: (r.issues.length ? "invalid" : !importable.has(r.orderNumber) ? "skipped" : existing.has(r.orderNumber) ? "update" : "create") as ImportRowStatus,
  }));
  const invalidRows = rows.filter((r) => r.status === "invalid").length;
  return {
    fileIssues: parsed.fileIssues,
    rows,
    summary: {
      rows: rows.length,
      invalidRows,
      /** Valid rows left out because another row of their order is invalid. */
      skippedRows: rows.filter((r) => r.status === "skipped").length,
      newOrders: numbers.filter((n) => !existing.has(n)).length,
      updatedOrders: numbers.filter((n) => existing.has(n)).length,
    },
  };
}

/**
 * Imports in one transaction: all orders or none. With invalid rows it refuses unless the person chose to
 * skip them (and with them the rest of their order, so no order is imported with lines missing).
 */
export async function commitOrderImport(db: Db, user: SessionUser, input: z.output<typeof commitOrderImportInput>, now: Date) {
  const store = await checkedStore(db, user, input.storeId);
  const parsed = parseOrderCsv(input.csv);
  if (parsed.fileIssues.length) throw new TRPCError({ code: "BAD_REQUEST", message: parsed.fileIssues.join(" ") });
  const invalid = parsed.rows.filter((r) => r.issues.length);
  if (invalid.length && !input.skipInvalid) {
    const first = invalid[0]!.issues[0]!;
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `${invalid.length} row${invalid.length > 1 ? "s are" : " is"} invalid (first: row ${first.row}, ${first.column}: ${first.message}). Nothing was imported; fix the file or choose to skip invalid rows.`,
    });
  }
  if (parsed.orders.length === 0) throw new TRPCError({ code: "BAD_REQUEST", message: "No valid rows to import." });
  const importedRows = parsed.orders.reduce((n, o) => n + o.rows.length, 0);
  return db.transaction(async (tx) => {
    let created = 0;
    for (const order of parsed.orders) {
      try {
        if ((await upsertOrder(tx, store.id, order.number, order.body)).created) created++;
      } catch (error) {
        if (error instanceof OrderLineConflict) {
          throw new TRPCError({ code: "CONFLICT", message: `Order ${order.number} (rows ${order.rows.join(", ")}): ${error.message} Nothing was imported.` });
        }
        throw error;
      }
    }
    const result = { created, updated: parsed.orders.length - created, importedRows, skippedRows: parsed.rows.length - importedRows };
    await recordAdminAudit(tx, { actorId: user.id, action: "orders_imported", targetType: "store", targetId: store.id, data: result, at: now });
    return result;
  });
}
