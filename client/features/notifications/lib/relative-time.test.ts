import { describe, expect, it } from "vitest";
import { relativeTime } from "./relative-time.ts";

const now = new Date("2026-11-23T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("relativeTime", () => {
  it("says how fresh a notification is in the largest unit that fits", () => {
    expect(relativeTime(ago(10), now)).toBe("just now");
    expect(relativeTime(ago(5 * 60), now)).toBe("5 min. ago");
    expect(relativeTime(ago(3 * 3600), now)).toBe("3 hr. ago");
    expect(relativeTime(ago(86_400), now)).toBe("yesterday");
    expect(relativeTime(ago(3 * 604_800), now)).toBe("3 wk. ago");
  });
});
