/**
 * The dashboard's continuation overview at any reporting date from the scope's steps (docs/decisions/165).
 *
 * Every figure `continuationOverview` counts is, per pilot, a step function of the reporting date R: its
 * eligibility (the end date, and each horizon's milestone, on or before R), its status at R and at each
 * milestone (the status record's span containing R, docs/decisions/130) and whether its latest answer,
 * continuing, is more than 12 months old. None of them moves except on a date where one of its inputs
 * crosses R: the end date, a milestone, a span's first or next date, a span's date + 12 months + 1 day.
 * `continuationSteps` reads, once per scope and data generation, each pilot's dates and spans, evaluates
 * the overview's own per-pilot values at each of those dates and keeps their changes, summed over the
 * pilots that share a year and a set of cut keys (a unit) and over all pilots for the horizons and the
 * out-of-date count. `overviewAt` then sums the changes up to R: the same value as `continuationOverview`
 * at R, without a statement. The scope must not depend on R (the dashboard's status and count filters do;
 * those keep the statement).
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../connect";
import { HORIZONS, milestoneSql } from "./continuation.server";
import { overviewOf, type ContinuationOverview, type StatusGroup } from "./dashboard-continuation.server";
import { pilotYearSql } from "./pilot-filters.server";

/** A status by its code in the steps: what the status record's `r` (or `h6`, …) counts as; 0 is no answer (""). */
const STATUS_CODES = ["", "continuing", "partly", "ended", "unknown"] as const;
const CODES = STATUS_CODES.length;

/**
 * A scope's steps: plain JSON (numbers and strings), so that a cache may keep it, and compact (flat lists
 * of numbers, not an object per unit). Dates are days since 1970-01-01. A list of steps is pairs
 * `[day × 8 + status code, change, …]` sorted by day and status, a change being the number of pilots that
 * take the status on that day less those that leave it.
 */
export type ContinuationSteps = {
  /** The cut keys ('dimension:key', pilot_figures.cut_keys) the units name, each once. */
  keys: string[];
  /** Per unit (the pilots that share a year and a set of cut keys), its year (null: none). */
  years: (number | null)[];
  /** Unit u's keys are `unitKeys[keyStarts[u]]` up to `keyStarts[u + 1]` (indices into `keys`). */
  keyStarts: number[];
  unitKeys: number[];
  /** Unit u's steps (its eligible pilots' statuses at R) are the pairs of `steps` from `stepStarts[u]` up to `stepStarts[u + 1]`. */
  stepStarts: number[];
  steps: number[];
  /** The pilots counted as out of date (status code 0). */
  outOfDate: number[];
  /** Per horizon (HORIZONS order), the eligible pilots' statuses at its milestone. */
  horizons: number[][];
};

/** One pilot as the steps read it: its year, cut keys (JSON text), end date, milestones and spans. */
type PilotRow = {
  year: number | null;
  keys: string | null;
  e: number;
  m: number[];
  /** Per span of the status record, by its first date: [from, to (OPEN: none), r, h6, h12, h24, from + 12 months]. */
  spans: number[][] | null;
};

const FROM = 0;
const TO = 1;
const STATUS = 2;
const STALE = 6;
/**
 * The end of a span without one ('infinity'): the largest int4, past every day PostgreSQL's dates reach in
 * practice (an array element, since a NULL in an int array does not come back as null on every driver).
 */
const OPEN = 2_147_483_647;

/**
 * The pilots in `scope` that have an end date (the others are eligible at no date), with each span of the
 * status record. The milestones and "12 months after" are PostgreSQL's month arithmetic, as in the
 * overview's statement; statuses are codes (STATUS_CODES).
 */
export function continuationStepsSql(scope: SQL): SQL {
  const day = (d: SQL) => sql`(${d}) - date '1970-01-01'`;
  const code = (column: string) =>
    sql.raw(`coalesce(array_position(array['continuing', 'partly', 'ended', 'unknown'], x.${column}), 0)`);
  return sql`select ${pilotYearSql} as year, array_to_json(f.cut_keys)::text as keys, ${day(sql`p.end_date`)} as e,
      array[${sql.join(
        HORIZONS.map((h) => day(milestoneSql(h))),
        sql`, `,
      )}] as m,
      x.spans
    from pilots p left join pilot_figures f on f.pilot_id = p.id
      left join lateral (
        select array_agg(array[${day(sql`x.valid_from`)},
          case when x.valid_to = 'infinity' then ${OPEN} else ${day(sql`x.valid_to`)} end,
          ${code("r")}, ${code("h6")}, ${code("h12")}, ${code("h24")},
          ${day(sql`(x.valid_from + interval '12 months')::date`)}] order by x.valid_from) as spans
        from pilot_status_spans x where x.pilot_id = p.id
      ) x on true
    where (${scope}) and p.end_date is not null`;
}

/** A pilot's values at reporting date `d`: the status at d and at each milestone (null: not eligible), and out of date. */
function valuesAt(p: PilotRow, d: number) {
  // The span containing d (none before the first answer).
  const st = p.spans?.find((s) => s[FROM] <= d && d < s[TO]);
  const x0 = p.e <= d ? (st ? st[STATUS] : 0) : null;
  // Its status is continuing or partly and its first date + 12 months is before d.
  const stale = x0 != null && st != null && (st[STATUS] === 1 || st[STATUS] === 2) && st[STALE] < d;
  const xh = p.m.map((m, i) => (m <= d ? (st ? st[3 + i] : 0) : null));
  return { x0, stale, xh };
}

/** Changes per (day, status), as a map keyed by day × 8 + status. */
type Changes = Map<number, number>;

function change(c: Changes, day: number, status: number, n: number) {
  const k = day * 8 + status;
  c.set(k, (c.get(k) ?? 0) + n);
}

/** The changes as pairs sorted by day and status, without those that cancel out, onto `out`. */
function flat(c: Changes, out: number[] = []): number[] {
  for (const k of [...c.keys()].sort((a, b) => a - b)) {
    const n = c.get(k)!;
    if (n !== 0) out.push(k, n);
  }
  return out;
}

/**
 * Each pilot's changes between consecutive dates where one of its values may change, summed per unit
 * (year and cut keys) for the status at R, and over all pilots for the horizons and out of date.
 */
function stepsOf(pilots: readonly PilotRow[]): ContinuationSteps {
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const units = new Map<string, { year: number | null; keys: number[]; changes: Changes }>();
  const outOfDate: Changes = new Map();
  const horizons: Changes[] = HORIZONS.map(() => new Map());
  for (const p of pilots) {
    const id = `${p.year}\u0000${p.keys}`;
    let unit = units.get(id);
    if (!unit) {
      const names: string[] = p.keys ? JSON.parse(p.keys) : [];
      const indices = names.map((k) => {
        let i = keyIndex.get(k);
        if (i === undefined) {
          i = keys.push(k) - 1;
          keyIndex.set(k, i);
        }
        return i;
      });
      unit = { year: p.year, keys: indices, changes: new Map() };
      units.set(id, unit);
    }
    // Every date where a value may change: the end date, the milestones, and each span's first date, its
    // end and the day its first date + 12 months is passed.
    const dates = [p.e, ...p.m];
    for (const s of p.spans ?? []) {
      dates.push(s[FROM], s[STALE] + 1);
      if (s[TO] !== OPEN) dates.push(s[TO]);
    }
    dates.sort((a, b) => a - b);
    // Before every date: not eligible anywhere.
    let before: ReturnType<typeof valuesAt> = { x0: null, stale: false, xh: p.m.map(() => null) };
    for (let i = 0; i < dates.length; i++) {
      const d = dates[i];
      if (i > 0 && d === dates[i - 1]) continue;
      const now = valuesAt(p, d);
      if (now.x0 !== before.x0) {
        if (before.x0 != null) change(unit.changes, d, before.x0, -1);
        if (now.x0 != null) change(unit.changes, d, now.x0, 1);
      }
      if (now.stale !== before.stale) change(outOfDate, d, 0, now.stale ? 1 : -1);
      now.xh.forEach((x, h) => {
        const was = before.xh[h];
        if (x === was) return;
        if (was != null) change(horizons[h], d, was, -1);
        if (x != null) change(horizons[h], d, x, 1);
      });
      before = now;
    }
  }
  const steps: ContinuationSteps = {
    keys,
    years: [],
    keyStarts: [0],
    unitKeys: [],
    stepStarts: [0],
    steps: [],
    outOfDate: flat(outOfDate),
    horizons: horizons.map((h) => flat(h)),
  };
  for (const u of units.values()) {
    steps.years.push(u.year);
    steps.unitKeys.push(...u.keys);
    steps.keyStarts.push(steps.unitKeys.length);
    flat(u.changes, steps.steps);
    steps.stepStarts.push(steps.steps.length);
  }
  return steps;
}

/** The steps of the pilots in `scope` (which must not depend on the reporting date). */
export async function continuationSteps(db: Db, scope: SQL): Promise<ContinuationSteps> {
  return stepsOf(await queryRows<PilotRow>(db, continuationStepsSql(scope)));
}

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD), or null when it is not one, so that SQL is asked instead. */
export function dayOf(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const t = new Date(0);
  t.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return t.toISOString().slice(0, 10) === date ? t.getTime() / 86_400_000 : null;
}

/** Pilots per status code at `day`: the changes of `steps[from…to)` on or before it summed, into `into`. */
function sumTo(steps: readonly number[], day: number, into: number[], from = 0, to = steps.length) {
  // A pair's day is on or before `day` when its day × 8 + status is at most day × 8 + 7.
  const last = day * 8 + 7;
  for (let i = from; i < to && steps[i] <= last; i += 2) {
    const status = ((steps[i] % 8) + 8) % 8;
    into[status] += steps[i + 1];
  }
  return into;
}

/**
 * The overview at the reporting date `day` (dayOf) from the steps: the value `continuationOverview` gives
 * for the same scope at that date.
 */
export function overviewAt(steps: ContinuationSteps, day: number): ContinuationOverview {
  const all = new Array<number>(CODES).fill(0);
  const years = new Map<number, number[]>();
  const byKey = new Array<number>(steps.keys.length * CODES).fill(0);
  const at = new Array<number>(CODES);
  for (let u = 0; u < steps.years.length; u++) {
    at.fill(0);
    sumTo(steps.steps, day, at, steps.stepStarts[u], steps.stepStarts[u + 1]);
    if (at.every((n) => n === 0)) continue;
    const y = steps.years[u];
    let year = y == null ? undefined : years.get(y);
    if (y != null && !year) {
      year = new Array<number>(CODES).fill(0);
      years.set(y, year);
    }
    for (let s = 0; s < CODES; s++) {
      const n = at[s];
      if (n === 0) continue;
      all[s] += n;
      if (year) year[s] += n;
      for (let k = steps.keyStarts[u]; k < steps.keyStarts[u + 1]; k++) byKey[steps.unitKeys[k] * CODES + s] += n;
    }
  }
  const groups = new Map<string, StatusGroup>();
  const group = (dim: string, key: string, counts: readonly number[]) => {
    if (counts.every((n) => n === 0)) return;
    const id = `${dim}\u0000${key}`;
    const g = groups.get(id) ?? { dim, key, n: new Map<string, number>() };
    groups.set(id, g);
    counts.forEach((n, s) => {
      if (n !== 0) g.n.set(STATUS_CODES[s], (g.n.get(STATUS_CODES[s]) ?? 0) + n);
    });
  };
  group("all", "", all);
  for (const [year, counts] of years) group("year", String(year), counts);
  for (const [i, k] of steps.keys.entries()) {
    // As the statement splits a key: the dimension before the first colon, the key after it.
    const colon = k.indexOf(":");
    group(colon < 0 ? k : k.slice(0, colon), k.slice(colon + 1), byKey.slice(i * CODES, (i + 1) * CODES));
  }
  for (const [i, h] of HORIZONS.entries())
    group(`h${h}`, "", sumTo(steps.horizons[i], day, new Array<number>(CODES).fill(0)));
  return overviewOf(groups, sumTo(steps.outOfDate, day, [0])[0]);
}
