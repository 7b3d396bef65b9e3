/**
 * The continuation rate as product.md defines it, computed in SQL (docs/decisions/005):
 * eligible = funded period ended on or before the reporting date; status = latest check on or
 * before the reporting date ("unknown" or none = not followed up).
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../connect";
import { wilson } from "~/utils/stats";

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
export async function continuationCounts(db: Db, opts: { reportDate: string; where?: SQL }): Promise<ContinuationCounts> {
  const [r] = await queryRows<Record<string, string | number>>(db, sql`
    with eligible as (
      select p.id from pilots p
      where p.end_date is not null and p.end_date <= ${opts.reportDate}::date ${opts.where ? sql`and ${opts.where}` : sql``}
    ),
    latest as (
      select distinct on (c.pilot_id) c.pilot_id, s.counts_as
      from continuation_checks c
      join continuation_statuses s on s.code = c.status_code
      where c.checked_on <= ${opts.reportDate}::date and c.pilot_id in (select id from eligible)
      order by c.pilot_id, c.checked_on desc, c.id desc
    )
    select count(*) as eligible,
      count(*) filter (where l.counts_as in ('continuing', 'partly')) as continuing,
      count(*) filter (where l.counts_as = 'continuing') as fully,
      count(*) filter (where l.counts_as = 'partly') as partly,
      count(*) filter (where l.counts_as = 'ended') as ended
    from eligible e left join latest l on l.pilot_id = e.id`);
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
