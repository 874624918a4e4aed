import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client.ts";
import { openTestDatabase } from "../../test/database.ts";
import { generateBatch } from "./generate.ts";
import { seedClaims } from "./demo.ts";
import { createRng } from "../../../shared/random.ts";
import { defaultPolicies } from "../../../shared/policy/index.ts";

const now = new Date("2026-11-20T12:00:00Z");
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedClaims(database.db, { count: 600, seed: 11, now, batchSize: 250, spanDays: 60 });
});
afterAll(() => database.close());

const rows = async (q: ReturnType<typeof sql>) => (await database.db.execute(q)).rows;

describe("demo data", () => {
  it("gives every claim past the approval step the refund that matches its status, decided by someone else (X3)", async () => {
    const mismatched = await rows(sql`
      select c.number, c.status from claims c
      where c.status in ('awaiting_approval', 'approved', 'refunded')
        and not exists (select 1 from refunds r where r.claim_id = c.id and r.status =
          case c.status when 'awaiting_approval' then 'proposed' when 'approved' then 'approved' else 'executed' end)`);
    expect(mismatched).toEqual([]);
    const selfApproved = await rows(sql`select id from refunds where decided_by_id = proposed_by_id`);
    expect(selfApproved).toEqual([]);
  });

  it("never refunds an order line more than it was paid (X2)", async () => {
    const over = await rows(sql`
      select ol.id from order_lines ol join refund_lines rl on rl.order_line_id = ol.id
      group by ol.id, ol.unit_price_cents, ol.quantity having sum(rl.amount_cents) > ol.unit_price_cents * ol.quantity`);
    expect(over).toEqual([]);
  });

  it("never refunds a claim more than its claimed units are worth on a line, and books each refund in full on its lines (issue 14, X9)", async () => {
    const over = await rows(sql`
      select r.claim_id, rl.order_line_id from refunds r join refund_lines rl on rl.refund_id = r.id
      join (select claim_id, order_line_id, sum(quantity) q from claim_lines group by 1, 2) cl on cl.claim_id = r.claim_id and cl.order_line_id = rl.order_line_id
      join order_lines ol on ol.id = rl.order_line_id
      where r.status <> 'rejected' group by 1, 2, cl.q, ol.unit_price_cents having sum(rl.amount_cents) > cl.q * ol.unit_price_cents`);
    expect(over).toEqual([]);
    const unbalanced = await rows(sql`select r.id from refunds r left join refund_lines rl on rl.refund_id = r.id group by r.id, r.amount_cents having coalesce(sum(rl.amount_cents), 0) <> r.amount_cents`);
    expect(unbalanced).toEqual([]);
  });

  it("numbers each claim's events from 1 without gaps and judges each claim under its store's policy", async () => {
    const gaps = await rows(sql`select claim_id from claim_events group by claim_id having min(seq) <> 1 or max(seq) <> count(*)`);
    expect(gaps).toEqual([]);
    const unjudged = await rows(sql`select id from claims where policy_version_id is null or eligibility is null`);
    expect(unjudged).toEqual([]);
  });

  it("covers every claim reason and is the same for the same seed", () => {
    const make = () =>
      generateBatch(createRng(5), { customer: 1, order: 1, orderLine: 1, claim: 1, claimLine: 1, evidence: 1, refund: 1 }, 400, {
        now,
        spanDays: 90,
        storeIds: ["kinetic", "layerworks", "everyday", "chipyard", "atelier"],
        assignees: { kinetic: [1], layerworks: [1], everyday: [2], chipyard: [2], atelier: [1] },
        approvers: [3],
        policies: Object.fromEntries(Object.entries(defaultPolicies).map(([k, document], i) => [k, { id: i + 1, document }])),
      });
    const a = make();
    const b = make();
    expect(a.claims.map((c) => [c.number, c.status, c.reason, c.eligibility])).toEqual(b.claims.map((c) => [c.number, c.status, c.reason, c.eligibility]));
    expect(new Set(a.claims.map((c) => c.reason)).size).toBe(11);
  });
});
