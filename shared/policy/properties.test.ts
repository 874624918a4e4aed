import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { calendarFor, isWorkingDay, localDay } from "../time.ts";
import {
  claimFactsSchema,
  claimReasons,
  clauseCatalog,
  decisionSchema,
  defaultPolicies,
  evaluateClaim,
  evidenceKinds,
  failureCauses,
  grades,
  inspectionResults,
  issueTypes,
  partTypes,
  storeKeys,
  voidCauses,
  type ClaimFactsInput,
  type Decision,
} from "./index.ts";

const BASE = Date.UTC(2025, 0, 6);
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const minutes = (maxDays: number) => fc.integer({ min: 0, max: maxDays * 1440 });

const arbLine = fc.record(
  {
    sku: fc.constantFrom("A", "B", "C"),
    unitPriceCents: fc.integer({ min: 0, max: 500_000 }),
    quantity: fc.integer({ min: 1, max: 5 }),
    electronic: fc.boolean(),
    consumable: fc.boolean(),
    motor: fc.boolean(),
    partType: fc.constantFrom(...partTypes),
    issueType: fc.constantFrom(...issueTypes),
    grade: fc.constantFrom(...grades),
    failureCause: fc.constantFrom(...failureCauses),
    voidCauses: fc.subarray([...voidCauses], { maxLength: 2 }),
    agentCents: fc.integer({ min: 0, max: 900_000 }),
  },
  { requiredKeys: ["sku", "unitPriceCents", "quantity"] },
);

const arbCondition = fc.record(
  {
    used: fc.boolean(),
    tested: fc.boolean(),
    programmed: fc.boolean(),
    packagingIntact: fc.boolean(),
    inspection: fc.constantFrom(...inspectionResults),
    deductionPct: fc.integer({ min: 0, max: 100 }),
  },
  { requiredKeys: ["used", "tested", "programmed", "packagingIntact"] },
);

/** Valid facts with instants in any order, as agents may enter them. */
export const arbFacts: fc.Arbitrary<ClaimFactsInput> = fc
  .record({
    reason: fc.constantFrom(...claimReasons),
    order: minutes(400),
    ship: opt(minutes(10)),
    deliver: opt(minutes(10)),
    report: minutes(500),
    approve: opt(minutes(20)),
    returnShip: opt(minutes(20)),
    receive: opt(minutes(20)),
    inspect: opt(minutes(20)),
    lines: fc.array(arbLine, { minLength: 1, maxLength: 3 }),
    evidence: fc.array(fc.constantFrom(...evidenceKinds), { maxLength: 16 }),
    condition: opt(arbCondition),
    voidFindings: fc.subarray([...voidCauses]),
    packagingSeverity: opt(fc.constantFrom("minor" as const, "severe" as const)),
    complex: opt(fc.boolean()),
    returnCarrier: opt(fc.constantFrom("FedEx", "DHL", "USPS")),
    pauses: fc.array(fc.tuple(minutes(300), minutes(30), fc.boolean()), { maxLength: 2 }),
    receivedItemValueCents: opt(fc.integer({ min: 0, max: 900_000 })),
    purchaseCostCents: opt(fc.integer({ min: 0, max: 900_000 })),
    exportPostageCents: opt(fc.integer({ min: 0, max: 50_000 })),
    customerAdvancedFreight: opt(fc.boolean()),
    advancedFreightCents: opt(fc.integer({ min: 0, max: 20_000 })),
  })
  .map((r) => {
    const order = BASE + r.order * MIN;
    const shipped = r.ship === undefined ? undefined : order + r.ship * MIN;
    const delivered = r.deliver === undefined ? undefined : (shipped ?? order) + r.deliver * MIN;
    const reported = order + r.report * MIN;
    const approved = r.approve === undefined ? undefined : reported + r.approve * MIN;
    const later = (m: number | undefined) => (m === undefined ? undefined : iso((approved ?? reported) + m * MIN));
    const f: ClaimFactsInput = {
      reason: r.reason,
      orderPlacedAt: iso(order),
      reportedAt: iso(reported),
      lines: r.lines,
      evidence: r.evidence.map((kind) => ({ kind })),
      voidFindings: r.voidFindings,
      repairPauses: r.pauses.map(([s, len, tracked]) => ({
        leftAt: iso(order + s * MIN),
        backAt: iso(order + (s + len) * MIN),
        ...(tracked ? { leftTracking: "1Z999AA10123456784", backTracking: "1Z999AA10123456785" } : {}),
      })),
    };
    if (shipped !== undefined) f.shippedAt = iso(shipped);
    if (delivered !== undefined) f.deliveredAt = iso(delivered);
    if (approved !== undefined) f.approvedAt = iso(approved);
    const returnShipped = later(r.returnShip);
    if (returnShipped) f.returnShippedAt = returnShipped;
    const received = later(r.receive);
    if (received) f.returnReceivedAt = received;
    const inspected = later(r.inspect);
    if (inspected) f.inspectedAt = inspected;
    for (const key of ["condition", "packagingSeverity", "complex", "returnCarrier", "receivedItemValueCents", "purchaseCostCents", "exportPostageCents", "customerAdvancedFreight", "advancedFreightCents"] as const) {
      if (r[key] !== undefined) Object.assign(f, { [key]: r[key] });
    }
    return f;
  });

const arbCase = fc.record({ store: fc.constantFrom(...storeKeys), facts: arbFacts, nowAfter: minutes(60) });
const nowFor = (facts: ClaimFactsInput, nowAfter: number) => iso(Date.parse(facts.reportedAt) + nowAfter * MIN);
const paidTotal = (f: ClaimFactsInput) => f.lines.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0);
const RUNS = { numRuns: 400 };

/** The fact each deadline key counts from (refund_due and report_by have several). */
const startsOf: Record<string, (f: ClaimFactsInput) => (string | undefined)[]> = {
  review_due: (f) => [f.reportedAt],
  customer_ship_due: (f) => [f.approvedAt],
  exchange_ship_due: (f) => [f.returnReceivedAt],
  freight_reimbursement_due: (f) => [f.returnReceivedAt],
  refund_due: (f) => [f.inspectedAt, f.returnReceivedAt, f.reportedAt, f.approvedAt],
  report_by: (f) => [f.deliveredAt, f.orderPlacedAt, f.shippedAt],
};

describe("engine properties", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("[X2] no option ever refunds more than was paid for the claimed lines", () => {
    fc.assert(
      fc.property(arbCase, ({ store, facts, nowAfter }) => {
        expect(claimFactsSchema.safeParse(facts).success).toBe(true);
        const d = evaluateClaim(defaultPolicies[store], facts, nowFor(facts, nowAfter));
        decisionSchema.parse(d);
        for (const o of d.options) if (o.refundCents !== undefined) expect(o.refundCents).toBeLessThanOrEqual(paidTotal(facts));
      }),
      RUNS,
    );
  });

  it("[X9] an option's amount is the sum of its lines' own amounts, none above what its line paid", () => {
    fc.assert(
      fc.property(arbCase, ({ store, facts, nowAfter }) => {
        const d = evaluateClaim(defaultPolicies[store], facts, nowFor(facts, nowAfter));
        const skus = new Set(facts.lines.map((l) => l.sku));
        for (const o of d.options) {
          expect(o.lines?.length).toBeGreaterThan(0);
          for (const sku of o.lines ?? []) expect(skus.has(sku)).toBe(true);
          if (!o.lineRefunds) continue;
          expect(o.lineRefunds.reduce((sum, l) => sum + l.refundCents, 0)).toBe(o.refundCents);
          for (const l of o.lineRefunds) {
            const paid = Math.max(...facts.lines.filter((x) => x.sku === l.sku).map((x) => x.unitPriceCents * x.quantity));
            expect(l.refundCents).toBeLessThanOrEqual(paid);
          }
        }
      }),
      RUNS,
    );
  });

  it("[X8] a refund for goods that travel back is payable exactly when they are back (and inspected where the store inspects)", () => {
    fc.assert(
      fc.property(arbCase, ({ store, facts, nowAfter }) => {
        const d = evaluateClaim(defaultPolicies[store], facts, nowFor(facts, nowAfter));
        const inspects = defaultPolicies[store].returnInspection !== undefined;
        for (const o of d.options) {
          if (o.kind === "return_for_refund") expect(o.payableAfter).toBeDefined();
          if (o.payableAfter === undefined) continue;
          const back = facts.returnReceivedAt !== undefined && (!inspects || facts.inspectedAt !== undefined);
          expect(o.payable).toBe(back);
          expect(d.clauses).toContain("X8");
        }
      }),
      RUNS,
    );
  });

  it("deadlines never precede their start, and working-day deadlines land on working days", () => {
    const workingDayClauses = new Set(["E4", "E7", "C6", "C8", "C10"]);
    fc.assert(
      fc.property(arbCase, ({ store, facts, nowAfter }) => {
        const doc = defaultPolicies[store];
        const cal = calendarFor(doc.timeZone, doc.holidays);
        for (const dl of evaluateClaim(doc, facts, nowFor(facts, nowAfter)).deadlines) {
          const starts = (startsOf[dl.key]?.(facts) ?? []).filter((s): s is string => s !== undefined).map(Date.parse);
          expect(starts.length).toBeGreaterThan(0);
          expect(Date.parse(dl.dueAt)).toBeGreaterThanOrEqual(Math.min(...starts));
          if (dl.key !== "report_by" && workingDayClauses.has(dl.clause)) expect(isWorkingDay(cal, localDay(cal, Date.parse(dl.dueAt)))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("evaluation is deterministic and ignores the machine clock", () => {
    fc.assert(
      fc.property(arbCase, ({ store, facts, nowAfter }) => {
        const now = nowFor(facts, nowAfter);
        const first = evaluateClaim(defaultPolicies[store], facts, now);
        vi.useFakeTimers();
        vi.setSystemTime(new Date("2031-07-01T00:00:00Z"));
        const second = evaluateClaim(defaultPolicies[store], structuredClone(facts), new Date(now));
        vi.useRealTimers();
        expect(second).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it("[X4] every clause a finding, option or deadline names is listed, and every listed clause exists", () => {
    const known = new Set(clauseCatalog.map((c) => c.id));
    fc.assert(
      fc.property(arbCase, ({ store, facts, nowAfter }) => {
        const d: Decision = evaluateClaim(defaultPolicies[store], facts, nowFor(facts, nowAfter));
        const named = [...d.findings.map((f) => f.clause), ...d.deadlines.map((x) => x.clause), ...d.options.flatMap((o) => (o.clause ? [o.clause] : []))];
        for (const c of named) expect(d.clauses).toContain(c);
        for (const c of d.clauses) expect(known.has(c), c).toBe(true);
      }),
      RUNS,
    );
  });

  it("[X5] evidence never decides between ineligible and not", () => {
    const everything = evidenceKinds.flatMap((kind) => Array.from({ length: 10 }, () => ({ kind })));
    fc.assert(
      fc.property(arbCase, ({ store, facts, nowAfter }) => {
        const now = nowFor(facts, nowAfter);
        const bare = evaluateClaim(defaultPolicies[store], { ...facts, evidence: [] }, now);
        const full = evaluateClaim(defaultPolicies[store], { ...facts, evidence: everything }, now);
        expect(bare.eligibility === "ineligible").toBe(full.eligibility === "ineligible");
        // L9's request for a repair pause's tracking numbers is about the pause's record, not evidence items.
        expect(full.findings.filter((f) => f.code === "evidence_missing" && f.clause !== "L9")).toEqual([]);
        expect(full.evidence.every((e) => e.provided >= e.required)).toBe(true);
      }),
      RUNS,
    );
  });
});
