import { TRPCError } from "@trpc/server";
import { inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { SessionUser } from "../trpc/context.ts";

/** Restricts a store column to the user's stores; `undefined` (no restriction) only for admins. */
export function storeScope(user: SessionUser, column: AnyPgColumn): SQL | undefined {
  if (user.storeIds === null) return undefined;
  if (user.storeIds.length === 0) return sql`false`;
  return inArray(column, user.storeIds);
}

export function assertStoreAccess(user: SessionUser, storeId: string, what: "claim" | "store" = "claim"): void {
  if (user.storeIds !== null && !user.storeIds.includes(storeId)) {
    // Same answer as a missing record, so store membership cannot be probed.
    throw new TRPCError({ code: "NOT_FOUND", message: what === "claim" ? "No such claim in your stores." : "No such store among yours." });
  }
}
