/** Kaplan–Meier and log-rank against values worked out by hand (the arithmetic is in the comments). */
import { describe, expect, it } from "vitest";
import { chiSquarePValue, kaplanMeier, logRank, medianLifetime, survivalAt, type Observation } from "./survival";

const e = (time: number): Observation => ({ time, event: true });
const c = (time: number): Observation => ({ time, event: false });

/*
 * Seven services: ended at 1; two ended at 2 and one censored at 2 (events first: the censored one is
 * at risk at 2); censored at 3; ended at 4; censored at 5.
 *   t=1: n=7, d=1 → S = 6/7 = 0.857143            Greenwood Σ = 1/(7·6) = 0.0238095
 *   t=2: n=6, d=2 → S = 6/7 · 4/6 = 4/7 = 0.571429  Σ = 0.0238095 + 2/(6·4) = 0.1071429
 *   t=4: n=2, d=1 → S = 4/7 · 1/2 = 2/7 = 0.285714  Σ = 0.1071429 + 1/(2·1) = 0.6071429
 * Log-log interval at t=2: se = √0.1071429 / |ln 4/7| = 0.327327 / 0.559616 = 0.584913;
 *   low = (4/7)^exp(1.959964·0.584913) = (4/7)^3.146886 = 0.171866; high = (4/7)^exp(−1.146412) = 0.837083.
 * At t=1: low = (6/7)^exp(1.959964·√0.0238095/0.154151) = 0.334054, high = 0.978561.
 * At t=4: low = 0.014417, high = 0.690595.
 * Median: the first time S ≤ 0.5 → 4.
 */
const seven = [e(1), e(2), e(2), c(2), c(3), e(4), c(5)];

describe("Kaplan–Meier", () => {
  const km = kaplanMeier(seven);

  it("steps with ties and a censoring at the same time as events (events first)", () => {
    expect(km.n).toBe(7);
    expect(km.events).toBe(4);
    expect(km.steps.map((s) => [s.time, s.atRisk, s.events, s.censored])).toEqual([
      [1, 7, 1, 0],
      [2, 6, 2, 1],
      [3, 3, 0, 1],
      [4, 2, 1, 0],
      [5, 1, 0, 1],
    ]);
    expect(km.steps.map((s) => s.survival)).toEqual(
      [6 / 7, 4 / 7, 4 / 7, 2 / 7, 2 / 7].map((x) => expect.closeTo(x, 12)),
    );
  });

  it("the 95 % log-log interval", () => {
    const [t1, t2, , t4] = km.steps;
    expect(t1.low).toBeCloseTo(0.334054, 5);
    expect(t1.high).toBeCloseTo(0.978561, 5);
    expect(t2.low).toBeCloseTo(0.171866, 5);
    expect(t2.high).toBeCloseTo(0.837083, 5);
    expect(t4.low).toBeCloseTo(0.014417, 5);
    expect(t4.high).toBeCloseTo(0.690595, 5);
  });

  it("share still running at chosen times, with n at risk", () => {
    expect(survivalAt(km, 0)).toEqual({ time: 0, survival: 1, low: null, high: null, atRisk: 7 });
    expect(survivalAt(km, 2)).toMatchObject({ survival: expect.closeTo(4 / 7, 12), atRisk: 6 });
    expect(survivalAt(km, 3.5)).toMatchObject({ survival: expect.closeTo(4 / 7, 12), atRisk: 2 });
    expect(survivalAt(km, 4)).toMatchObject({ survival: expect.closeTo(2 / 7, 12), atRisk: 2 });
    // Beyond the longest observation (censored at 5) the curve is not estimated.
    expect(survivalAt(km, 6)).toEqual({ time: 6, survival: null, low: null, high: null, atRisk: 0 });
  });

  it("the median lifetime when reached, null when not", () => {
    expect(medianLifetime(km)).toBe(4);
    // S = 2/3 after one of three: never ≤ 0.5.
    expect(medianLifetime(kaplanMeier([e(1), c(2), c(3)]))).toBeNull();
    // Exactly 0.5 counts as reached: two of four at 3 → S = 0.5 at 3.
    expect(medianLifetime(kaplanMeier([e(3), e(3), c(4), c(5)]))).toBe(3);
  });

  it("counted observations give the same estimate as as many single ones", () => {
    // The seven as counts, out of order: the tie at 2 in two entries and one with a count of 2.
    const counted = kaplanMeier([
      { time: 5, event: false, n: 1 },
      { time: 2, event: true, n: 2 },
      { time: 1, event: true, n: 1 },
      { time: 2, event: false, n: 1 },
      { time: 4, event: true },
      { time: 3, event: false, n: 1 },
    ]);
    expect(counted).toEqual(km);
  });

  it("a group with no events stays at 1 with no interval and no median", () => {
    const none = kaplanMeier([c(1), c(2), c(2)]);
    expect(none.steps.every((s) => s.survival === 1 && s.low == null)).toBe(true);
    expect(medianLifetime(none)).toBeNull();
    expect(survivalAt(none, 1)).toMatchObject({ survival: 1, atRisk: 3 });
  });

  it("a curve that reaches 0 stays estimated beyond the last time", () => {
    const all = kaplanMeier([e(1), e(2)]);
    expect(survivalAt(all, 10)).toEqual({ time: 10, survival: 0, low: null, high: null, atRisk: 0 });
    expect(kaplanMeier([])).toEqual({ n: 0, events: 0, steps: [], maxTime: null });
    expect(survivalAt(kaplanMeier([]), 6).survival).toBeNull();
  });
});

describe("log-rank", () => {
  /*
   * A = [1 ended, 2 ended, 3 censored], B = [2 ended, 4 censored, 5 censored].
   *   t=1: nA=3, nB=3, d=1 (A): E_A = 1·3/6 = 0.5; V = 1·5/5 · 3/6 · 3/6 = 0.25
   *   t=2: nA=2, nB=3, d=2 (A, B): E_A = 2·2/5 = 0.8; V = 2·3/4 · 2/5 · 3/5 = 0.36
   *   O_A = 2, E_A = 1.3, V = 0.61 → χ² = 0.7²/0.61 = 0.803279, 1 df → p = erfc(√(0.803279/2)) = 0.370115
   */
  it("two groups", () => {
    const r = logRank([
      [e(1), e(2), c(3)],
      [e(2), c(4), c(5)],
    ])!;
    expect(r.df).toBe(1);
    expect(r.observed).toEqual([2, 1]);
    expect(r.expected[0]).toBeCloseTo(1.3, 12);
    expect(r.expected[1]).toBeCloseTo(1.7, 12);
    expect(r.chiSquare).toBeCloseTo(0.803279, 5);
    expect(r.p).toBeCloseTo(0.370115, 5);
  });

  /*
   * Three groups, C without events: A = [1 ended, 2 ended], B = [1 censored, 3 ended], C = [2 censored, 4 censored].
   *   t=1: n = (2, 2, 2), d = (1, 0, 0): E += (1/3, 1/3, 1/3), factor D(N−D)/(N−1) = 1
   *   t=2: n = (1, 1, 2), d = (1, 0, 0): E += (1/4, 1/4, 1/2), factor 1
   *   t=3: n = (0, 1, 1), d = (0, 1, 0): E += (0, 1/2, 1/2), factor 1
   *   O = (2, 1, 0), E = (7/12, 13/12, 4/3).
   *   V_AA = 1/3·2/3 + 1/4·3/4 + 0 = 0.409722; V_BB = 2/9 + 3/16 + 1/4 = 0.659722;
   *   V_AB = −1/9 − 1/16 − 0 = −0.173611.
   *   u = (17/12, −1/12); χ² = uᵀ V⁻¹ u = 5.354217 with 2 df → p = exp(−5.354217/2) = 0.068762.
   */
  it("three groups, one without events", () => {
    const r = logRank([
      [e(1), e(2)],
      [c(1), e(3)],
      [c(2), c(4)],
    ])!;
    expect(r.df).toBe(2);
    expect(r.observed).toEqual([2, 1, 0]);
    expect(r.expected.map((x) => x * 12)).toEqual([7, 13, 16].map((x) => expect.closeTo(x, 10)));
    expect(r.chiSquare).toBeCloseTo(5.354217, 5);
    expect(r.p).toBeCloseTo(0.068762, 5);
  });

  /*
   * Ties, a censoring at the time of events, and a group without events:
   * A = [1 ended, 2 ended, 2 ended, 2 censored, 3 ended], B = [1 censored, 2 censored, 4 censored].
   * At a time, those censored then are still at risk (n counts time ≥ t).
   *   t=1: nA=5, nB=3, N=8, D=1 (A): E_A = 1·5/8 = 5/8;  V = 1·7/7 · 5/8 · 3/8 = 15/64
   *   t=2: nA=4, nB=2, N=6, D=2 (A, a tie): E_A = 2·4/6 = 4/3;  V = 2·4/5 · 4/6 · 2/6 = 16/45
   *   t=3: nA=1, nB=1, N=2, D=1 (A): E_A = 1/2;  V = 1·1/1 · 1/2 · 1/2 = 1/4
   *   O_A = 4, E_A = 5/8 + 4/3 + 1/2 = 59/24; O_B = 0, E_B = 4 − 59/24 = 37/24
   *   V = 15/64 + 16/45 + 1/4 = 2419/2880
   *   χ² = (37/24)² / (2419/2880) = 1369·5/2419 = 6845/2419 = 2.829682, 1 df
   *   p = erfc(√(χ²/2)) = erfc(1.189471) = 0.092537
   */
  it("ties, a censoring at an event time and a group with no events", () => {
    const r = logRank([
      [e(1), e(2), e(2), c(2), e(3)],
      [c(1), c(2), c(4)],
    ])!;
    expect(r.df).toBe(1);
    expect(r.observed).toEqual([4, 0]);
    expect(r.expected[0]).toBeCloseTo(59 / 24, 12);
    expect(r.expected[1]).toBeCloseTo(37 / 24, 12);
    expect(r.chiSquare).toBeCloseTo(6845 / 2419, 10);
    expect(r.p).toBeCloseTo(0.092537, 5);
  });

  /*
   * Two identical groups A = B = [1 ended, 2 censored, 3 ended]: at every event time nA = nB, so each
   * group's expected events are half of all events, O = E, χ² = 0 and p = 1.
   *   t=1: n = (3, 3), D = 2: E_A = 1 = O_A;  t=3: n = (1, 1), D = 2: E_A = 1 = O_A.
   */
  it("two identical groups: χ² = 0, p = 1", () => {
    const same = [e(1), c(2), e(3)];
    const r = logRank([same, [...same]])!;
    expect(r.observed).toEqual([2, 2]);
    expect(r.expected).toEqual([expect.closeTo(2, 12), expect.closeTo(2, 12)]);
    expect(r.chiSquare).toBeCloseTo(0, 12);
    expect(r.p).toBeCloseTo(1, 9);
  });

  it("no test without two groups or without events; empty groups are left out", () => {
    expect(logRank([[e(1)]])).toBeNull();
    expect(logRank([[c(1)], [c(2)]])).toBeNull();
    expect(logRank([[e(1), e(2), c(3)], [], [e(2), c(4), c(5)]])!.df).toBe(1);
  });

  it("chi-square p-values", () => {
    expect(chiSquarePValue(3.841459, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquarePValue(5.991465, 2)).toBeCloseTo(0.05, 6);
    expect(chiSquarePValue(7.814728, 3)).toBeCloseTo(0.05, 6);
    expect(chiSquarePValue(0, 1)).toBe(1);
    expect(chiSquarePValue(30, 1)).toBeCloseTo(4.32e-8, 9);
  });
});
