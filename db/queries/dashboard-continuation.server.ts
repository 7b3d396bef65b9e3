/**
 * The dashboard's continuation figures (docs/decisions/005, 040, 130, 144, 153, 156, 160): the headline, every
 * cut and the horizons in one statement over the status record at the reporting date; the municipality
 * table's pilots and artists, which do not depend on the date, in another (municipalityReach).
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../connect";
import { HORIZONS, type ContinuationCounts } from "./continuation.server";
import { pilotYearSql } from "./pilot-filters.server";
import { recordSpansAtSql, type StatusesSql } from "./status-record.server";

type Agg = { eligible: number; continuing: number; fully: number; partly: number; ended: number };

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

/** A status as the query groups by it: what it counts as, or "" for no answer (not followed up). */
export type Status = "continuing" | "partly" | "ended" | "unknown" | "";

/** Counts from the number of pilots with each status. */
export function countsOf(n: Map<string, number>): ContinuationCounts {
  let eligible = 0;
  for (const v of n.values()) eligible += v;
  return toCounts({
    eligible,
    continuing: (n.get("continuing") ?? 0) + (n.get("partly") ?? 0),
    fully: n.get("continuing") ?? 0,
    partly: n.get("partly") ?? 0,
    ended: n.get("ended") ?? 0,
  });
}

/**
 * The number of distinct artists among employments `e`: an artist of the directory by id, else by name,
 * else each employment on its own. The three kinds never meet, so they are counted apart, the first two
 * as integers and names rather than as one text key built for every row.
 */
export const distinctArtists = (e: string) =>
  sql.raw(`(count(distinct ${e}.artist_id) + count(distinct ${e}.artist_name) filter (where ${e}.artist_id is null)
    + count(*) filter (where ${e}.artist_id is null and ${e}.artist_name is null))::int`);

/**
 * The part of the municipality table that does not depend on the reporting date (docs/decisions/160): per
 * municipality, the pilots in scope and the distinct artists they employed. A plain JSON value (sorted by
 * municipality), so that it can be computed once per scope and data generation; `municipalityRows` joins
 * it with the reporting date's counts.
 */
export type MunicipalityReach = { municipality: string; pilots: number; artists: number };

/**
 * Pilots and distinct artists per municipality for the pilots in `scope`. An artist is one of the directory
 * by id, else one by name, else each employment on its own (the three never meet, so they are counted
 * apart).
 */
export async function municipalityReach(db: Db, scope: SQL): Promise<MunicipalityReach[]> {
  const rows = await queryRows<{ municipality: string; pilots: number; artists: number | null }>(
    db,
    sql`with pm as materialized (
        select pm.pilot_id, pm.municipality_code from pilot_municipalities pm join pilots p on p.id = pm.pilot_id
        where ${scope}
      ),
      -- Counted per kind, each kind's count(distinct …) within a municipality's rows: cheaper than one
      -- sort of every (municipality, artist) triple.
      artists as (
        select pm.municipality_code, ${distinctArtists("x")} as artists
        from employments x join pm on pm.pilot_id = x.pilot_id group by 1
      )
    select m.municipality_code as municipality, m.pilots, a.artists
    from (select pm.municipality_code, count(*)::int as pilots from pm group by 1) m
      left join artists a on a.municipality_code = m.municipality_code`,
  );
  return rows
    .map((r) => ({ municipality: r.municipality, pilots: r.pilots, artists: r.artists ?? 0 }))
    .sort((a, b) => (a.municipality < b.municipality ? -1 : a.municipality > b.municipality ? 1 : 0));
}

/**
 * The municipality table: every municipality with pilots in scope (`reach`, date-independent) with its
 * eligible and continuing pilots at the reporting date (the overview's municipality cut); most pilots
 * first, then by code.
 */
export function municipalityRows(
  reach: readonly MunicipalityReach[],
  cut: readonly { key: string; counts: ContinuationCounts }[],
): MunicipalityRow[] {
  const counts = new Map(cut.map((c) => [c.key, c.counts]));
  const rows = reach.map((m) => {
    const c = counts.get(m.municipality);
    return {
      municipality: m.municipality,
      pilots: m.pilots,
      eligible: c?.eligible ?? 0,
      continuing: c?.continuing ?? 0,
      artists: m.artists,
    };
  });
  return rows.sort((a, b) => b.pilots - a.pilots || a.municipality.localeCompare(b.municipality));
}

/**
 * Everything about continuation at a reporting date in one query: each pilot's status at the date and at
 * the 6, 12 and 24 month milestones after its end is read off the status record (docs/decisions/130) once,
 * with the pilot's eligibility at each (a status where eligible, null where not), into a narrow `b`; one
 * grouping of `b` gives the headline, the years and the horizons (GROUPING SETS), and one grouping of the
 * eligible pilots by the groups they are counted under in every other cut (pilot_figures.cut_keys,
 * docs/decisions/156) gives the programme, phase, target group, art form, region and municipality cuts.
 * Every grouping only counts pilots per status; the counts are summed here (docs/decisions/153). The
 * municipality table's date-independent part is `municipalityReach` (docs/decisions/160). `statuses`
 * computes the statuses some other way (the equality test passes the definition itself, latestStatusesSql).
 */
export async function continuationOverview(db: Db, opts: { reportDate: string; scope: SQL; statuses?: StatusesSql }) {
  const R = sql`${opts.reportDate}::date`;
  const statuses = opts.statuses ? opts.statuses(sql`sp`, opts.reportDate) : recordSpansAtSql(opts.reportDate);
  const inHorizon = (h: number) => sql`(p.end_date + make_interval(months => ${h}::int))::date <= ${R}`;
  const atHorizon = (h: number) =>
    sql`case when ${inHorizon(h)} then coalesce(${sql.raw(`st.h${h}`)}, '') end as ${sql.raw(`x${h}`)}`;
  const rows = await queryRows<{ dim: string; key: string; s: Status | null; ood: boolean | null; n: number }>(
    db,
    sql`with sp as (select p.id, p.end_date from pilots p where ${opts.scope}),
      -- Per pilot in scope: x0, x6, x12, x24 its status at the reporting date and at each horizon where it is
      -- eligible there (null where not); ood: its latest answer is continuing and more than 12 months old.
      b as materialized (
        select p.id, ${pilotYearSql} as year, f.cut_keys,
          case when p.end_date <= ${R} then coalesce(st.r, '') end as x0,
          st.r in ('continuing', 'partly') and (st.r_on + interval '12 months')::date < ${R} as ood,
          ${atHorizon(6)}, ${atHorizon(12)}, ${atHorizon(24)}
        from pilots p left join (${statuses}) st on st.pilot_id = p.id
          left join pilot_figures f on f.pilot_id = p.id
        where ${opts.scope}
      )
    select case grouping(b.year, b.ood, b.x6, b.x12, b.x24) when 23 then 'all' when 15 then 'year'
        when 27 then 'h6' when 29 then 'h12' else 'h24' end as dim,
      coalesce(b.year::text, '') as key, coalesce(b.x0, b.x6, b.x12, b.x24) as s, b.ood, count(*)::int as n
    from b
    group by grouping sets ((b.x0, b.ood), (b.year, b.x0), (b.x6), (b.x12), (b.x24))
    union all
    -- Every other cut (programme, phase, target group, art form, region, municipality) in one grouping of
    -- the eligible pilots by the keys kept with them (pilot_figures.cut_keys, docs/decisions/156).
    -- Pilots share few sets of keys: they are counted per set and status first, then per key.
    select split_part(g.k, ':', 1), substr(g.k, strpos(g.k, ':') + 1), g.x0, null, g.n
    from (select k, c.x0, sum(c.n)::int as n
      from (select b.cut_keys, b.x0, count(*) as n from b where b.x0 is not null group by 1, 2) c
      cross join unnest(c.cut_keys) k group by k, c.x0) g`,
  );
  // Pilots per status under each (dimension, key); a null status: in scope but not eligible.
  const groups = new Map<string, StatusGroup>();
  let outOfDate = 0;
  for (const r of rows) {
    if (r.s == null || (r.dim === "year" && r.key === "")) continue;
    const id = `${r.dim}\u0000${r.key}`;
    const g = groups.get(id) ?? { dim: r.dim, key: r.key, n: new Map<string, number>() };
    groups.set(id, g);
    g.n.set(r.s, (g.n.get(r.s) ?? 0) + r.n);
    if (r.dim === "all" && r.ood) outOfDate += r.n;
  }
  return overviewOf(groups, outOfDate);
}

/** Pilots per status (`n`, by what the status counts as, "" for no answer) under one dimension and key. */
export type StatusGroup = { dim: string; key: string; n: Map<string, number> };

/** The overview's value. */
export type ContinuationOverview = ReturnType<typeof overviewOf>;

/**
 * The overview from the pilots per status in each group (keyed by dimension, NUL, key; the headline is
 * "all", the horizons "h6", "h12", "h24", each with the key "") and the out-of-date pilots: the shape
 * `continuationOverview` returns, whichever way the counts were found (continuation-steps.server.ts).
 * Each cut's rows are in the order of their keys.
 */
export function overviewOf(groups: ReadonlyMap<string, StatusGroup>, outOfDate: number) {
  const cuts = Object.fromEntries(CUTS.map((c) => [c, [] as { key: string; counts: ContinuationCounts }[]])) as Record<
    Cut,
    { key: string; counts: ContinuationCounts }[]
  >;
  for (const g of groups.values())
    if ((CUTS as readonly string[]).includes(g.dim)) cuts[g.dim as Cut].push({ key: g.key, counts: countsOf(g.n) });
  for (const rows of Object.values(cuts)) rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const counts = (dim: string) => countsOf(groups.get(`${dim}\u0000`)?.n ?? new Map());
  const horizons = HORIZONS.map((h) => ({ horizon: h, counts: counts(`h${h}`) }));
  // Followed-up pilots whose latest answer (continuing) is more than 12 months old at the reporting date:
  // they still count, and they are the first to ask again.
  return { headline: counts("all"), outOfDate, cuts, horizons };
}
