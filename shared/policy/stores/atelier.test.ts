import { describe, expect, it } from "vitest";
import { defaultPolicies, partTypes, type IssueType, type PartType } from "../index.ts";
import { decide, edited, evidence, expectFinding, findingsOf, kinds, line, option } from "../test-kit.ts";

const photo = evidence("photo");
const accessory = (overrides: Parameters<typeof line>[0]) => ({ reason: "missing_accessory" as const, evidence: photo, lines: [line({ unitPriceCents: 30_000, ...overrides })] });

describe("atelier", () => {
  it("[A1] a mis-shipment: keep with a discount the agent sets, or return", () => {
    const d = decide("atelier", { reason: "wrong_item", evidence: photo });
    expect(d.eligibility).toBe("eligible");
    expect(kinds(d)).toEqual(["keep_with_compensation", "return_for_refund"]);
    expect(option(d, "keep_with_compensation")?.refundCents).toBeUndefined();
    expect(option(d, "keep_with_compensation")?.reships).toBeUndefined(); // unlike chipyard's C6, nothing is reshipped
    expect(option(d, "return_for_refund")?.refundCents).toBe(10_000);
  });

  it("[A1] every claim needs at least one photo", () => {
    const d = decide("atelier", { reason: "wrong_item", evidence: evidence("video") });
    expect(d.eligibility).toBe("needs_review");
    expect(d.evidence).toEqual([{ kind: "photo", required: 1, provided: 0 }]);
    expectFinding(d, "evidence_missing", "A1", "warn");
  });

  it("[A1] minor box damage is not covered; severe damage is graded; unrated damage waits", () => {
    const minor = decide("atelier", { reason: "packaging_damage", packagingSeverity: "minor", evidence: photo });
    expect(minor.eligibility).toBe("ineligible");
    expectFinding(minor, "not_covered", "A1", "block");

    const severe = decide("atelier", { reason: "packaging_damage", packagingSeverity: "severe", evidence: photo, lines: [line({ partType: "packaging_box", grade: "high" })] });
    expect(kinds(severe)).toEqual(["partial_refund", "return_for_refund"]);
    expect(option(severe, "partial_refund")?.preferred).toBe(true);

    const unrated = decide("atelier", { reason: "packaging_damage", evidence: photo });
    expect(unrated.eligibility).toBe("needs_review");
    expectFinding(unrated, "missing_fact", "A1", "warn");
  });

  it("[A1] shipping damage to the product is covered like an accessory issue", () => {
    const d = decide("atelier", { ...accessory({ partType: "jointed_figure", issueType: "structural_breakage" }), reason: "carrier_damage" });
    expect(d.eligibility).toBe("eligible");
    expect(kinds(d)).toEqual(["replacement", "partial_refund", "return_for_refund"]);
    expect(option(d, "partial_refund")?.refundCents).toBe(2_000);
    expect(findingsOf(d, "not_covered")).toEqual([]);
  });

  it("[A1] box damage without a recorded severity waits for the agent; severe damage is graded on the box", () => {
    const unrated = decide("atelier", { reason: "packaging_damage", evidence: photo, lines: [line({ partType: "packaging_box" })] });
    expect(unrated.options).toEqual([]);
    expect(findingsOf(unrated, "missing_fact")[0]?.message).toContain("minor or severe");
    const severe = decide("atelier", { reason: "packaging_damage", packagingSeverity: "severe", evidence: photo, lines: [line({ partType: "packaging_box", agentCents: 1_800 })] });
    expect(severe.eligibility).toBe("eligible");
    expect(option(severe, "partial_refund")?.refundCents).toBe(1_800);
  });

  it("[A1] change of mind and other unlisted problems are not covered", () => {
    const d = decide("atelier", { reason: "change_of_mind", evidence: photo });
    expect(d.eligibility).toBe("ineligible");
    expectFinding(d, "not_covered", "A1", "block");
  });

  it("[A2] accessory issues: supplier replacement first, graded refund, or a return with shared postage", () => {
    const d = decide("atelier", accessory({ partType: "weapon_small", issueType: "missing_or_wrong_accessory" }));
    const lines = ["SKU-1"];
    expect(d.options).toEqual([
      { kind: "replacement", preferred: true, freight: "merchant", clause: "A2", lines },
      { kind: "partial_refund", preferred: false, refundCents: 500, lineRefunds: [{ sku: "SKU-1", refundCents: 500 }], freight: "merchant", clause: "A2", lines },
      {
        kind: "return_for_refund", preferred: false, refundCents: 30_000, lineRefunds: [{ sku: "SKU-1", refundCents: 30_000 }], freight: "shared", clause: "A2", lines,
        payableAfter: "return_received", payable: false,
      },
    ]);
    expect(d.freight).toBe("merchant");
  });

  it("[A1][A2] a defect on a part is handled like an accessory issue", () => {
    const d = decide("atelier", { ...accessory({ partType: "head_sculpt", issueType: "electronic_failure" }), reason: "quality_defect" });
    expect(kinds(d)).toEqual(["replacement", "partial_refund", "return_for_refund"]);
    expect(option(d, "partial_refund")?.refundCents).toBe(1_250);
  });

  it("[A3] issue types give default grades; a line's own grade wins", () => {
    const cases: [IssueType, number | undefined][] = [
      ["electronic_failure", 1_250], // medium
      ["missing_or_wrong_accessory", 2_500], // high
      ["detachment", 125], // low, and a detachment is worth 5 whatever the part (A5): 25 % of 500
      ["structural_breakage", 2_500], // high
      ["paint_defect", undefined], // depends
      ["surface_cracking", undefined], // depends
    ];
    for (const [issueType, cents] of cases) {
      const d = decide("atelier", accessory({ partType: "head_sculpt", issueType }));
      expect(option(d, "partial_refund")?.refundCents, issueType).toBe(cents);
      expect(d.clauses).toContain("A3");
    }
    const overridden = decide("atelier", accessory({ partType: "head_sculpt", issueType: "paint_defect", grade: "low" }));
    expect(option(overridden, "partial_refund")?.refundCents).toBe(625);
  });

  it("[A4] grade shares: low 25 %, medium 50 %, high 100 % of the part's value, editable", () => {
    const share = (grade: "low" | "medium" | "high", doc: "atelier" | ReturnType<typeof edited> = "atelier") =>
      option(decide(doc, accessory({ partType: "clothes_special_large", grade })), "partial_refund")?.refundCents;
    expect([share("low"), share("medium"), share("high")]).toEqual([750, 1_500, 3_000]);
    const generous = edited("atelier", (doc) => {
      doc.grading.sharesPct.low = 40;
    });
    expect(share("low", generous)).toBe(1_200);
  });

  it("[A5] maximum value per part type, per unit", () => {
    const expected: Record<PartType, number | null> = {
      detachment_only: 500, head_sculpt: 2_500, head_sculpt_special: 4_000, jointed_figure: 2_000, seamless_figure: 4_000,
      body_special: 4_000, clothes_small: 500, clothes_middle: 1_000, clothes_large: 1_500, clothes_special_small: 1_500,
      clothes_special_middle: 2_000, clothes_special_large: 3_000, weapon_large: 1_500, weapon_small: 500, scene_prop: 500,
      figure_stand: 1_000, figure_stand_special: null, packaging_box: null,
    };
    expect(defaultPolicies.atelier.grading.partValues?.valuesCents).toEqual(expected);
    for (const partType of partTypes) {
      const d = decide("atelier", accessory({ partType, grade: "high", quantity: 2 }));
      const value = expected[partType];
      expect(option(d, "partial_refund")?.refundCents, partType).toBe(value === null ? undefined : value * 2);
    }
  });

  it("[A6] a Depends grade or value leaves the partial refund without an amount", () => {
    const grade = decide("atelier", accessory({ partType: "weapon_large", issueType: "surface_cracking" }));
    expect(option(grade, "partial_refund")).toMatchObject({ kind: "partial_refund" });
    expect(option(grade, "partial_refund")?.refundCents).toBeUndefined();
    expectFinding(grade, "grade_depends", "A6", "warn");
    expect(grade.eligibility).toBe("needs_review");

    const value = decide("atelier", accessory({ partType: "figure_stand_special", grade: "high" }));
    expect(option(value, "partial_refund")?.refundCents).toBeUndefined();
    expect(findingsOf(value, "grade_depends")[0]?.message).toContain("figure_stand_special");

    // Once the agent sets the grade on a scheduled part, the amount follows.
    expect(option(decide("atelier", accessory({ partType: "weapon_large", issueType: "surface_cracking", grade: "medium" })), "partial_refund")?.refundCents).toBe(750);
  });

  it("[A5] a detachment is worth at most 5 whatever the part; every other issue takes the part's own value", () => {
    const detached = decide("atelier", accessory({ partType: "seamless_figure", issueType: "detachment", grade: "high" }));
    expect(option(detached, "partial_refund")?.refundCents).toBe(500);
    const broken = decide("atelier", accessory({ partType: "seamless_figure", issueType: "structural_breakage" }));
    expect(option(broken, "partial_refund")?.refundCents).toBe(4_000);
    const twoDetached = decide("atelier", accessory({ partType: "head_sculpt_special", issueType: "detachment", grade: "medium", quantity: 2 }));
    expect(option(twoDetached, "partial_refund")?.refundCents).toBe(500); // 50 % of 5 × 2
  });

  it("[A6] a part whose value is Depends needs no grade; the agent's amount is capped at the part's maximum and the paid price", () => {
    const box = decide("atelier", accessory({ partType: "packaging_box" }));
    expect(findingsOf(box, "grade_pending")).toEqual([]);
    expectFinding(box, "grade_depends", "A6", "warn");

    const set = decide("atelier", accessory({ partType: "packaging_box", agentCents: 2_200 }));
    expect(option(set, "partial_refund")?.refundCents).toBe(2_200);
    expect(findingsOf(set, "grade_depends")).toEqual([]);

    // A Depends grade on a head sculpt is at most its 25.
    const head = decide("atelier", accessory({ partType: "head_sculpt", grade: "depends", agentCents: 3_000 }));
    expect(option(head, "partial_refund")?.refundCents).toBe(2_500);
    expectFinding(head, "refund_cap", "A6", "info");
    // …and never more than was paid.
    const cheap = decide("atelier", accessory({ partType: "packaging_box", agentCents: 50_000, unitPriceCents: 4_000 }));
    expect(option(cheap, "partial_refund")?.refundCents).toBe(4_000);
  });

  it("[X9][A4][A5] lines graded differently are paid per line by their own amounts, not split by price", () => {
    const d = decide("atelier", {
      reason: "quality_defect",
      evidence: photo,
      lines: [
        line({ sku: "HEAD", unitPriceCents: 30_000, partType: "head_sculpt", grade: "medium" }),
        line({ sku: "BODY", unitPriceCents: 9_000, partType: "seamless_figure", grade: "high" }),
      ],
    });
    const partial = option(d, "partial_refund");
    expect(partial?.lines).toEqual(["HEAD", "BODY"]);
    expect(partial?.lineRefunds).toEqual([
      { sku: "HEAD", refundCents: 1_250 },
      { sku: "BODY", refundCents: 4_000 },
    ]);
    expect(partial?.refundCents).toBe(5_250);
    expect(d.clauses).toContain("X9");
  });

  it("[A5][G] lines with several parts add up; a part without a type waits for the agent", () => {
    const d = decide("atelier", {
      reason: "missing_accessory",
      evidence: photo,
      lines: [line({ sku: "FIG-A", partType: "weapon_large", grade: "high" }), line({ sku: "FIG-B", partType: "scene_prop", grade: "low" })],
    });
    expect(option(d, "partial_refund")?.refundCents).toBe(1_500 + 125);
    const untyped = decide("atelier", accessory({ grade: "high" }));
    expect(option(untyped, "partial_refund")?.refundCents).toBeUndefined();
    expectFinding(untyped, "grade_pending", "A5", "info");
  });
});
