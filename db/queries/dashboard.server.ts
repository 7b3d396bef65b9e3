/**
 * The network dashboard's figures, all aggregated in SQL (docs/decisions/005, 040). Every function
 * takes `scope`: a condition on pilots `p` combining who may see what (published only for the public)
 * and the dashboard's filters.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../connect";
import { continuationCounts, HORIZONS, summarize, type ContinuationCounts } from "./continuation.server";
import { pilotYearSql } from "./pilot-filters.server";
import { recordStatusesSql, type StatusesSql } from "./status-record.server";

type Agg = { eligible: number; continuing: number; fully: number; partly: number; ended: number };
const agg = (col: string) =>
  sql.raw(`count(*)::int as eligible,
  (count(*) filter (where ${col} in ('continuing', 'partly')))::int as continuing,
  (count(*) filter (where ${col} = 'continuing'))::int as fully,
  (count(*) filter (where ${col} = 'partly'))::int as partly,
  (count(*) filter (where ${col} = 'ended'))::int as ended`);

export const CUTS = ["programme", "phase", "region", "municipality", "targetGroup", "artForm", "year"] as const;
export type Cut = (typeof CUTS)[number];

function toCounts(r: Agg): ContinuationCounts {
  return {
    eligible: r.eligible,
    continuing: r.continuing,
    fully: r.fully,
    partly: r.partly,
    ended: r.ended,
    notFollowedUp: r.eligible - r.continuing - r.ended,
  };
}

export type MunicipalityRow = {
  municipality: string;
  pilots: number;
  eligible: number;
  continuing: number;
  artists: number;
};

/**
 * Everything about continuation in one query: each pilot's status at the reporting date and at the
 * 6, 12 and 24 month milestones after its end is read off the status record (recordStatusesSql), then the headline, every cut, the
 * horizons and the municipality table are aggregated from it. `statuses` computes the statuses some
 * other way (the equality test passes the definition itself, latestStatusesSql).
 */
export async function continuationOverview(db: Db, opts: { reportDate: string; scope: SQL; statuses?: StatusesSql }) {
  const statuses = opts.statuses ?? recordStatusesSql;
  const R = sql`${opts.reportDate}::date`;
  const horizon = (h: number, col: string) =>
    sql`select ${`h${h}`}, '', ${agg(col)}, null::int, null::int, null::int from base b where (b.end_date + make_interval(months => ${h}::int))::date <= ${R}`;
  const rows = await queryRows<
    Agg & { dim: string; key: string; pilots: number | null; artists: number | null; out_of_date: number | null }
  >(
    db,
    sql`with sp as materialized (
        select p.id, p.start_date, p.end_date, ${pilotYearSql} as year from pilots p where ${opts.scope}
      ),
      base as materialized (select sp.*, st.r, st.r_on, st.h6, st.h12, st.h24
        from sp left join (${statuses(sql`sp`, opts.reportDate)}) st on st.pilot_id = sp.id),
      e as materialized (select * from base where end_date <= ${R}),
      -- Each pilot once per region (two of its municipalities may share one), with its status along.
      pilot_regions as (
        select distinct b.id, b.r, mr.region_code from e b join pilot_municipalities pm on pm.pilot_id = b.id
        join municipality_regions mr on mr.municipality_code = pm.municipality_code
          and mr.valid_from <= coalesce(b.start_date, b.end_date) and (mr.valid_to is null or mr.valid_to > coalesce(b.start_date, b.end_date))
      ),
      -- Distinct artists per municipality: an artist of the directory by id, else by name, else each employment
      -- on its own (the three never meet); deduplicated by hashing the triple, then counted.
      artists as (
        select d.municipality_code, count(*)::int as artists from (
          select distinct pm.municipality_code, x.artist_id,
            case when x.artist_id is null then x.artist_name end as artist_name,
            case when x.artist_id is null and x.artist_name is null then x.id end as employment_id
          from employments x join sp on sp.id = x.pilot_id join pilot_municipalities pm on pm.pilot_id = x.pilot_id) d
        group by d.municipality_code
      )
    select 'all' as dim, '' as key, ${agg("r")}, null::int as pilots, null::int as artists,
      (count(*) filter (where r in ('continuing', 'partly') and (r_on + interval '12 months')::date < ${R}))::int as out_of_date
    from e
    union all
    select 'programme', pr.code, ${agg("r")}, null, null, null from e b join pilot_programmes pp on pp.pilot_id = b.id join programmes pr on pr.id = pp.programme_id group by pr.code
    union all
    select 'phase', pp.phase_id::text, ${agg("r")}, null, null, null from e b join pilot_programmes pp on pp.pilot_id = b.id where pp.phase_id is not null group by pp.phase_id
    union all
    select 'region', g.region_code, ${agg("r")}, null, null, null from pilot_regions g group by g.region_code
    union all
    select 'municipality', pm.municipality_code, ${agg("r")}, null, null, null from e b join pilot_municipalities pm on pm.pilot_id = b.id group by pm.municipality_code
    union all
    select 'targetGroup', x.target_group_code, ${agg("r")}, null, null, null from e b join pilot_target_groups x on x.pilot_id = b.id group by x.target_group_code
    union all
    select 'artForm', x.art_form_code, ${agg("r")}, null, null, null from e b join pilot_art_forms x on x.pilot_id = b.id group by x.art_form_code
    union all
    select 'year', b.year::text, ${agg("r")}, null, null, null from e b where b.year is not null group by b.year
    union all ${horizon(6, "h6")}
    union all ${horizon(12, "h12")}
    union all ${horizon(24, "h24")}
    union all
    select 'municipalityTable', pm.municipality_code,
      (count(*) filter (where b.end_date <= ${R}))::int,
      (count(*) filter (where b.end_date <= ${R} and b.r in ('continuing', 'partly')))::int,
      0, 0, 0, count(*)::int, coalesce(max(a.artists), 0), null
    from base b join pilot_municipalities pm on pm.pilot_id = b.id left join artists a on a.municipality_code = pm.municipality_code
    group by pm.municipality_code`,
  );
  const empty: Agg = { eligible: 0, continuing: 0, fully: 0, partly: 0, ended: 0 };
  const headline = rows.find((r) => r.dim === "all") ?? empty;
  const cuts = Object.fromEntries(CUTS.map((c) => [c, [] as { key: string; counts: ContinuationCounts }[]])) as Record<
    Cut,
    { key: string; counts: ContinuationCounts }[]
  >;
  const municipalities: MunicipalityRow[] = [];
  for (const r of rows) {
    if (r.dim === "municipalityTable") {
      municipalities.push({
        municipality: r.key,
        pilots: r.pilots ?? 0,
        eligible: r.eligible,
        continuing: r.continuing,
        artists: r.artists ?? 0,
      });
    } else if ((CUTS as readonly string[]).includes(r.dim)) {
      cuts[r.dim as Cut].push({ key: r.key, counts: toCounts(r) });
    }
  }
  municipalities.sort((a, b) => b.pilots - a.pilots || a.municipality.localeCompare(b.municipality));
  const horizons = HORIZONS.map((h) => ({
    horizon: h,
    counts: toCounts(rows.find((r) => r.dim === `h${h}`) ?? empty),
  }));
  // Followed-up pilots whose latest answer (continuing) is more than 12 months old at the reporting date:
  // they still count, and they are the first to ask again.
  const outOfDate = rows.find((r) => r.dim === "all")?.out_of_date ?? 0;
  return { headline: toCounts(headline), outOfDate, cuts, horizons, municipalities };
}

/** Pilots per year and phase (a pilot's phase: its first programme phase). */
export function pilotsPerYear(db: Db, scope: SQL) {
  return queryRows<{ year: number | null; phase: number | null; pilots: number }>(
    db,
    sql`select ${pilotYearSql} as year, (select min(pp.phase_id) from pilot_programmes pp where pp.pilot_id = p.id) as phase, count(*)::int as pilots
      from pilots p where ${scope} group by 1, 2 order by 1, 2`,
  );
}

/**
 * Municipalities involved per region, against the region's municipalities; both by today's regions, so
 * that a municipality that changed region (Isokyrö in 2021) is counted where it is divided by.
 */
export function municipalitiesPerRegion(db: Db, scope: SQL) {
  return queryRows<{ region: string; involved: number; total: number }>(
    db,
    sql`with involved as (
        select distinct mr.region_code, pm.municipality_code from pilots p
        join pilot_municipalities pm on pm.pilot_id = p.id
        join municipality_regions mr on mr.municipality_code = pm.municipality_code and mr.valid_to is null
        where ${scope})
      select i.region_code as region, count(*)::int as involved,
        (select count(*)::int from municipality_regions t where t.region_code = i.region_code and t.valid_to is null) as total
      from involved i group by i.region_code order by 1`,
  );
}

/**
 * Artists employed by art form and year; totals; pilots that employed a professional artist, and those
 * whose form does not say (docs/decisions/122).
 */
export async function employmentFigures(db: Db, scope: SQL) {
  const [byForm, [totals]] = await Promise.all([
    queryRows<{
      art_form: string | null;
      year: number | null;
      artists: number;
      days: string | null;
      fees: string | null;
    }>(
      db,
      sql`select e.art_form_code as art_form, ${pilotYearSql} as year,
          count(distinct coalesce(e.artist_id::text, 'n:' || e.artist_name, 'e:' || e.id))::int as artists,
          sum(e.days)::text as days, sum(e.fee_cents)::text as fees
        from employments e join pilots p on p.id = e.pilot_id where ${scope}
        group by 1, 2 order by 2, 1`,
    ),
    queryRows<{
      artists: number;
      days: string | null;
      fees: string | null;
      pilots: number;
      with_professional: number;
      not_stated: number;
    }>(
      db,
      sql`with sp as materialized (select p.id from pilots p where ${scope}),
          em as materialized (select e.* from employments e join sp on sp.id = e.pilot_id)
        select
          (select count(distinct coalesce(em.artist_id::text, 'n:' || em.artist_name, 'e:' || em.id))::int from em) as artists,
          (select sum(em.days)::text from em) as days,
          (select sum(em.fee_cents)::text from em) as fees,
          (select count(*)::int from sp) as pilots,
          (select count(distinct em.pilot_id)::int from em where em.professional) as with_professional,
          -- Not stated: no row says "professional" and at least one row leaves the question open.
          (select count(distinct em.pilot_id)::int from em where em.professional is null
            and not exists (select 1 from em x where x.pilot_id = em.pilot_id and x.professional)) as not_stated`,
    ),
  ]);
  return { byForm, totals };
}

/** Euros by funder and year, the total, euros per pilot and the share of municipal own funding. */
export async function fundingFigures(db: Db, scope: SQL) {
  const [byFunder, [totals]] = await Promise.all([
    queryRows<{ funder: number; year: number | null; amount: string }>(
      db,
      sql`select f.funder_id as funder, ${pilotYearSql} as year, sum(f.amount_cents)::text as amount
        from funding_lines f join pilots p on p.id = f.pilot_id where ${scope} group by 1, 2 order by 2, 3 desc`,
    ),
    queryRows<{ total: string | null; own: string | null; pilots: number }>(
      db,
      sql`select sum(f.amount_cents)::text as total, (sum(f.amount_cents) filter (where f.kind = 'own_share'))::text as own,
          count(distinct f.pilot_id)::int as pilots
        from funding_lines f join pilots p on p.id = f.pilot_id where ${scope}`,
    ),
  ]);
  return { byFunder, totals };
}

/** Pilots joining culture with social, health or education services; the most frequent partners. */
export async function cooperationFigures(db: Db, scope: SQL) {
  const [[sectors], partners] = await Promise.all([
    queryRows<{
      pilots: number;
      culture_social: number;
      culture_health: number;
      culture_education: number;
      culture_any: number;
    }>(
      db,
      sql`with s as (select p.id,
            bool_or(x.sector_code = 'culture') as culture, bool_or(x.sector_code = 'social') as social,
            bool_or(x.sector_code = 'health') as health, bool_or(x.sector_code = 'education') as education
          from pilots p left join pilot_sectors x on x.pilot_id = p.id where ${scope} group by p.id)
        select count(*)::int as pilots,
          (count(*) filter (where culture and social))::int as culture_social,
          (count(*) filter (where culture and health))::int as culture_health,
          (count(*) filter (where culture and education))::int as culture_education,
          (count(*) filter (where culture and (social or health or education)))::int as culture_any
        from s`,
    ),
    queryRows<{ organisation: number; pilots: number }>(
      db,
      sql`select x.organisation_id as organisation, count(distinct x.pilot_id)::int as pilots
        from pilot_partners x join pilots p on p.id = x.pilot_id where ${scope}
        group by 1 order by 2 desc, 1 limit 10`,
    ),
  ]);
  return { sectors, partners };
}

/** Participants per target group (counts only). */
export function reachFigures(db: Db, scope: SQL) {
  return queryRows<{ target_group: string; participants: number; pilots: number }>(
    db,
    sql`select a.target_group_code as target_group, sum(a.participants)::int as participants, count(distinct a.pilot_id)::int as pilots
      from activity_figures a join pilots p on p.id = a.pilot_id where ${scope} group by 1 order by 2 desc`,
  );
}

/** The home page's figures over the pilots `visibility` admits: the continuation headline and three counts. */
export async function homeFigures(db: Db, today: string, visibility: SQL) {
  const [counts, [figures]] = await Promise.all([
    continuationCounts(db, { reportDate: today, where: visibility }),
    queryRows<{ pilots: number; municipalities: number; artists: number }>(
      db,
      sql`select
        (select count(*)::int from pilots p where ${visibility}) as pilots,
        (select count(distinct pm.municipality_code)::int from pilot_municipalities pm join pilots p on p.id = pm.pilot_id where ${visibility}) as municipalities,
        (select count(*)::int from artists where state = 'approved') as artists`,
    ),
  ]);
  return { continuation: summarize(counts), figures };
}

/**
 * How well follow-up requests are answered (docs/decisions/113), for the pilots in `scope` at the
 * reporting date: requests sent by then (a superseded one left out: a newer round replaced it),
 * those answered by then, and the median days from the first mailing to the answer.
 */
export async function followUpResponse(db: Db, opts: { reportDate: string; scope: SQL }) {
  const day = (col: SQL) => sql`(${col} at time zone 'Europe/Helsinki')::date`;
  const R = sql`${opts.reportDate}::date`;
  const answered = sql`r.outcome = 'answered' and ${day(sql`r.closed_at`)} <= ${R}`;
  const [row] = await queryRows<{ sent: number; answered: number; median: number | null }>(
    db,
    sql`select count(*)::int as sent, (count(*) filter (where ${answered}))::int as answered,
          percentile_cont(0.5) within group (order by extract(epoch from r.closed_at - r.sent_at) / 86400)
            filter (where ${answered}) as median
        from follow_up_requests r join pilots p on p.id = r.pilot_id
        where r.sent_at is not null and ${day(sql`r.sent_at`)} <= ${R}
          and (r.outcome is distinct from 'superseded' or ${day(sql`r.closed_at`)} > ${R})
          and (${opts.scope})`,
  );
  return {
    sent: Number(row?.sent ?? 0),
    answered: Number(row?.answered ?? 0),
    medianDays: row?.median == null ? null : Math.round(Number(row.median) * 10) / 10,
  };
}
