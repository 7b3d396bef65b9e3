/** Survival compared across groups: the size rule, pilots in several groups, and when there is no test. */
import { describe, expect, it } from "vitest";
import { compareSurvival, type GroupedLifetime } from "./survival-compare";
import { logRank } from "./survival";

const life = (pilotId: number, time: number, event: boolean): GroupedLifetime => ({ pilotId, time, event });
const opts = { times: [6, 12], minN: 5 };

/*
 * Pilots 1–5 in group "a", 6–10 in "b", pilot 11 in both "a" and "b", pilots 12–13 in "c" (too few),
 * pilot 14 in no group.
 */
const lifetimes = [
  life(1, 2, true),
  life(2, 4, true),
  life(3, 8, true),
  life(4, 10, false),
  life(5, 14, true),
  life(6, 5, false),
  life(7, 9, false),
  life(8, 13, true),
  life(9, 20, false),
  life(10, 30, false),
  life(11, 3, true),
  life(12, 1, true),
  life(13, 2, false),
  life(14, 7, true),
];
const membership = [
  ...[1, 2, 3, 4, 5, 11].map((pilotId) => ({ pilotId, key: "a" })),
  ...[6, 7, 8, 9, 10, 11].map((pilotId) => ({ pilotId, key: "b" })),
  ...[12, 13].map((pilotId) => ({ pilotId, key: "c" })),
  // A pilot without a lifetime (not followed up) is not counted anywhere.
  { pilotId: 99, key: "a" },
];

describe("compareSurvival", () => {
  const r = compareSurvival(lifetimes, membership, opts);
  const group = (key: string) => r.groups.find((g) => g.key === key)!;

  it("each curve holds every pilot of its group, also one in two groups", () => {
    expect(group("a").n).toBe(6);
    expect(group("b").n).toBe(6);
    expect(group("a").events).toBe(5);
    // Group a: events at 2, 3, 4, 8 of 6, 5, 4, 3 at risk → S(6) = 5/6 · 4/5 · 3/4 = 1/2.
    expect(group("a").at[0]).toMatchObject({ time: 6, survival: expect.closeTo(0.5, 12), atRisk: 3 });
    expect(group("a").median).toBe(4);
  });

  it("a group under the size rule is listed with its n but neither drawn nor tested", () => {
    expect(group("c")).toMatchObject({ n: 2, plotted: false });
    expect(r.test!.groups).toBe(2);
  });

  it("the test leaves out pilots in more than one tested group and says how many; ungrouped are counted", () => {
    expect(r.multiGroup).toBe(1);
    expect(r.ungrouped).toBe(1);
    expect(r.test!.pilots).toBe(10);
    const expected = logRank([
      [life(1, 2, true), life(2, 4, true), life(3, 8, true), life(4, 10, false), life(5, 14, true)],
      [life(6, 5, false), life(7, 9, false), life(8, 13, true), life(9, 20, false), life(10, 30, false)],
    ])!;
    expect(r.test!.p).toBeCloseTo(expected.p, 12);
    expect(r.test!.df).toBe(1);
  });

  it("no test with fewer than two groups large enough, or without any ended service", () => {
    const one = compareSurvival(
      lifetimes,
      membership.filter((m) => m.key !== "b"),
      opts,
    );
    expect(one.test).toBeNull();
    expect(one.noTest).toBe("fewGroups");
    const running = lifetimes.map((l) => ({ ...l, event: false }));
    const none = compareSurvival(running, membership, opts);
    expect(none.test).toBeNull();
    expect(none.noTest).toBe("noEvents");
  });
});
