import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUE_COUNT_CAP, SEARCH_COUNT_CAP } from "../../../shared/schemas/claim-queue.ts";
import type { Database } from "../../db/client.ts";
import { seedClaims } from "../../db/seed/demo.ts";
import { callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";

const now = new Date("2026-11-20T15:00:00Z");
const seeded = SEARCH_COUNT_CAP + 50;
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedClaims(database.db, { count: seeded, seed: 11, now, batchSize: 500, spanDays: 30 });
  c = await callersFor(database.db, now);
}, 120_000);
afterAll(() => database.close());

describe("claims.listClaims counting", () => {
  it("counts a text search only to 1,000 and says so, with pages up to there", async () => {
    // Every claim number holds "clm-": a search as broad as the whole table.
    const first = await c.admin.claims.listClaims({ filters: { q: "clm-", includeClosed: true }, pageSize: 100 });
    expect(first).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true, countCap: SEARCH_COUNT_CAP });
    expect(first.rows).toHaveLength(100);
    const last = await c.admin.claims.listClaims({ filters: { q: "clm-", includeClosed: true }, pageSize: 100, page: SEARCH_COUNT_CAP / 100 });
    expect(last.rows).toHaveLength(100);
  });

  it("counts the same claims exactly when they are listed by filters, not searched", async () => {
    const page = await c.admin.claims.listClaims({ filters: { includeClosed: true } });
    expect(page).toMatchObject({ total: seeded, totalCapped: false, countCap: QUEUE_COUNT_CAP });
  });

  it("counts a search below the cap exactly", async () => {
    const one = await c.admin.claims.listClaims({ filters: { includeClosed: true }, pageSize: 25 });
    const found = await c.admin.claims.listClaims({ filters: { q: one.rows[0]!.number, includeClosed: true } });
    expect(found).toMatchObject({ total: 1, totalCapped: false, countCap: SEARCH_COUNT_CAP });
  });

  // Last: it closes every claim, so the status facet has a closed status past the search's cap.
  it("stops the status facet's closed counts at the same cap under a search", async () => {
    await database.db.execute(sql`update claims set status = 'closed'`);
    const filters = { q: "clm-", status: ["closed" as const], includeClosed: true };
    const facets = await c.admin.claims.listClaimFacets({ filters });
    expect(facets.status.closed).toBe(SEARCH_COUNT_CAP + 1);
    const listed = await c.admin.claims.listClaimFacets({ filters: { status: ["closed"], includeClosed: true } });
    expect(listed.status.closed).toBe(seeded);
  });
});
