import { describe, expect, it } from "vitest";
import { defaultPolicies, reasonFromSubject, voidCauses } from "../index.ts";
import { DELIVERED, decide, evidence, expectFinding, findingsOf, kinds, line, option } from "../test-kit.ts";

const docs = evidence("invoice_number", "serial_number", "photo");
const warranty = { reason: "warranty" as const, evidence: docs };

const tracked = { leftTracking: "JD014600006281234567", backTracking: "JD014600006287654321" };

describe("layerworks", () => {
  it("[L1][L5] each line is judged on its own: a voided motor drops out, the frame goes on", () => {
    const d = decide("layerworks", {
      ...warranty,
      voidFindings: ["motor_disassembled"],
      lines: [line({ sku: "MOTOR-X", motor: true }), line({ sku: "FRAME" })],
    });
    expect(d.eligibility).toBe("eligible");
    expect(d.lines).toEqual([
      { sku: "MOTOR-X", eligibility: "ineligible" },
      { sku: "FRAME", eligibility: "eligible" },
    ]);
    expect(findingsOf(d, "warranty_void")).toEqual([
      { code: "warranty_void", clause: "L5", severity: "block", message: "motor_disassembled", sku: "MOTOR-X" },
    ]);
    expect(kinds(d)).toEqual(["replacement", "repair"]);
  });

  it("[L5] motor-only causes void a motor line, and a claim of only that line", () => {
    const d = decide("layerworks", { ...warranty, voidFindings: ["wrong_rated_current"], lines: [line({ motor: true })] });
    expect(d.eligibility).toBe("ineligible");
    expectFinding(d, "warranty_void", "L5", "block");
    // The same cause leaves a non-motor part alone.
    expect(decide("layerworks", { ...warranty, voidFindings: ["wrong_rated_current"] }).eligibility).toBe("eligible");
  });

  it("[L4] each general void cause voids every line", () => {
    const general = voidCauses.filter((c) => c !== "motor_disassembled" && c !== "wrong_rated_current");
    expect(general).toHaveLength(5);
    for (const cause of general) {
      const d = decide("layerworks", { ...warranty, voidFindings: [cause], lines: [line({ sku: "A" }), line({ sku: "B", motor: true })] });
      expect(d.eligibility).toBe("ineligible");
      expect(findingsOf(d, "warranty_void")).toEqual([{ code: "warranty_void", clause: "L4", severity: "block", message: cause }]);
    }
  });

  it("[L2] 12 months from delivery; from shipping when delivery is unknown", () => {
    const inside = decide("layerworks", { ...warranty, reportedAt: "2026-03-05T09:00:00.000Z" });
    expect(inside.eligibility).toBe("eligible");
    expect(inside.warrantyEndsAt).toBe("2026-03-05T10:00:00.000Z");

    const expired = decide("layerworks", { ...warranty, reportedAt: "2026-03-06T09:00:00.000Z" });
    expect(expired.eligibility).toBe("ineligible");
    expectFinding(expired, "warranty_expired", "L2", "block");

    const shippedOnly = decide("layerworks", { ...warranty, deliveredAt: undefined, shippedAt: "2025-03-02T10:00:00.000Z" });
    expect(shippedOnly.warrantyEndsAt).toBe("2026-03-02T10:00:00.000Z");

    const neither = decide("layerworks", { ...warranty, deliveredAt: undefined, shippedAt: undefined });
    expect(neither.eligibility).toBe("needs_review");
    expectFinding(neither, "missing_fact", "L2", "warn");
  });

  it("[L3] repair ships at the customer's cost; a replacement part at the merchant's", () => {
    const d = decide("layerworks", warranty);
    expect(option(d, "replacement")).toMatchObject({ preferred: true, freight: "merchant" });
    expect(option(d, "repair")).toMatchObject({ preferred: false, freight: "customer", clause: "L3" });
    expect(d.freight).toBe("merchant");
  });

  it("[L6] a warranty request needs invoice number, serial number and a photo or video", () => {
    const none = decide("layerworks", { reason: "warranty" });
    expect(none.eligibility).toBe("needs_review");
    expect(none.evidence).toEqual([
      { kind: "invoice_number", required: 1, provided: 0 },
      { kind: "serial_number", required: 1, provided: 0 },
      { kind: "photo_or_video", required: 1, provided: 0 },
    ]);
    expect(findingsOf(none, "evidence_missing")).toHaveLength(3);
    // A video satisfies photo_or_video.
    const withVideo = decide("layerworks", { reason: "warranty", evidence: evidence("invoice_number", "serial_number", "video") });
    expect(withVideo.eligibility).toBe("eligible");
  });

  it("[L6] mails tagged [Warranty Request] open warranty claims", () => {
    const doc = defaultPolicies.layerworks;
    expect(reasonFromSubject(doc, "[Warranty Request] hot end broken")).toBe("warranty");
    expect(reasonFromSubject(doc, "Re: my order")).toBeUndefined();
    expect(reasonFromSubject(defaultPolicies.kinetic, "[Warranty Request] x")).toBeUndefined();
  });

  it("[L7] worn consumables are not covered; a manufacturing defect is", () => {
    const worn = decide("layerworks", { ...warranty, lines: [line({ sku: "SCREWS", consumable: true, failureCause: "wear_and_tear" })] });
    expect(worn.eligibility).toBe("ineligible");
    expectFinding(worn, "wear_and_tear", "L7", "block");

    const defect = decide("layerworks", { ...warranty, lines: [line({ sku: "BEARING", consumable: true, failureCause: "defect" })] });
    expect(defect.eligibility).toBe("eligible");

    const unknown = decide("layerworks", { ...warranty, lines: [line({ sku: "ZIP", consumable: true })] });
    expect(unknown.eligibility).toBe("needs_review");
    expectFinding(unknown, "missing_fact", "L7", "warn");

    // Wear on a non-consumable part is not L7's business.
    expect(decide("layerworks", { ...warranty, lines: [line({ failureCause: "wear_and_tear" })] }).eligibility).toBe("eligible");
  });

  it("[L8] a claim on a replacement part keeps the original end date", () => {
    const d = decide("layerworks", { ...warranty, lines: [line({ sku: "REPLACED-NOZZLE" })], shippedAt: "2025-09-01T00:00:00.000Z", deliveredAt: DELIVERED });
    expect(d.warrantyEndsAt).toBe("2026-03-05T10:00:00.000Z");
    expect(d.clauses).toContain("L8");
  });

  it("[L4][L5][X9] a void cause recorded on one line voids that line only", () => {
    const lines = [line({ sku: "MOTOR", motor: true }), line({ sku: "HOTEND" })];
    const motorOnly = decide("layerworks", { ...warranty, lines: [{ ...lines[0]!, voidCauses: ["motor_disassembled"] }, lines[1]!] });
    expect(motorOnly.eligibility).toBe("eligible");
    expect(motorOnly.lines).toEqual([
      { sku: "MOTOR", eligibility: "ineligible" },
      { sku: "HOTEND", eligibility: "eligible" },
    ]);
    expect(option(motorOnly, "replacement")?.lines).toEqual(["HOTEND"]);

    const hotendMisused = decide("layerworks", { ...warranty, lines: [lines[0]!, { ...lines[1]!, voidCauses: ["improper_use"] }] });
    expect(hotendMisused.lines.map((l) => l.eligibility)).toEqual(["eligible", "ineligible"]);
    expect(findingsOf(hotendMisused, "warranty_void")).toEqual([{ code: "warranty_void", clause: "L4", severity: "block", message: "improper_use", sku: "HOTEND" }]);
  });

  it("[L9][X6] repair pauses extend the warranty by their length", () => {
    const pauses = [
      { leftAt: "2025-06-01T00:00:00.000Z", backAt: "2025-06-11T00:00:00.000Z", ...tracked }, // 10 days
      { leftAt: "2025-09-01T00:00:00.000Z", backAt: "2025-09-03T12:00:00.000Z", ...tracked }, // 2.5 days
    ];
    const d = decide("layerworks", { ...warranty, repairPauses: pauses, reportedAt: "2026-03-10T00:00:00.000Z" });
    expect(d.warrantyEndsAt).toBe("2026-03-17T22:00:00.000Z");
    expect(d.eligibility).toBe("eligible");
    expect(d.clauses).toEqual(expect.arrayContaining(["L9", "X6"]));
  });

  it("[L9] overlapping pauses count once", () => {
    const pauses = [
      { leftAt: "2025-06-01T00:00:00.000Z", backAt: "2025-06-11T00:00:00.000Z", ...tracked },
      { leftAt: "2025-06-05T00:00:00.000Z", backAt: "2025-06-12T00:00:00.000Z", ...tracked },
    ];
    expect(decide("layerworks", { ...warranty, repairPauses: pauses }).warrantyEndsAt).toBe("2026-03-16T10:00:00.000Z");
  });

  it("[L9] a pause counts only with both legs' tracking; a claim that depends on an untracked pause asks for it", () => {
    const tenDays = { leftAt: "2025-06-01T00:00:00.000Z", backAt: "2025-06-11T00:00:00.000Z" };
    const oneLeg = decide("layerworks", { ...warranty, repairPauses: [{ ...tenDays, leftTracking: "JD014600006281234567" }], reportedAt: "2026-03-10T00:00:00.000Z" });
    expect(oneLeg.warrantyEndsAt).toBe("2026-03-05T10:00:00.000Z"); // no extension
    expect(oneLeg.eligibility).toBe("needs_review"); // inside only thanks to that pause
    expect(findingsOf(oneLeg, "warranty_expired")).toEqual([]);
    expectFinding(oneLeg, "evidence_missing", "L9", "warn");
    expect(findingsOf(oneLeg, "evidence_missing")[0]?.message).toContain("tracking_number");

    // When the claim is inside the warranty anyway, the request is only a note.
    const early = decide("layerworks", { ...warranty, repairPauses: [tenDays], reportedAt: "2025-12-01T00:00:00.000Z" });
    expect(early.eligibility).toBe("eligible");
    expectFinding(early, "evidence_missing", "L9", "info");

    // Past even the untracked extension, the warranty has expired.
    const late = decide("layerworks", { ...warranty, repairPauses: [tenDays], reportedAt: "2026-03-20T00:00:00.000Z" });
    expectFinding(late, "warranty_expired", "L2", "block");
  });

  it("[L2] a defect report is judged as a warranty case; other reasons go to a person", () => {
    expect(decide("layerworks", { reason: "quality_defect", evidence: docs }).eligibility).toBe("eligible");
    const other = decide("layerworks", { reason: "change_of_mind" });
    expect(other.eligibility).toBe("needs_review");
    expectFinding(other, "not_covered", "L2", "warn");
  });
});
