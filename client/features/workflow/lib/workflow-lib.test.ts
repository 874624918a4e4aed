import { beforeEach, describe, expect, it } from "vitest";
import { bulkSummaryText } from "./bulk-summary.ts";
import { claimNumberFrom } from "./claim-number.ts";
import { neighbourInQueue, rememberQueueOrder } from "./queue-order.ts";

describe("claimNumberFrom", () => {
  it("reads a claim number however it is typed", () => {
    expect(claimNumberFrom("123")).toBe("CLM-000123");
    expect(claimNumberFrom(" clm-42 ")).toBe("CLM-000042");
    expect(claimNumberFrom("CLM-1234567")).toBe("CLM-1234567");
    expect(claimNumberFrom("order 12")).toBeNull();
    expect(claimNumberFrom("")).toBeNull();
  });
});

describe("bulkSummaryText", () => {
  it('says "18 assigned, 2 claims changed meanwhile" and spells out each refusal', () => {
    const ok = Array.from({ length: 18 }, (_, i) => ({ number: `CLM-${i}`, ok: true as const, changed: true, version: 2 }));
    const text = bulkSummaryText(
      {
        results: [
          ...ok,
          { number: "CLM-100", ok: false, code: "CONFLICT", message: "CLM-100 changed since you opened it (assigned by Sam Supervisor)." },
          { number: "CLM-101", ok: false, code: "CONFLICT", message: "…" },
          { number: "CLM-102", ok: true, changed: false, version: 3 },
          { number: "CLM-103", ok: false, code: "BAD_REQUEST", message: "Jordan Lee does not work for Chipyard, so cannot take its claims." },
        ],
        summary: { changed: 18, unchanged: 1, conflicts: 2, failed: 1 },
      },
      "assigned",
    );
    expect(text.title).toBe("18 assigned, 1 already so, 2 claims changed meanwhile, 1 refused");
    expect(text.details).toEqual([
      "CLM-100: changed by someone else; reload to see it.",
      "CLM-101: changed by someone else; reload to see it.",
      "CLM-103: Jordan Lee does not work for Chipyard, so cannot take its claims.",
    ]);
  });
});

describe("queue order for j / k", () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    globalThis.sessionStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  });

  it("walks the remembered page and says when it ends or does not know the claim", () => {
    rememberQueueOrder(["CLM-000003", "CLM-000001", "CLM-000007"]);
    expect(neighbourInQueue("clm-000001", 1)).toEqual({ number: "CLM-000007", inList: true });
    expect(neighbourInQueue("CLM-000001", -1)).toEqual({ number: "CLM-000003", inList: true });
    expect(neighbourInQueue("CLM-000007", 1)).toEqual({ number: null, inList: true });
    expect(neighbourInQueue("CLM-000099", 1)).toEqual({ number: null, inList: false });
  });
});
