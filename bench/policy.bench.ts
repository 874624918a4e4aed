// `npm run bench:policy`: evaluates 100,000 varied claims (every store, every
// reason, a deterministic PRNG) five times and prints the median throughput.
// Target: ≥ 50,000 claims/s on one core.

import { performance } from "node:perf_hooks";
import {
  claimReasons,
  defaultPolicies,
  evaluateClaim,
  evidenceKinds,
  grades,
  inspectionResults,
  issueTypes,
  partTypes,
  storeKeys,
  voidCauses,
  type ClaimFactsInput,
  type StoreKey,
} from "../shared/policy/index.ts";
import { createRng } from "../shared/random.ts";

const CLAIMS = 100_000;
const RUNS = 5;

const rand = createRng(20_250_301).next;
const int = (max: number) => Math.floor(rand() * max);
const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
const maybe = <T>(value: () => T, p = 0.5): T | undefined => (rand() < p ? value() : undefined);
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

function makeClaim(i: number): { store: StoreKey; facts: ClaimFactsInput; now: string } {
  const store = storeKeys[i % storeKeys.length] as StoreKey;
  const order = Date.UTC(2024, 0, 1) + int(700 * 24) * HOUR;
  const shipped = order + int(72) * HOUR;
  const delivered = shipped + int(240) * HOUR;
  const reported = delivered + int(24 * 120) * HOUR;
  const approved = maybe(() => reported + int(96) * HOUR, 0.6);
  const facts: ClaimFactsInput = {
    reason: claimReasons[Math.floor(i / storeKeys.length) % claimReasons.length]!,
    orderPlacedAt: iso(order),
    reportedAt: iso(reported),
    lines: Array.from({ length: 1 + int(3) }, (_, n) => ({
      sku: `SKU-${n}`,
      unitPriceCents: 100 + int(50_000),
      quantity: 1 + int(3),
      electronic: rand() < 0.4,
      consumable: rand() < 0.2,
      motor: rand() < 0.3,
      ...(rand() < 0.6 ? { partType: pick(partTypes) } : {}),
      ...(rand() < 0.5 ? { issueType: pick(issueTypes) } : {}),
      ...(rand() < 0.4 ? { grade: pick(grades) } : {}),
      ...(rand() < 0.3 ? { failureCause: rand() < 0.5 ? ("defect" as const) : ("wear_and_tear" as const) } : {}),
    })),
    evidence: Array.from({ length: int(14) }, () => ({ kind: pick(evidenceKinds) })),
    voidFindings: rand() < 0.15 ? [pick(voidCauses)] : [],
    repairPauses: rand() < 0.1 ? [{ leftAt: iso(delivered + 1000 * HOUR), backAt: iso(delivered + 1300 * HOUR) }] : [],
  };
  if (rand() < 0.9) facts.shippedAt = iso(shipped);
  if (rand() < 0.9) facts.deliveredAt = iso(delivered);
  if (approved !== undefined) {
    facts.approvedAt = iso(approved);
    if (rand() < 0.5) facts.returnShippedAt = iso(approved + int(240) * HOUR);
    if (rand() < 0.4) facts.returnReceivedAt = iso(approved + int(400) * HOUR);
    if (rand() < 0.3) facts.inspectedAt = iso(approved + int(500) * HOUR);
  }
  if (rand() < 0.5) {
    facts.condition = {
      used: rand() < 0.3,
      tested: rand() < 0.3,
      programmed: rand() < 0.2,
      packagingIntact: rand() < 0.7,
      ...(rand() < 0.6 ? { inspection: pick(inspectionResults) } : {}),
      ...(rand() < 0.5 ? { deductionPct: int(100) } : {}),
    };
  }
  if (rand() < 0.5) facts.packagingSeverity = rand() < 0.5 ? "minor" : "severe";
  if (rand() < 0.3) facts.complex = true;
  if (rand() < 0.4) facts.returnCarrier = pick(["FedEx", "DHL", "USPS"]);
  if (rand() < 0.3) facts.receivedItemValueCents = int(60_000);
  if (rand() < 0.3) {
    facts.purchaseCostCents = int(30_000);
    facts.exportPostageCents = int(3_000);
  }
  if (rand() < 0.2) facts.customerAdvancedFreight = true;
  return { store, facts, now: iso(reported + int(24 * 30) * HOUR) };
}

const claims = Array.from({ length: CLAIMS }, (_, i) => makeClaim(i));
const policies = claims.map((c) => defaultPolicies[c.store]);

function run(): number {
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i]!;
    sink += evaluateClaim(policies[i]!, c.facts, c.now).options.length;
  }
  const seconds = (performance.now() - start) / 1000;
  if (sink < 0) throw new Error("unreachable: keeps the work observable");
  return claims.length / seconds;
}

const rates = Array.from({ length: RUNS }, run).sort((a, b) => a - b);
const median = rates[Math.floor(RUNS / 2)] ?? 0;
process.stdout.write(`policy engine: ${Math.round(median).toLocaleString("en-US")} claims/s (median of ${RUNS} runs × ${CLAIMS.toLocaleString("en-US")} claims)\n`);
