/**
 * The continuation rate as product.md defines it, in SQL (docs/decisions/005). One definition,
 * used by the dashboard's aggregates and by the registry's filter that lists the pilots a figure counts:
 * - eligible: the funded period ended on or before the reporting date (with horizon H: at least
 *   H months before it);
 * - status: the latest check on or before the reporting date (with horizon H: on or before the end
 *   date plus H months); checks after the reporting date are ignored; a latest "unknown", or no
 *   check, is "not followed up" (an earlier answer does not count);
 * - rate = continuing ÷ (continuing + ended); partly continuing counts as continuing.
 * All fragments refer to the pilots table as alias `p`.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../connect";
import { wilson } from "~shared/stats";

export const HORIZONS = [6, 12, 24] as const;
export type Horizon = (typeof HORIZONS)[number];
export type ContinuationOptions = { reportDate: string; horizon?: Horizon | null };

/** Which figure a pilot list should show: the pilots a dashboard number counts. */
export const COUNTS = ["eligible", "continuing", "fully", "partly", "ended", "notFollowedUp", "followedUp"] as const;
export type Counts = (typeof COUNTS)[number];

/** Condition: pilot p is eligible at the reporting date (and horizon). */
export function eligibleSql({ reportDate, horizon }: ContinuationOptions): SQL {
  return horizon
    ? sql`(p.end_date is not null and (p.end_date + make_interval(months => ${horizon}::int))::date <= ${reportDate}::date)`
    : sql`(p.end_date is not null and p.end_date <= ${reportDate}::date)`;
}

/** Scalar: what pilot p's latest relevant check counts as ('continuing' | 'partly' | 'ended' | 'unknown'), or null. */
export function latestCountsAsSql({ reportDate, horizon }: ContinuationOptions): SQL {
  const cutoff = horizon
    ? sql`least((p.end_date + make_interval(months => ${horizon}::int))::date, ${reportDate}::date)`
    : sql`${reportDate}::date`;
  return sql`(select s.counts_as from continuation_checks c join continuation_statuses s on s.code = c.status_code
    where c.pilot_id = p.id and c.checked_on <= ${cutoff} order by c.checked_on desc, c.id desc limit 1)`;
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
  };
  return sql`(${eligibleSql(opts)} and ${which[counts]})`;
}

/**
 * The same "latest check on or before a cut-off" for many pilots at once, for aggregates: one pass over
 * the checks of the pilots in `pilotsCte` (a CTE name with columns id, end_date) computing, per pilot,
 * max(key) under each cut-off, where key orders checks by (date, id) and carries the category of the
 * status in its lowest bits. Yields columns r, h6, h12, h24 holding 'continuing' | 'partly' | 'ended' |
 * 'unknown' | null. Checked against the per-pilot form by db/queries/dashboard.test.ts.
 */
export function latestStatusesSql(pilotsCte: SQL, reportDate: string): SQL {
  const key = sql`((c.checked_on - date '1900-01-01')::bigint * 1073741824 + c.id) * 8 +
    case s.counts_as when 'continuing' then 1 when 'partly' then 2 when 'ended' then 3 else 4 end`;
  const cut = (h: number) => sql`max(${key}) filter (where c.checked_on <= ${sql.raw(`sp.c${h}`)})`;
  const cutoff = (h: number) =>
    sql`least((end_date + make_interval(months => ${h}::int))::date, ${reportDate}::date) as ${sql.raw(`c${h}`)}`;
  const cat = (col: string) =>
    sql.raw(
      `case ${col} % 8 when 1 then 'continuing' when 2 then 'partly' when 3 then 'ended' when 4 then 'unknown' end`,
    );
  return sql`select k.pilot_id, ${cat("k.r")} as r, ${cat("k.h6")} as h6, ${cat("k.h12")} as h12, ${cat("k.h24")} as h24
    from (select c.pilot_id,
        max(${key}) filter (where c.checked_on <= ${reportDate}::date) as r,
        ${cut(6)} as h6, ${cut(12)} as h12, ${cut(24)} as h24
      from continuation_checks c
        join (select id, ${cutoff(6)}, ${cutoff(12)}, ${cutoff(24)} from ${pilotsCte}) sp on sp.id = c.pilot_id join continuation_statuses s on s.code = c.status_code
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

export function summarize(c: ContinuationCounts) {
  const followedUp = c.continuing + c.ended;
  return {
    ...c,
    followedUp,
    rate: followedUp ? c.continuing / followedUp : null,
    fullRate: followedUp ? c.fully / followedUp : null,
    coverage: c.eligible ? followedUp / c.eligible : null,
    interval: wilson(c.continuing, followedUp),
  };
}

/** Counts for the pilots matching `where` (a condition on alias p), at the reporting date (no horizon). */
export async function continuationCounts(
  db: Db,
  opts: { reportDate: string; where?: SQL },
): Promise<ContinuationCounts> {
  const [r] = await queryRows<Record<string, string | number>>(
    db,
    sql`with sp as materialized (select p.id, p.end_date from pilots p
          where ${eligibleSql(opts)} ${opts.where ? sql`and ${opts.where}` : sql``}),
        st as (${latestStatusesSql(sql`sp`, opts.reportDate)})
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
