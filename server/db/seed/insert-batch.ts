import { getTableColumns, getTableName, Param, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../client.ts";
import { claimEvents, claimLines, claims, customers, evidenceItems, orderLines, orders, refundLines, refunds } from "../schema/index.ts";
import type { Batch, IdCursor } from "./generate.ts";

const arrayType = (sqlType: string) => (sqlType === "serial" ? "integer" : sqlType === "bigserial" ? "bigint" : sqlType);

/**
 * One `insert … select from unnest($1::int[], $2::text[], …)` per table: a handful of array parameters
 * instead of tens of thousands of scalars, which makes bulk seeding ~5× faster than multi-row VALUES
 * on both PGlite and PostgreSQL. Columns are those present in the rows; absent values are NULL.
 */
export async function insertUnnest<T extends PgTable>(db: DbOrTx, table: T, rows: T["$inferInsert"][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  const arrays: SQL[] = columns.map(([key, col]) => {
    const type = arrayType(col.getSQLType());
    const values = rows.map((r) => {
      const v = (r as Record<string, unknown>)[key];
      if (v === undefined || v === null) return null;
      if (v instanceof Date) return v.toISOString();
      return type === "jsonb" ? JSON.stringify(v) : v;
    });
    return sql`${new Param(values)}::${sql.raw(type)}[]`;
  });
  const names = sql.raw(columns.map(([, col]) => `"${col.name}"`).join(", "));
  await db.execute(sql`insert into ${sql.identifier(getTableName(table))} (${names}) select * from unnest(${sql.join(arrays, sql`, `)})`);
}

/** One transaction per batch: an interrupted seed leaves whole claims or none. */
export async function insertBatch(db: Db, b: Batch): Promise<void> {
  await db.transaction(async (tx) => {
    await insertUnnest(tx, customers, b.customers);
    await insertUnnest(tx, orders, b.orders);
    await insertUnnest(tx, orderLines, b.orderLines);
    await insertUnnest(tx, claims, b.claims);
    await insertUnnest(tx, claimLines, b.claimLines);
    await insertUnnest(tx, evidenceItems, b.evidence);
    await insertUnnest(tx, claimEvents, b.events);
    await insertUnnest(tx, refunds, b.refunds);
    await insertUnnest(tx, refundLines, b.refundLines);
  });
}

const sequenced = ["customers", "orders", "order_lines", "claims", "claim_lines", "evidence_items", "refunds"] as const;

/** Seeding writes explicit ids for speed, so afterwards each serial sequence must catch up. */
export async function nextIds(db: Db): Promise<IdCursor> {
  const res = await db.execute<Record<string, number>>(
    sql.raw(`select ${sequenced.map((t) => `(select coalesce(max(id), 0) + 1 from ${t})::int as ${t}`).join(", ")}`),
  );
  const r = res.rows[0]!;
  return { customer: r.customers!, order: r.orders!, orderLine: r.order_lines!, claim: r.claims!, claimLine: r.claim_lines!, evidence: r.evidence_items!, refund: r.refunds! };
}

export async function syncSequences(db: Db): Promise<void> {
  for (const t of sequenced) {
    await db.execute(sql.raw(`select setval(pg_get_serial_sequence('${t}', 'id'), greatest((select max(id) from ${t}), 1))`));
  }
}
