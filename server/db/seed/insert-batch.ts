import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { claimEvents, claimLines, claims, customers, evidenceItems, orderLines, orders } from "../schema/index.ts";
import type { Batch, IdCursor } from "./generate.ts";

// PostgreSQL allows 65,535 bind parameters per statement; 1,000 rows of ≤ 20 columns stays well under.
const CHUNK = 1000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** One transaction per batch: an interrupted seed leaves whole claims or none. */
export async function insertBatch(db: Db, b: Batch): Promise<void> {
  await db.transaction(async (tx) => {
    await insertChunked(b.customers, (c) => tx.insert(customers).values(c));
    await insertChunked(b.orders, (c) => tx.insert(orders).values(c));
    await insertChunked(b.orderLines, (c) => tx.insert(orderLines).values(c));
    await insertChunked(b.claims, (c) => tx.insert(claims).values(c));
    await insertChunked(b.claimLines, (c) => tx.insert(claimLines).values(c));
    await insertChunked(b.evidence, (c) => tx.insert(evidenceItems).values(c));
    await insertChunked(b.events, (c) => tx.insert(claimEvents).values(c));
  });
}

const sequenced = ["customers", "orders", "order_lines", "claims", "claim_lines", "evidence_items"] as const;

/** Seeding writes explicit ids for speed, so afterwards each serial sequence must catch up. */
export async function nextIds(db: Db): Promise<IdCursor> {
  const res = await db.execute<Record<string, number>>(sql.raw(
    `select ${sequenced.map((t) => `(select coalesce(max(id), 0) + 1 from ${t})::int as ${t}`).join(", ")}`,
  ));
  const r = res.rows[0]!;
  return { customer: r.customers!, order: r.orders!, orderLine: r.order_lines!, claim: r.claims!, claimLine: r.claim_lines!, evidence: r.evidence_items! };
}

export async function syncSequences(db: Db): Promise<void> {
  for (const t of sequenced) {
    await db.execute(sql.raw(`select setval(pg_get_serial_sequence('${t}', 'id'), greatest((select max(id) from ${t}), 1))`));
  }
}
