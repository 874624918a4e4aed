import { describe, expect, it } from "vitest";
import { defaultPolicies, evaluateClaim, type ClaimFactsInput, type StoreKey } from "../../shared/policy/index.ts";
import { evidence, facts, line, NOW } from "../../shared/policy/test-kit.ts";
import { explainOptionAmount } from "./refund-explain.ts";

// The explanation mirrors the engine's amount rules: on the stores' cases its own per-line figure (computed
// without the engine's `lineRefunds`) must equal the engine's, or the supervisor would read one number and be paid another.

function mirrored(store: StoreKey, overrides: Partial<ClaimFactsInput>) {
  const f = facts(overrides);
  const decision = evaluateClaim(defaultPolicies[store], f, NOW);
  return decision.options
    .filter((o) => o.lineRefunds)
    .map((o) => {
      const { lineRefunds, refundCents, ...bare } = o;
      const e = explainOptionAmount(defaultPolicies[store], f, bare);
      return { kind: o.kind, engine: lineRefunds, explained: e.lines.map((l) => ({ sku: l.sku, refundCents: l.cents })), explanation: e };
    });
}

describe("explainOptionAmount", () => {
  it("atelier: grade × the part's maximum per line, the detachment row, the cap at the paid price, an agent's Depends amount", () => {
    const cases = mirrored("atelier", {
      reason: "missing_accessory",
      evidence: evidence("photo"),
      lines: [
        line({ sku: "HEAD", unitPriceCents: 6_000, partType: "head_sculpt", issueType: "electronic_failure" }),
        line({ sku: "BODY", unitPriceCents: 9_000, partType: "seamless_figure", grade: "high" }),
        line({ sku: "CAPE", unitPriceCents: 800, quantity: 2, partType: "clothes_special_large", grade: "high" }),
        line({ sku: "ARM", unitPriceCents: 3_000, partType: "body_special", issueType: "detachment" }),
        line({ sku: "BOX", unitPriceCents: 2_000, partType: "packaging_box", agentCents: 1_200 }),
      ],
    });
    const partial = cases.find((c) => c.kind === "partial_refund")!;
    expect(partial.engine).toEqual([
      { sku: "HEAD", refundCents: 1_250 }, { sku: "BODY", refundCents: 4_000 }, { sku: "CAPE", refundCents: 1_600 }, { sku: "ARM", refundCents: 125 }, { sku: "BOX", refundCents: 1_200 },
    ]);
    expect(partial.explained).toEqual(partial.engine);
    const [head, , cape, arm, box] = partial.explanation.lines;
    expect(head).toMatchObject({ formula: "Medium 50 % × head sculpt max $25.00 = $12.50" });
    expect(head!.inputs).toEqual(expect.arrayContaining([
      { label: "Paid price", cents: 6_000, text: "1 × $60.00" },
      { label: "Grade", text: "Medium (default for electronic failure (A3))", pct: 50 },
      { label: "Part maximum", cents: 2_500, text: "head sculpt $25.00 each (A5)" },
    ]));
    expect(cape!.formula).toBe("High 100 % × clothes special large max $30.00 × 2 = $60.00, capped at the paid $16.00 (G, X2)");
    expect(arm!.formula).toBe("Low 25 % × detachment only max $5.00 = $1.25");
    expect(box!.formula).toBe("Depends: agent's $12.00 = $12.00");
    expect(partial.explanation.clauses).toEqual(expect.arrayContaining(["A2", "G", "A3", "A4", "A5", "A6"]));
  });

  it("kinetic: the paid price less the inspection's deduction, clamped at its cap (K4)", () => {
    const [ret] = mirrored("kinetic", {
      reason: "change_of_mind", evidence: evidence("tracking_number"), returnReceivedAt: "2025-03-12T10:00:00.000Z",
      condition: { used: false, tested: false, programmed: false, packagingIntact: false, inspection: "repack_needed", deductionPct: 25 },
      lines: [line({ sku: "A", unitPriceCents: 1_990, quantity: 2 }), line({ sku: "B", unitPriceCents: 4_500 })],
    });
    expect(ret!.explained).toEqual(ret!.engine);
    expect(ret!.explanation.lines[0]!.formula).toBe("paid $39.80 − 10 % ($3.98) = $35.82");
    expect(ret!.explanation.lines[0]!.inputs).toContainEqual({ label: "Deduction", cents: 398, pct: 10, text: "cap 10 %" });
  });

  it("chipyard: paid less purchase cost and export postage, a claim-level figure (C5)", () => {
    const [ret] = mirrored("chipyard", {
      reason: "change_of_mind", evidence: evidence("panoramic_photo", "packaging_photo"), purchaseCostCents: 1_500, exportPostageCents: 2_400,
      lines: [line({ sku: "SCOPE", unitPriceCents: 18_900 })],
    });
    expect(ret!.explained).toEqual(ret!.engine);
    expect(ret!.explanation.claim).toContainEqual({ label: "Amount", cents: 15_000, text: "$189.00 − $15.00 − $24.00, not below $0.00" });
  });

  it("everyday: each line's own rule: the whole paid price per line for a return", () => {
    for (const c of mirrored("everyday", {
      reason: "change_of_mind", evidence: evidence("photo", "packaging_photo"),
      lines: [line({ sku: "TEE", unitPriceCents: 1_999, quantity: 3 }), line({ sku: "MUG", unitPriceCents: 2_899 })],
    })) expect(c.explained, c.kind).toEqual(c.engine);
  });
});
