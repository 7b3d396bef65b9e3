/**
 * Each pilot's lifetime after its funding ended, for the survival figures (docs/decisions/078).
 * Time runs from the end of the funded period (in days; months = days ÷ 30.4375). Of the pilots
 * eligible at the reporting date, only answers on or before it and other than "unknown" count:
 * - L = the last continuing answer (continuing, partly, transferred), F = the first "ended" answer
 *   after L (after the funding's end when there is no L);
 * - with F: an event at F's "ended on" (not before L), else at the midpoint between L (or the end of
 *   funding) and F's date: the service ended somewhere in between;
 * - without F: censored at L — still running at the last answer;
 * - pilots with no such answer are excluded and counted.
 * "Latest" and "first" order answers by date and, on the same day, by the order they were entered.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../connect";
import type { Localized } from "~shared/codes";
import type { SurvivalCut } from "~shared/survival-cuts";
import { eligibleSql } from "./continuation.server";
import { membershipDateSql } from "./pilot-filters.server";
import { kaplanMeier, medianLifetime, survivalAt, type Observation } from "./survival";

export const DAYS_PER_MONTH = 365.25 / 12;
export const SURVIVAL_TIMES = [6, 12, 24, 36] as const;

export type Lifetime = { pilotId: number; days: number; months: number; event: boolean };

/**
 * SQL yielding, for the pilots of `pilotsCte` (a CTE name with column id), what their lifetimes at the
 * reporting date are computed from: pilot_id, l_on (L's date), f_on and f_ended_on (F's date and its
 * "ended on"); a pilot without L or F has nulls there or no row.
 */
export type LifetimeInputsSql = (pilotsCte: SQL, reportDate: string) => SQL;

/**
 * The definition: L and F from the answers themselves (the reference for the status record's columns,
 * db/queries/status-record.test.ts).
 */
export const lifetimeInputsFromChecksSql: LifetimeInputsSql = (pilotsCte, reportDate) => {
  const R = sql`${reportDate}::date`;
  return sql`with a as materialized (select c.id, c.pilot_id, c.checked_on, c.ended_on, s.counts_as
        from continuation_checks c join continuation_statuses s on s.code = c.status_code join ${pilotsCte} sp on sp.id = c.pilot_id
        where c.checked_on <= ${R} and s.counts_as in ('continuing', 'partly', 'ended')),
      l as (select distinct on (a.pilot_id) a.pilot_id, a.checked_on, a.id from a
        where a.counts_as in ('continuing', 'partly') order by a.pilot_id, a.checked_on desc, a.id desc),
      f as (select distinct on (a.pilot_id) a.pilot_id, a.checked_on, a.ended_on from a left join l on l.pilot_id = a.pilot_id
        where a.counts_as = 'ended' and (l.pilot_id is null or (a.checked_on, a.id) > (l.checked_on, l.id))
        order by a.pilot_id, a.checked_on, a.id)
    select coalesce(l.pilot_id, f.pilot_id) as pilot_id, l.checked_on as l_on, f.checked_on as f_on, f.ended_on as f_ended_on
    from l full join f on f.pilot_id = l.pilot_id`;
};

/**
 * The same from the per-pilot status record (docs/decisions/130, 153): the span containing the
 * reporting date holds L's and F's dates, kept by the database's triggers with the statuses.
 */
export const recordLifetimeInputsSql: LifetimeInputsSql = (_pilotsCte, reportDate) =>
  sql`select x.pilot_id, x.l_on, x.f_on, x.f_ended_on from pilot_status_spans x
    where x.valid_from <= ${reportDate}::date and x.valid_to > ${reportDate}::date`;

type LifetimesOptions = { reportDate: string; scope: SQL; inputs?: LifetimeInputsSql };

/**
 * Each eligible pilot of `scope` (a condition on pilots `p`) with its lifetime: id, event (null when
 * excluded) and days (float8); L and F read off the status record (`inputs`: another way, e.g. the
 * definition).
 */
function lifetimeRowsSql(opts: LifetimesOptions): SQL {
  const inputs = opts.inputs ?? recordLifetimeInputsSql;
  return sql`with sp as (select p.id, p.end_date from pilots p where ${eligibleSql({ reportDate: opts.reportDate })} and ${opts.scope})
    select sp.id,
      case when i.f_on is not null then true when i.l_on is not null then false end as event,
      case
        when i.f_on is not null and i.f_ended_on is not null
          then greatest(0, i.f_ended_on - sp.end_date, coalesce(i.l_on - sp.end_date, 0))::float8
        when i.f_on is not null
          then greatest(0, (greatest(0, coalesce(i.l_on - sp.end_date, 0)) + (i.f_on - sp.end_date)) / 2.0)::float8
        when i.l_on is not null then greatest(0, i.l_on - sp.end_date)::float8
      end as days
    from sp left join (${inputs(sql`sp`, opts.reportDate)}) i on i.pilot_id = sp.id`;
}

/**
 * Lifetimes of the eligible pilots matching `scope`, each with its pilot (the survival comparison groups
 * them), and how many were excluded.
 */
export async function pilotLifetimes(db: Db, opts: LifetimesOptions) {
  const rows = await queryRows<{ id: number; days: string | number | null; event: boolean | null }>(
    db,
    sql`${lifetimeRowsSql(opts)} order by sp.id`,
  );
  const lifetimes: Lifetime[] = [];
  let excluded = 0;
  for (const r of rows) {
    if (r.event == null || r.days == null) excluded++;
    else {
      const days = Number(r.days);
      lifetimes.push({ pilotId: Number(r.id), days, months: days / DAYS_PER_MONTH, event: r.event });
    }
  }
  return { lifetimes, excluded };
}

/** Pilots with the same lifetime and outcome: `n` of them. */
export type LifetimeGroup = { days: number; months: number; event: boolean; n: number };

/**
 * The same lifetimes counted per (days, event), for the figures that need only the estimate (the
 * dashboard's and the report's survival summary, docs/decisions/159): one row per distinct lifetime
 * instead of one per pilot; `survivalSummary` of the groups equals that of `pilotLifetimes`.
 */
export async function lifetimeGroups(db: Db, opts: LifetimesOptions) {
  const rows = await queryRows<{ days: string | number | null; event: boolean | null; n: string | number }>(
    db,
    sql`select l.days, l.event, count(*) as n from (${lifetimeRowsSql(opts)}) l group by l.days, l.event`,
  );
  const groups: LifetimeGroup[] = [];
  let excluded = 0;
  for (const r of rows) {
    if (r.event == null || r.days == null) excluded += Number(r.n);
    else {
      const days = Number(r.days);
      groups.push({ days, months: days / DAYS_PER_MONTH, event: r.event, n: Number(r.n) });
    }
  }
  return { groups, excluded };
}

/**
 * The survival table: n, events, the share still running at 6/12/24/36 months with n at risk, the median;
 * from single lifetimes or counted groups of them (`n`).
 */
export function survivalSummary(lifetimes: { months: number; event: boolean; n?: number }[]) {
  const km = kaplanMeier(
    lifetimes.map((l): Observation & { n?: number } => ({ time: l.months, event: l.event, n: l.n })),
  );
  return {
    n: km.n,
    events: km.events,
    at: SURVIVAL_TIMES.map((t) => survivalAt(km, t)),
    medianMonths: medianLifetime(km),
    km,
  };
}

/**
 * Each pilot's groups under `cut` (a pilot may have several: two programmes, target groups, art
 * forms), with the group's name, for the pilots matching `scope`. A region is taken at the start of
 * the funded period, as in the cut tables (docs/decisions/041).
 */
export function pilotGroups(db: Db, opts: { scope: SQL; cut: SurvivalCut }) {
  const groups: Record<SurvivalCut, SQL> = {
    programme: sql`select pp.pilot_id, g.code as key, g.name from pilot_programmes pp join programmes g on g.id = pp.programme_id`,
    phase: sql`select pp.pilot_id, g.id::text as key, g.name from pilot_programmes pp join programme_phases g on g.id = pp.phase_id`,
    region: sql`select distinct pm.pilot_id, g.code as key, g.name from pilot_municipalities pm
      join pilots p on p.id = pm.pilot_id
      join municipality_regions mr on mr.municipality_code = pm.municipality_code
        and mr.valid_from <= ${membershipDateSql} and (mr.valid_to is null or mr.valid_to > ${membershipDateSql})
      join regions g on g.code = mr.region_code`,
    targetGroup: sql`select x.pilot_id, g.code as key, g.name from pilot_target_groups x join target_groups g on g.code = x.target_group_code`,
    artForm: sql`select x.pilot_id, g.code as key, g.name from pilot_art_forms x join art_forms g on g.code = x.art_form_code`,
  };
  return queryRows<{ pilot_id: number; key: string; name: Localized }>(
    db,
    sql`with m as (${groups[opts.cut]}) select distinct m.pilot_id, m.key, m.name from m join pilots p on p.id = m.pilot_id
      where ${opts.scope} order by m.key, m.pilot_id`,
  );
}
