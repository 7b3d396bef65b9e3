import { describe, expect, it } from "vitest";
import { wilson } from "./stats";

describe("Wilson interval", () => {
  it("matches hand-computed bounds", () => {
    // 8/10: p = 0.8, z² = 3.8415; centre = (0.8 + 0.19207) / 1.38415 = 0.7168;
    // half = 1.96 · √(0.016 + 0.0096037) / 1.38415 = 0.2266 → 0.4902 … 0.9434
    const w = wilson(8, 10)!;
    expect(w.low).toBeCloseTo(0.4902, 3);
    expect(w.high).toBeCloseTo(0.9434, 3);
  });
  it("stays within 0..1 and is undefined for n = 0", () => {
    expect(wilson(5, 5)!.high).toBeLessThanOrEqual(1);
    expect(wilson(0, 5)!.low).toBeGreaterThanOrEqual(0);
    expect(wilson(0, 0)).toBeNull();
  });
});
