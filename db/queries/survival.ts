/**
 * How long services live after their funding ends: the Kaplan–Meier estimator, its 95 % interval,
 * the share still running at chosen times, the median lifetime and the log-rank test for comparing
 * groups (docs/decisions/078). Pure and dependency-free, so the database layer and the app can both use it.
 *
 * Conventions (the ones most statistics packages use):
 * - time is any unit (the callers use months); an observation is an event (the service ended) or
 *   censored (still running at its last answer);
 * - at a time with both events and censorings, the events come first: the censored are still at
 *   risk at that time;
 * - the interval is the log-log ("exponential Greenwood") 95 % interval: S^exp(±z·se) with
 *   se = √(Σ d/(n(n−d))) / |ln S|. It stays inside 0…1 and behaves better than the plain Greenwood
 *   interval with few pilots; it is undefined (null) while S = 1 (no events yet) and when S = 0;
 * - beyond the longest observation the curve is not estimated (null) unless it has reached 0;
 * - the median lifetime is the first time at which S ≤ 0.5, null when the curve never gets there.
 */

export type Observation = { time: number; event: boolean };

export type KmStep = {
  time: number;
  /** Observations still running just before `time` (time ≥ this). */
  atRisk: number;
  events: number;
  censored: number;
  survival: number;
  low: number | null;
  high: number | null;
};

export type KaplanMeier = { n: number; events: number; steps: KmStep[]; maxTime: number | null };

const Z95 = 1.959963984540054;

/**
 * The estimate from `observations`; one with a count `n` stands for that many alike (the same time and
 * outcome: the grouped lifetimes, db/queries/survival.server.ts `lifetimeGroups`), and gives the same
 * estimate as that many single observations.
 */
export function kaplanMeier(observations: (Observation & { n?: number })[]): KaplanMeier {
  const obs = observations.filter((o) => Number.isFinite(o.time) && o.time >= 0).sort((a, b) => a.time - b.time);
  const weight = (o: { n?: number }) => o.n ?? 1;
  const steps: KmStep[] = [];
  let atRisk = obs.reduce((a, o) => a + weight(o), 0);
  let s = 1;
  let greenwood = 0;
  let i = 0;
  while (i < obs.length) {
    const time = obs[i].time;
    let events = 0;
    let censored = 0;
    while (i < obs.length && obs[i].time === time) {
      if (obs[i].event) events += weight(obs[i]);
      else censored += weight(obs[i]);
      i++;
    }
    if (events > 0) {
      s *= 1 - events / atRisk;
      greenwood = atRisk > events ? greenwood + events / (atRisk * (atRisk - events)) : Number.POSITIVE_INFINITY;
    }
    steps.push({ time, atRisk, events, censored, survival: s, ...logLogInterval(s, greenwood) });
    atRisk -= events + censored;
  }
  return {
    n: steps.reduce((a, x) => a + x.events + x.censored, 0),
    events: steps.reduce((a, x) => a + x.events, 0),
    steps,
    maxTime: obs.length ? obs[obs.length - 1].time : null,
  };
}

function logLogInterval(s: number, greenwood: number) {
  if (!(s > 0 && s < 1) || !Number.isFinite(greenwood)) return { low: null, high: null };
  const se = Math.sqrt(greenwood) / Math.abs(Math.log(s));
  return { low: s ** Math.exp(Z95 * se), high: s ** Math.exp(-Z95 * se) };
}

export type SurvivalAt = {
  time: number;
  survival: number | null;
  low: number | null;
  high: number | null;
  atRisk: number;
};

/** The share still running at `time`, its interval and the number at risk (time ≥ `time`). */
export function survivalAt(km: KaplanMeier, time: number): SurvivalAt {
  let last: KmStep | null = null;
  for (const step of km.steps) if (step.time <= time) last = step;
  const atRisk = km.steps.filter((x) => x.time >= time).reduce((a, x) => a + x.events + x.censored, 0);
  const survival = last ? last.survival : 1;
  if (km.maxTime == null || (time > km.maxTime && survival > 0)) {
    return { time, survival: null, low: null, high: null, atRisk };
  }
  return { time, survival, low: last?.low ?? null, high: last?.high ?? null, atRisk };
}

/** The median lifetime: the first time the share still running is 0.5 or less; null if never. */
export function medianLifetime(km: KaplanMeier): number | null {
  return km.steps.find((x) => x.events > 0 && x.survival <= 0.5)?.time ?? null;
}

export type LogRank = {
  chiSquare: number;
  df: number;
  p: number;
  observed: number[];
  expected: number[];
};

/**
 * The log-rank test of equal survival in `groups` (each a list of observations; empty groups are left
 * out): chi-square with (groups − 1) degrees of freedom from the observed and expected events and their
 * hypergeometric covariance. Null when there are fewer than two groups or no events at all.
 */
export function logRank(groups: Observation[][]): LogRank | null {
  const gs = groups.map((g) => g.filter((o) => Number.isFinite(o.time) && o.time >= 0)).filter((g) => g.length > 0);
  const k = gs.length;
  if (k < 2) return null;
  const times = [...new Set(gs.flatMap((g) => g.filter((o) => o.event).map((o) => o.time)))].sort((a, b) => a - b);
  if (!times.length) return null;
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const v = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const t of times) {
    const n = gs.map((g) => g.filter((o) => o.time >= t).length);
    const d = gs.map((g) => g.filter((o) => o.time === t && o.event).length);
    const N = n.reduce((a, b) => a + b, 0);
    const D = d.reduce((a, b) => a + b, 0);
    for (let i = 0; i < k; i++) {
      observed[i] += d[i];
      expected[i] += (D * n[i]) / N;
      if (N > 1) {
        for (let j = 0; j < k; j++) {
          v[i][j] += ((D * (N - D)) / (N - 1)) * (n[i] / N) * ((i === j ? 1 : 0) - n[j] / N);
        }
      }
    }
  }
  // The statistic over the first k − 1 groups (the last is determined by the others).
  const diff = observed.slice(0, k - 1).map((o, i) => o - expected[i]);
  const sub = v.slice(0, k - 1).map((row) => row.slice(0, k - 1));
  const x = solve(sub, diff);
  if (!x) return null;
  const chiSquare = Math.max(
    0,
    diff.reduce((a, di, i) => a + di * x[i], 0),
  );
  return { chiSquare, df: k - 1, p: chiSquarePValue(chiSquare, k - 1), observed, expected };
}

/** Solves A x = b by Gaussian elimination with partial pivoting; null when A is singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (Math.abs(m[pivot][col]) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/** P(χ² with `df` degrees of freedom > x): the regularized upper incomplete gamma Q(df/2, x/2). */
export function chiSquarePValue(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammaQ(df / 2, x / 2);
}

function logGamma(z: number): number {
  // Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for z > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const zz = z - 1;
  let sum = c[0];
  for (let i = 1; i < 9; i++) sum += c[i] / (zz + i);
  const t = zz + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (zz + 0.5) * Math.log(t) - t + Math.log(sum);
}

function gammaQ(a: number, x: number): number {
  if (x < a + 1) {
    // Series for P(a, x).
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return 1 - sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
  }
  // Continued fraction for Q(a, x) (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}
