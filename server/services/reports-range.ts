import { and, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { ReportRangeInput } from "../../shared/schemas/reports.ts";
import { closedStatuses } from "../../shared/workflow/statuses.ts";
import type { SessionUser } from "../trpc/context.ts";
import { storeScope } from "./scope.ts";

// Every report reads the same range and store filter: whole UTC days, `to` included, inside the caller's stores.

export type ReportRange = { from: Date; end: Date; fromDay: string; toDay: string; now: Date };

export function reportRange(input: ReportRangeInput, now: Date): ReportRange {
  const from = new Date(`${input.from}T00:00:00Z`);
  const end = new Date(Date.parse(`${input.to}T00:00:00Z`) + 86_400_000);
  return { from, end, fromDay: input.from, toDay: input.to, now };
}

/** The caller's store scope narrowed by the filter; a filter naming a store outside the scope simply finds nothing there. */
export function storeFilter(user: SessionUser, column: AnyPgColumn, storeIds: string[] | undefined): SQL {
  const wanted = storeIds?.length ? inArray(column, storeIds) : undefined;
  return and(sql`true`, storeScope(user, column), wanted)!;
}

export const openClaim = (status: AnyPgColumn) => sql`${status} not in (${sql.raw(closedStatuses.map((x) => `'${x}'`).join(", "))})`;

/** `[from, end)` on a timestamp column. */
export const inRange = (column: AnyPgColumn, r: ReportRange) => sql`${column} >= ${r.from.toISOString()}::timestamptz and ${column} < ${r.end.toISOString()}::timestamptz`;

export const hours = (x: unknown) => (x === null || x === undefined ? null : Math.round(Number(x) * 10) / 10);
