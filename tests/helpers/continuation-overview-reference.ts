/**
 * The dashboard's continuation overview as one statement, as it was before the municipality table's
 * date-independent part (pilots and distinct artists per municipality) became its own statement
 * (docs/decisions/160). Test-only: db/queries/dashboard-continuation.test.ts compares the split
 * functions with it on random data.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/connect";
import { HORIZONS, type ContinuationCounts } from "../../db/queries/continuation.server";
import {
  CUTS,
  countsOf,
  type Cut,
  type MunicipalityRow,
  type Status,
} from "../../db/queries/dashboard-continuation.server";
import { pilotYearSql } from "../../db/queries/pilot-filters.server";
import { recordSpansAtSql, type StatusesSql } from "../../db/queries/status-record.server";

/**
 * Everything about continuation in one query: each pilot's status at the reporting date and at the
 * 6, 12 and 24 month milestones after its end is read off the status record (docs/decisions/130) once,
 * with the pilot's eligibility at each (a status where eligible, null where not) and the groups it is
 * counted under in every other cut (pilot_figures.cut_keys, docs/decisions/156); then one grouping over
 * the pilots gives the headline, the years and the horizons (GROUPING SETS), and one grouping of the
 * pilots by their keys gives the programme, phase, target group, art form, region and municipality cuts
 * and the municipality table's pilots. Every grouping only counts pilots per status; the counts are
 * summed here (docs/decisions/153). `statuses` computes the statuses some other way (the equality test
 * passes the definition itself, latestStatusesSql).
 */
export async function continuationOverviewReference(
  db: Db,
  opts: { reportDate: string; scope: SQL; statuses?: StatusesSql },
) {
  const R = sql`${opts.reportDate}::date`;
  const statuses = opts.statuses ? opts.statuses(sql`sp`, opts.reportDate) : recordSpansAtSql(opts.reportDate);
  const inHorizon = (h: number) => sql`(p.end_date + make_interval(months => ${h}::int))::date <= ${R}`;
  const atHorizon = (h: number) =>
    sql`case when ${inHorizon(h)} then coalesce(${sql.raw(`st.h${h}`)}, '') end as ${sql.raw(`x${h}`)}`;
  const rows = await queryRows<{
    dim: string;
    key: string;
    s: Status | null;
    ood: boolean | null;
    n: number;
    artists: number | null;
  }>(
    db,
    sql`with sp as (select p.id, p.end_date from pilots p where ${opts.scope}),
      -- Per pilot in scope: x0, x6, x12, x24 its status at the reporting date and at each horizon where it is
      -- eligible there (null where not); ood: its latest answer is continuing and more than 12 months old;
      -- keys: the groups of every other cut, kept with the pilot (pilot_figures.cut_keys, docs/decisions/156).
      b as materialized (
        select p.id, ${pilotYearSql} as year, f.cut_keys as keys,
          case when p.end_date <= ${R} then coalesce(st.r, '') end as x0,
          st.r in ('continuing', 'partly') and (st.r_on + interval '12 months')::date < ${R} as ood,
          ${atHorizon(6)}, ${atHorizon(12)}, ${atHorizon(24)}
        from pilots p left join (${statuses}) st on st.pilot_id = p.id
          left join pilot_figures f on f.pilot_id = p.id
        where ${opts.scope}
      ),
      -- Distinct artists per municipality: an artist of the directory by id, else by name, else each employment
      -- on its own (the three never meet); deduplicated by hashing the triple, then counted.
      artists as (
        select d.municipality_code, count(*)::int as artists from (
          select distinct pm.municipality_code, x.artist_id,
            case when x.artist_id is null then x.artist_name end as artist_name,
            case when x.artist_id is null and x.artist_name is null then x.id end as employment_id
          from employments x join b on b.id = x.pilot_id join pilot_municipalities pm on pm.pilot_id = x.pilot_id) d
        group by d.municipality_code
      )
    select case grouping(b.year, b.ood, b.x6, b.x12, b.x24) when 23 then 'all' when 15 then 'year'
        when 27 then 'h6' when 29 then 'h12' else 'h24' end as dim,
      coalesce(b.year::text, '') as key, coalesce(b.x0, b.x6, b.x12, b.x24) as s, b.ood, count(*)::int as n, null::int as artists
    from b
    group by grouping sets ((b.x0, b.ood), (b.year, b.x0), (b.x6), (b.x12), (b.x24))
    union all
    -- Every other cut (programme, phase, target group, art form, region, municipality) in one grouping of
    -- the pilots by their keys; the municipality table counts every pilot in scope, the cuts the eligible.
    select split_part(g.k, ':', 1), substr(g.k, strpos(g.k, ':') + 1), g.x0, null, g.n, null
    from (select k, b.x0, count(*)::int as n from b cross join unnest(b.keys) k group by k, b.x0) g
    union all
    select 'artists', a.municipality_code, null, null, 0, a.artists from artists a`,
  );
  // Pilots per status under each (dimension, key); a null status: in scope but not eligible.
  const groups = new Map<string, { dim: string; key: string; n: Map<string, number> }>();
  const at = (dim: string, key: string) => {
    const id = `${dim}\u0000${key}`;
    const g = groups.get(id) ?? { dim, key, n: new Map<string, number>() };
    groups.set(id, g);
    return g;
  };
  let outOfDate = 0;
  const inScope = new Map<string, { pilots: number; artists: number }>();
  const artists = new Map<string, number>();
  for (const r of rows) {
    if (r.dim === "artists") {
      artists.set(r.key, r.artists ?? 0);
      continue;
    }
    if (r.dim === "municipality") {
      const m = inScope.get(r.key) ?? { pilots: 0, artists: 0 };
      m.pilots += r.n;
      inScope.set(r.key, m);
    }
    if (r.s == null || (r.dim === "year" && r.key === "")) continue;
    const g = at(r.dim, r.key);
    g.n.set(r.s, (g.n.get(r.s) ?? 0) + r.n);
    if (r.dim === "all" && r.ood) outOfDate += r.n;
  }
  for (const [municipality, m] of inScope) m.artists = artists.get(municipality) ?? 0;
  const cuts = Object.fromEntries(CUTS.map((c) => [c, [] as { key: string; counts: ContinuationCounts }[]])) as Record<
    Cut,
    { key: string; counts: ContinuationCounts }[]
  >;
  for (const g of groups.values())
    if ((CUTS as readonly string[]).includes(g.dim)) cuts[g.dim as Cut].push({ key: g.key, counts: countsOf(g.n) });
  const counts = (dim: string) => countsOf(groups.get(`${dim}\u0000`)?.n ?? new Map());
  const municipalities: MunicipalityRow[] = [...inScope].map(([municipality, m]) => {
    const c = countsOf(groups.get(`municipality\u0000${municipality}`)?.n ?? new Map());
    return { municipality, pilots: m.pilots, eligible: c.eligible, continuing: c.continuing, artists: m.artists };
  });
  municipalities.sort((a, b) => b.pilots - a.pilots || a.municipality.localeCompare(b.municipality));
  const horizons = HORIZONS.map((h) => ({ horizon: h, counts: counts(`h${h}`) }));
  // Followed-up pilots whose latest answer (continuing) is more than 12 months old at the reporting date:
  // they still count, and they are the first to ask again.
  return { headline: counts("all"), outOfDate, cuts, horizons, municipalities };
}
