import { describe, expect, it } from "vitest";
import { todayIso } from "./dates";

describe("today in Finland", () => {
  it("turns at Helsinki's midnight, to the second, however often it is asked", () => {
    // 2026-12-06 22:00:00 UTC is midnight in Helsinki (UTC+2 in winter); 2026-06-30 21:00 UTC in summer (UTC+3).
    for (const [midnight, before, after] of [
      [Date.UTC(2026, 11, 6, 22), "2026-12-06", "2026-12-07"],
      [Date.UTC(2026, 5, 30, 21), "2026-06-30", "2026-07-01"],
    ] as const) {
      for (const ms of [midnight - 1000, midnight - 1, midnight - 1000]) expect(todayIso(new Date(ms))).toBe(before);
      for (const ms of [midnight, midnight + 999, midnight]) expect(todayIso(new Date(ms))).toBe(after);
      expect(todayIso(new Date(midnight - 1))).toBe(before);
    }
    expect(todayIso()).toBe(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" }).format(new Date()));
    expect(() => todayIso(new Date(Number.NaN))).toThrow(RangeError);
  });
});
