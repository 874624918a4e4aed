import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { seedClaims } from "../../db/seed/demo.ts";
import { callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";

const now = new Date("2026-11-20T15:00:00Z");
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedClaims(database.db, { count: 400, seed: 7, now, batchSize: 200, spanDays: 20 });
  // Replace the engine's due dates with a known slice, so the due filters have something exact to find.
  await database.db.execute(sql`update claims set due_at = null`);
  await database.db.execute(sql`update claims set due_at = ${new Date(now.getTime() - 3_600_000)} where id % 10 = 0`);
  await database.db.execute(sql`update claims set due_at = ${new Date(now.getTime() + 3_600_000)} where id % 10 = 1`);
  c = await callersFor(database.db, now);
});
afterAll(() => database.close());

const count = async (where: string) => Number((await database.db.execute<{ n: number }>(sql.raw(`select count(*)::int n from claims c where ${where}`))).rows[0]!.n);
const open = "status not in ('closed','rejected','cancelled')";

describe("claims.listClaims", () => {
  it("shows an agent only the open claims of their stores, 50 a page by default", async () => {
    const page = await c.agent.claims.listClaims({});
    expect(page.rows).toHaveLength(50);
    for (const r of page.rows) expect(["atelier", "kinetic", "layerworks"]).toContain(r.storeId);
    expect(page.total).toBe(await count(`${open} and store_id in ('atelier','kinetic','layerworks')`));
    expect(page.totalCapped).toBe(false);
  });

  it("lets an admin see every store", async () => {
    const page = await c.admin.claims.listClaims({ filters: { includeClosed: true } });
    expect(page.total).toBe(400);
  });

  it("never returns another store's claim, even when the filter asks for it", async () => {
    const page = await c.agent.claims.listClaims({ filters: { store: ["everyday", "chipyard"] } });
    expect(page.total).toBe(0);
    expect(page.rows).toEqual([]);
  });

  it("filters by status, reason, priority and assignee together", async () => {
    const page = await c.supervisor.claims.listClaims({
      filters: { status: ["in_review", "awaiting_evidence"], reason: ["quality_defect"], priority: ["normal", "high"], assignee: ["unassigned"] },
      pageSize: 100,
    });
    expect(page.total).toBe(await count("status in ('in_review','awaiting_evidence') and reason = 'quality_defect' and priority in (1,2) and assignee_id is null"));
    for (const r of page.rows) {
      expect(["in_review", "awaiting_evidence"]).toContain(r.status);
      expect(r.reason).toBe("quality_defect");
      expect(r.assigneeId).toBeNull();
    }
  });

  it("finds 'my claims' through the assignee filter", async () => {
    const page = await c.agent.claims.listClaims({ filters: { assignee: ["me"] }, pageSize: 100 });
    expect(page.total).toBe(await count(`${open} and assignee_id = ${c.users.agent.id}`));
    expect(page.rows.every((r) => r.assigneeName === "Alex Agent")).toBe(true);
  });

  it("finds overdue and due-today claims relative to the viewer's day", async () => {
    const overdue = await c.admin.claims.listClaims({ filters: { due: "overdue" }, pageSize: 100 });
    expect(overdue.total).toBe(await count(`${open} and id % 10 = 0`));
    const today = await c.admin.claims.listClaims({ filters: { due: "today" }, timeZone: "UTC", pageSize: 100 });
    expect(today.total).toBe(await count(`${open} and id % 10 = 1`));
    // At 15:00 UTC it is already tomorrow in Tokyo: the claims due at 16:00 UTC are due "today" there too.
    const tokyo = await c.admin.claims.listClaims({ filters: { due: "today" }, timeZone: "Asia/Tokyo", pageSize: 100 });
    expect(tokyo.total).toBe(today.total);
    await expect(c.admin.claims.listClaims({ filters: { due: "today" }, timeZone: "Mars/Olympus" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("searches claim number, order number, customer e-mail and name", async () => {
    const [target] = (await c.admin.claims.listClaims({ filters: { includeClosed: true }, pageSize: 25 })).rows;
    for (const q of [target!.number, target!.orderNumber, target!.customerEmail.toUpperCase(), target!.customerName.split(" ")[1]!]) {
      const found = await c.admin.claims.listClaims({ filters: { q, includeClosed: true }, pageSize: 100 });
      expect(found.rows.map((r) => r.number)).toContain(target!.number);
    }
    // A piece of a surname finds every claim of a customer whose name holds it, and only those.
    const piece = target!.customerName.split(" ")[1]!.slice(1, -1).toUpperCase();
    const byPiece = await c.admin.claims.listClaims({ filters: { q: piece, includeClosed: true }, pageSize: 100 });
    expect(byPiece.rows.map((r) => r.number)).toContain(target!.number);
    expect(byPiece.total).toBe(await count(`search_text like '%${piece.toLowerCase().replace(/'/g, "''")}%'`));
    const none = await c.admin.claims.listClaims({ filters: { q: "%' or 1=1 --", includeClosed: true } });
    expect(none.total).toBe(0);
  });

  it("sorts by every sortable column in both directions, with stable paging", async () => {
    for (const sortBy of ["number", "createdAt", "updatedAt", "dueAt", "priority", "status", "store", "reason"] as const) {
      for (const sortOrder of ["asc", "desc"] as const) {
        const p1 = await c.admin.claims.listClaims({ sortBy, sortOrder, pageSize: 25, page: 1, filters: { includeClosed: true } });
        const p2 = await c.admin.claims.listClaims({ sortBy, sortOrder, pageSize: 25, page: 2, filters: { includeClosed: true } });
        const ids = [...p1.rows, ...p2.rows].map((r) => r.id);
        expect(new Set(ids).size).toBe(50);
        if (sortBy === "number") {
          const sorted = [...ids].sort((a, b) => (sortOrder === "asc" ? a - b : b - a));
          expect(ids).toEqual(sorted);
        }
        if (sortBy === "createdAt") {
          const times = [...p1.rows, ...p2.rows].map((r) => r.createdAt.getTime());
          expect(times).toEqual([...times].sort((a, b) => (sortOrder === "asc" ? a - b : b - a)));
        }
      }
    }
  });

  it("rejects page sizes outside 25/50/100 and unknown sort keys", async () => {
    await expect(c.agent.claims.listClaims({ pageSize: 1000 as 50 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.agent.claims.listClaims({ sortBy: "password" as "number" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("claims.listClaimFacets", () => {
  it("counts each dimension under the other filters", async () => {
    const facets = await c.admin.claims.listClaimFacets({ filters: { store: ["kinetic"], status: ["in_review"] } });
    expect(facets.status.in_review).toBe(await count("store_id = 'kinetic' and status = 'in_review'"));
    expect(facets.status.closed).toBe(await count("store_id = 'kinetic' and status = 'closed'"));
    expect(facets.store.everyday).toBe(await count("store_id = 'everyday' and status = 'in_review'"));
    // Dimensions without a filter of their own come from one GROUPING SETS scan.
    expect(facets.reason.quality_defect).toBe(await count("store_id = 'kinetic' and status = 'in_review' and reason = 'quality_defect'"));
    expect(facets.priority.normal).toBe(await count("store_id = 'kinetic' and status = 'in_review' and priority = 1"));
    expect(facets.assignee.unassigned ?? 0).toBe(await count("store_id = 'kinetic' and status = 'in_review' and assignee_id is null"));
  });

  it("counts every status, closed history too, while a status filter is picked", async () => {
    const facets = await c.supervisor.claims.listClaimFacets({ filters: { status: ["in_review"], priority: ["urgent", "high"] } });
    const expected = await database.db.execute<{ status: string; n: number }>(
      sql`select status, count(*)::int n from claims where priority in (2, 3) group by status`,
    );
    expect(facets.status).toEqual(Object.fromEntries(expected.rows.map((r) => [r.status, Number(r.n)])));
    expect(Object.keys(facets.status)).toEqual(expect.arrayContaining(["closed"]));
    expect(facets.priority.urgent).toBe(await count("status = 'in_review' and priority = 3"));
  });

  it("counts the open queue of an agent's stores with no filter", async () => {
    const facets = await c.agent.claims.listClaimFacets({ filters: {} });
    const stores = "store_id in ('atelier','kinetic','layerworks')";
    expect(facets.status.in_review ?? 0).toBe(await count(`${stores} and status = 'in_review'`));
    expect(facets.status.closed).toBeUndefined();
    expect(Object.keys(facets.store).sort()).toEqual(["atelier", "kinetic", "layerworks"]);
    // Every dimension's numbers, unassigned included, are the open queue grouped by that column alone.
    const per = async (column: string) =>
      Object.fromEntries(
        (await database.db.execute<{ v: string | number | null; n: number }>(sql.raw(`select ${column} v, count(*)::int n from claims where ${stores} and ${open} group by 1`))).rows.map(
          (r) => [r.v === null ? "unassigned" : column === "priority" ? ["low", "normal", "high", "urgent"][Number(r.v)] : String(r.v), Number(r.n)],
        ),
      );
    expect(facets.status).toEqual(await per("status"));
    expect(facets.reason).toEqual(await per("reason"));
    expect(facets.priority).toEqual(await per("priority"));
    expect(facets.assignee).toEqual(await per("assignee_id"));
    expect(facets.assignee.unassigned).toBeGreaterThan(0);
  });
});

describe("claims.getClaim", () => {
  it("returns order, customer, lines, evidence and timeline of a claim in the caller's stores", async () => {
    const [row] = (await c.agent.claims.listClaims({ pageSize: 25 })).rows;
    const claim = await c.agent.claims.getClaim({ number: row!.number });
    expect(claim.number).toBe(row!.number);
    expect(claim.order.number).toBe(row!.orderNumber);
    expect(claim.customer.email).toBe(row!.customerEmail);
    expect(claim.lines.length).toBeGreaterThan(0);
    expect(claim.events[0]).toMatchObject({ seq: 1, type: "claim_opened" });
  });

  it("answers NOT_FOUND for another store's claim, exactly as for a missing one", async () => {
    const [other] = (await c.admin.claims.listClaims({ filters: { store: ["everyday"] }, pageSize: 25 })).rows;
    await expect(c.agent.claims.getClaim({ number: other!.number })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.agent.claims.getClaim({ number: "CLM-999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
