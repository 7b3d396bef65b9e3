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
import { wilson } from "~/utils/stats";

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

/** Counts for the pilots matching `where` (a condition on alias p). */
export async function continuationCounts(
  db: Db,
  opts: ContinuationOptions & { where?: SQL },
): Promise<ContinuationCounts> {
  const [r] = await queryRows<Record<string, string | number>>(
    db,
    sql`select count(*) as eligible,
        count(*) filter (where l.counts_as in ('continuing', 'partly')) as continuing,
        count(*) filter (where l.counts_as = 'continuing') as fully,
        count(*) filter (where l.counts_as = 'partly') as partly,
        count(*) filter (where l.counts_as = 'ended') as ended
      from (select ${latestCountsAsSql(opts)} as counts_as from pilots p
            where ${eligibleSql(opts)} ${opts.where ? sql`and ${opts.where}` : sql``}) l`,
  );
  const eligible = Number(r.eligible);
  const continuing = Number(r.continuing);
  const ended = Number(r.ended);
  return { eligible, continuing, fully: Number(r.fully), partly: Number(r.partly), ended, notFollowedUp: eligible - continuing - ended };
}
