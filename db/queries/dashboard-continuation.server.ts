/**
 * The dashboard's continuation figures (docs/decisions/005, 040, 130, 144): the headline, every cut, the
 * horizons and the municipality table, in one statement over the status record.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../connect";
import { HORIZONS, type ContinuationCounts } from "./continuation.server";
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
