/**
 * The continuation rate as product.md defines it, in SQL (docs/decisions/005). One definition,
 * used by the dashboard's aggregates and by the registry's filter that lists the pilots a figure counts:
 * - eligible: the funded period ended on or before the reporting date (with horizon H: the milestone
 *   M = end date + H months is on or before it);
 * - status at the reporting date: the latest check on or before it; a latest "unknown", or no check,
 *   is "not followed up" (an earlier answer does not count);
 * - status at horizon H: only evidence about the milestone M counts (evidenceSql): a continuing answer
 *   dated on or after M − 1 month, an "ended" answer whose "ended on" is on or before M (without it:
 *   dated on or before M + 1 month); of those, the check nearest to M decides (equally near: the later
 *   date; same day: the one entered last, the higher id); "unknown" is never evidence; no evidence is
 *   "not followed up at H";
 * - checks after the reporting date are ignored everywhere;
 * - rate = continuing ÷ (continuing + ended); partly continuing counts as continuing; a rate with
 *   n = continuing + ended under MIN_N_FOR_RATE is not shown (suppression).
 * All fragments refer to the pilots table as alias `p` and the checks as `c` joined to statuses `s`.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../connect";
import { wilson } from "~shared/stats";
import { recordStatusesSql, type StatusesSql } from "./status-record.server";

export const HORIZONS = [6, 12, 24] as const;
export type Horizon = (typeof HORIZONS)[number];
export type ContinuationOptions = { reportDate: string; horizon?: Horizon | null };

/** Which figure a pilot list should show: the pilots a dashboard number counts. */
export const COUNTS = [
  "eligible",
  "continuing",
  "fully",
  "partly",
  "ended",
  "notFollowedUp",
  "followedUp",
  "outOfDate",
] as const;
export type Counts = (typeof COUNTS)[number];

/** Condition: pilot p is eligible at the reporting date (and horizon). */
export function eligibleSql({ reportDate, horizon }: ContinuationOptions): SQL {
  return horizon
    ? sql`(p.end_date is not null and (p.end_date + make_interval(months => ${horizon}::int))::date <= ${reportDate}::date)`
    : sql`(p.end_date is not null and p.end_date <= ${reportDate}::date)`;
}

/** The milestone of horizon H for pilot p (or the CTE row with column end_date): end date + H months. */
export function milestoneSql(h: number | SQL, endDate: SQL = sql`p.end_date`): SQL {
  return sql`(${endDate} + make_interval(months => ${h}::int))::date`;
}

/**
 * Condition: check c (joined to its status s) is evidence about milestone `m` (a date expression).
 * The one place that says which answers speak to a horizon; the per-pilot form, the one-pass form and
 * the follow-up queue's milestone rule all use it.
 */
export function evidenceSql(m: SQL): SQL {
  return sql`((s.counts_as in ('continuing', 'partly') and c.checked_on >= (${m} - interval '1 month')::date)
    or (s.counts_as = 'ended' and (case when c.ended_on is not null then c.ended_on <= ${m}
      else c.checked_on <= (${m} + interval '1 month')::date end)))`;
}

/**
 * Ordering key of evidence check c about milestone `m`: the smallest key decides. Nearest to M first;
 * equally near, the later date (the one after M); same day, the one entered last (higher id). The
 * status category sits in the lowest three bits (1 continuing, 2 partly, 3 ended) so that min() over
 * many checks yields the deciding check's category in one pass.
 */
export function evidenceKeySql(m: SQL): SQL {
  return sql`(((abs(c.checked_on - ${m})::bigint * 2 + case when c.checked_on < ${m} then 1 else 0 end) * 1073741824
    + (1073741823 - c.id)) * 8 + case s.counts_as when 'continuing' then 1 when 'partly' then 2 else 3 end)`;
}

/** Scalar: what pilot p's status at the reporting date (or horizon) counts as ('continuing' | 'partly' | 'ended' | 'unknown'), or null. */
export function latestCountsAsSql({ reportDate, horizon }: ContinuationOptions): SQL {
  if (horizon) {
    const m = milestoneSql(horizon);
    return sql`(select s.counts_as from continuation_checks c join continuation_statuses s on s.code = c.status_code
      where c.pilot_id = p.id and c.checked_on <= ${reportDate}::date and ${evidenceSql(m)}
      order by ${evidenceKeySql(m)} limit 1)`;
  }
  return sql`(select s.counts_as from continuation_checks c join continuation_statuses s on s.code = c.status_code
    where c.pilot_id = p.id and c.checked_on <= ${reportDate}::date order by c.checked_on desc, c.id desc limit 1)`;
}

/** Condition: pilot p is one of the pilots the figure `counts` counts. */
export function countsSql(opts: ContinuationOptions, counts: Counts): SQL {
  const latest = latestCountsAsSql(opts);
  const which: Record<Counts, SQL> = {
    eligible: sql`true`,
    continuing: sql`${latest} in ('continuing', 'partly')`,
    fully: sql`${latest} = 'continuing'`,
    partly: sql`${latest} = 'partly'`,
    ended: sql`${latest} = 'ended'`,
    followedUp: sql`${latest} in ('continuing', 'partly', 'ended')`,
    notFollowedUp: sql`coalesce(${latest}, 'unknown') = 'unknown'`,
    // At the reporting date only: the latest answer is continuing and more than 12 months old.
    outOfDate: sql`${latestCountsAsSql({ reportDate: opts.reportDate })} in ('continuing', 'partly') and
      (select (max(c.checked_on) + interval '12 months')::date from continuation_checks c
        where c.pilot_id = p.id and c.checked_on <= ${opts.reportDate}::date) < ${opts.reportDate}::date`,
  };
  return sql`(${eligibleSql(opts)} and ${which[counts]})`;
}

/**
 * The same statuses for many pilots at once, for aggregates: one pass over the checks (on or before
 * the reporting date) of the pilots in `pilotsCte` (a CTE name with columns id, end_date), computing per
 * pilot the latest check (max of a key ordering checks by date and id, with the status category in its
 * lowest bits) and, per horizon, the deciding evidence (min of evidenceKeySql among evidenceSql).
 * Yields columns r (status at the reporting date: 'continuing' | 'partly' | 'ended' | 'unknown' | null),
 * r_on (that check's date), h6, h12, h24 (status at each horizon: 'continuing' | 'partly' | 'ended' |
 * null). Checked against the per-pilot form by db/queries/dashboard.test.ts. The dashboard reads the
 * same columns off the per-pilot status record (status-record.server.ts, docs/decisions/130), whose
 * database function computes them with these keys; this form is its reference (status-record.test.ts).
 */
export function latestStatusesSql(pilotsCte: SQL, reportDate: string): SQL {
  const key = sql`((c.checked_on - date '1900-01-01')::bigint * 1073741824 + c.id) * 8 +
    case s.counts_as when 'continuing' then 1 when 'partly' then 2 when 'ended' then 3 else 4 end`;
  const ms = (h: number) => sql.raw(`sp.m${h}`);
  const cut = (h: number) => sql`min(${evidenceKeySql(ms(h))}) filter (where ${evidenceSql(ms(h))})`;
  const milestone = (h: number) => sql`${milestoneSql(h, sql`end_date`)} as ${sql.raw(`m${h}`)}`;
  const cat = (col: string) =>
    sql.raw(
      `case ${col} % 8 when 1 then 'continuing' when 2 then 'partly' when 3 then 'ended' when 4 then 'unknown' end`,
    );
  return sql`select k.pilot_id, ${cat("k.r")} as r, date '1900-01-01' + (k.r / 8 / 1073741824)::int as r_on,
      ${cat("k.h6")} as h6, ${cat("k.h12")} as h12, ${cat("k.h24")} as h24
    from (select c.pilot_id, max(${key}) as r, ${cut(6)} as h6, ${cut(12)} as h12, ${cut(24)} as h24
      from continuation_checks c
        join (select id, ${milestone(6)}, ${milestone(12)}, ${milestone(24)} from ${pilotsCte}) sp on sp.id = c.pilot_id
        join continuation_statuses s on s.code = c.status_code
      where c.checked_on <= ${reportDate}::date
      group by c.pilot_id) k`;
}

export type ContinuationCounts = {
  eligible: number;
  continuing: number; // including partly
  fully: number; // continuing, partly excluded
  partly: number;
  ended: number;
  notFollowedUp: number;
};

/** A rate from fewer answers than this (n = continuing + ended) is not shown, only its counts. */
export const MIN_N_FOR_RATE = 5;

/** Why a rate is not shown: no answers at all, or too few; null when it is shown. */
export type Suppression = "noFollowUps" | "tooFew" | null;

export function suppression(n: number): Suppression {
  return n === 0 ? "noFollowUps" : n < MIN_N_FOR_RATE ? "tooFew" : null;
}

/**
 * The figures of a rate. `rate`, `fullRate` and `interval` are null when the rate is suppressed
 * (`suppressed` says why), so no page or export can show a rate from too few answers.
 */
export function summarize(c: ContinuationCounts) {
  const followedUp = c.continuing + c.ended;
  const suppressed = suppression(followedUp);
  return {
    ...c,
    followedUp,
    suppressed,
    rate: suppressed ? null : c.continuing / followedUp,
    fullRate: suppressed ? null : c.fully / followedUp,
    coverage: c.eligible ? followedUp / c.eligible : null,
    interval: suppressed ? null : wilson(c.continuing, followedUp),
  };
}

/**
 * Counts for the pilots matching `where` (a condition on alias p), at the reporting date (no horizon),
 * from the status record (`statuses`: another way, e.g. the definition latestStatusesSql).
 */
export async function continuationCounts(
  db: Db,
  opts: { reportDate: string; where?: SQL; statuses?: StatusesSql },
): Promise<ContinuationCounts> {
  const statuses = opts.statuses ?? recordStatusesSql;
  const [r] = await queryRows<Record<string, string | number>>(
    db,
    sql`with sp as materialized (select p.id, p.end_date from pilots p
          where ${eligibleSql(opts)} ${opts.where ? sql`and ${opts.where}` : sql``}),
        st as (${statuses(sql`sp`, opts.reportDate)})
      select count(*) as eligible,
        count(*) filter (where st.r in ('continuing', 'partly')) as continuing,
        count(*) filter (where st.r = 'continuing') as fully,
        count(*) filter (where st.r = 'partly') as partly,
        count(*) filter (where st.r = 'ended') as ended
      from sp left join st on st.pilot_id = sp.id`,
  );
  const eligible = Number(r.eligible);
  const continuing = Number(r.continuing);
  const ended = Number(r.ended);
  return {
    eligible,
    continuing,
    fully: Number(r.fully),
    partly: Number(r.partly),
    ended,
    notFollowedUp: eligible - continuing - ended,
  };
}
