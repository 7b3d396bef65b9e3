/**
 * Survival curves compared across the groups of a cut, and the log-rank test between them
 * (docs/decisions/124). Pure: the caller fetches each pilot's lifetime and its groups.
 * - A group with fewer than `minN` lifetimes is reported with its n but neither plotted nor tested.
 * - A pilot can belong to several groups (two programmes, target groups, art forms). Each curve holds
 *   every pilot of its group; the test, which needs groups that do not overlap, leaves out the pilots
 *   that belong to more than one of the tested groups, and says how many.
 */
import {
  kaplanMeier,
  logRank,
  medianLifetime,
  survivalAt,
  type KaplanMeier,
  type Observation,
  type SurvivalAt,
} from "./survival";

export type GroupedLifetime = { pilotId: number; time: number; event: boolean };

export type ComparedGroup<K> = {
  key: K;
  n: number;
  events: number;
  /** Whether the group has enough pilots to be drawn and tested. */
  plotted: boolean;
  at: SurvivalAt[];
  median: number | null;
  km: KaplanMeier;
};

export type ComparisonTest = {
  chiSquare: number;
  df: number;
  p: number;
  /** Pilots in the test (each in exactly one of the tested groups). */
  pilots: number;
  groups: number;
};

export type Comparison<K> = {
  groups: ComparedGroup<K>[];
  /** Pilots with a lifetime that belong to more than one plotted group: on each curve, not in the test. */
  multiGroup: number;
  /** Pilots with a lifetime but no group under the cut. */
  ungrouped: number;
  test: ComparisonTest | null;
  /** Why there is no test: fewer than two groups to compare, or no service has ended in them. */
  noTest: "fewGroups" | "noEvents" | null;
};

export function compareSurvival<K>(
  lifetimes: GroupedLifetime[],
  membership: { pilotId: number; key: K }[],
  opts: { times: readonly number[]; minN: number },
): Comparison<K> {
  const byPilot = new Map(lifetimes.map((l) => [l.pilotId, l]));
  const members = new Map<K, GroupedLifetime[]>();
  const grouped = new Set<number>();
  for (const m of membership) {
    const l = byPilot.get(m.pilotId);
    if (!l) continue;
    if (!members.has(m.key)) members.set(m.key, []);
    const list = members.get(m.key)!;
    if (!list.some((x) => x.pilotId === l.pilotId)) list.push(l);
    grouped.add(l.pilotId);
  }
  const obs = (ls: GroupedLifetime[]): Observation[] => ls.map((l) => ({ time: l.time, event: l.event }));
  const groups: ComparedGroup<K>[] = [...members.entries()].map(([key, ls]) => {
    const km = kaplanMeier(obs(ls));
    return {
      key,
      n: km.n,
      events: km.events,
      plotted: km.n >= opts.minN,
      at: opts.times.map((t) => survivalAt(km, t)),
      median: medianLifetime(km),
      km,
    };
  });
  const tested = groups.filter((g) => g.plotted);
  const count = new Map<number, number>();
  for (const g of tested) for (const l of members.get(g.key)!) count.set(l.pilotId, (count.get(l.pilotId) ?? 0) + 1);
  const multiGroup = [...count.values()].filter((c) => c > 1).length;
  const single = tested
    .map((g) => members.get(g.key)!.filter((l) => count.get(l.pilotId) === 1))
    .filter((ls) => ls.length > 0);
  let test: ComparisonTest | null = null;
  let noTest: Comparison<K>["noTest"] = null;
  if (single.length < 2) noTest = "fewGroups";
  else {
    const r = logRank(single.map(obs));
    if (r) test = { chiSquare: r.chiSquare, df: r.df, p: r.p, pilots: single.flat().length, groups: single.length };
    else noTest = "noEvents";
  }
  return { groups, multiGroup, ungrouped: lifetimes.length - grouped.size, test, noTest };
}
