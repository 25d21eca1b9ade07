import { describe, expect, it } from "vitest";
import { relativeTime } from "../relativeTime";

// Compared with the same formatter, so the test holds in any locale while checking the unit and the count.
const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const now = new Date("2026-11-20T10:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe("relativeTime", () => {
  it("uses the largest whole unit, rounding toward now", () => {
    expect(relativeTime(ago(30), now)).toBe(rtf.format(0, "second"));
    expect(relativeTime(ago(5 * 60), now)).toBe(rtf.format(-5, "minute"));
    expect(relativeTime(ago(40 * 3600), now)).toBe(rtf.format(-1, "day"));
    expect(relativeTime(ago(3 * 86_400), now)).toBe(rtf.format(-3, "day"));
    expect(relativeTime(ago(15 * 86_400), now)).toBe(rtf.format(-2, "week"));
    expect(relativeTime(ago(61 * 86_400), now)).toBe(rtf.format(-2, "month"));
    expect(relativeTime(ago(800 * 86_400), now)).toBe(rtf.format(-2, "year"));
  });

  it("speaks of the future too", () => {
    expect(relativeTime(ago(-2 * 3600), now)).toBe(rtf.format(2, "hour"));
  });
});
