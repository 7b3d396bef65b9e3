/**
 * The network dashboard's figures, all aggregated in SQL (docs/decisions/005, 040). Every function
 * takes `scope`: a condition on pilots `p` combining who may see what (published only for the public)
 * and the dashboard's filters.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../connect";
import { eligibleSql, HORIZONS, latestCountsAsSql, type ContinuationCounts, type ContinuationOptions } from "./continuation.server";
import { membershipDateSql, pilotYearSql } from "./pilot-filters.server";

type Agg = { eligible: number; continuing: number; fully: number; partly: number; ended: number };
const AGG = sql`count(*)::int as eligible,
  (count(*) filter (where counts_as in ('continuing', 'partly')))::int as continuing,
  (count(*) filter (where counts_as = 'continuing'))::int as fully,
  (count(*) filter (where counts_as = 'partly'))::int as partly,
  (count(*) filter (where counts_as = 'ended'))::int as ended`;

export const CUTS = ["programme", "phase", "region", "municipality", "targetGroup", "artForm", "year"] as const;
export type Cut = (typeof CUTS)[number];

function toCounts(r: Agg): ContinuationCounts {
  return { ...r, notFollowedUp: r.eligible - r.continuing - r.ended };
}

/** The headline and every cut in one query: the eligible pilots and their status are computed once. */
export async function continuationCuts(db: Db, opts: ContinuationOptions & { scope: SQL }) {
  const rows = await queryRows<Agg & { dim: string; key: string }>(
    db,
    sql`with base as materialized (
      select p.id, p.start_date, p.end_date, ${pilotYearSql} as year, ${latestCountsAsSql(opts)} as counts_as
      from pilots p where ${eligibleSql(opts)} and ${opts.scope}
    )
    select 'all' as dim, '' as key, ${AGG} from base
    union all
    select 'programme', pr.code, ${AGG} from base b join pilot_programmes pp on pp.pilot_id = b.id join programmes pr on pr.id = pp.programme_id group by pr.code
    union all
    select 'phase', pp.phase_id::text, ${AGG} from base b join pilot_programmes pp on pp.pilot_id = b.id where pp.phase_id is not null group by pp.phase_id
    union all
    select 'region', r.region_code, ${AGG} from base b
      join lateral (select distinct mr.region_code from pilot_municipalities pm join municipality_regions mr on mr.municipality_code = pm.municipality_code
        where pm.pilot_id = b.id and mr.valid_from <= coalesce(b.start_date, b.end_date) and (mr.valid_to is null or mr.valid_to > coalesce(b.start_date, b.end_date))) r on true
      group by r.region_code
    union all
    select 'municipality', pm.municipality_code, ${AGG} from base b join pilot_municipalities pm on pm.pilot_id = b.id group by pm.municipality_code
    union all
    select 'targetGroup', x.target_group_code, ${AGG} from base b join pilot_target_groups x on x.pilot_id = b.id group by x.target_group_code
    union all
    select 'artForm', x.art_form_code, ${AGG} from base b join pilot_art_forms x on x.pilot_id = b.id group by x.art_form_code
    union all
    select 'year', b.year::text, ${AGG} from base b where b.year is not null group by b.year`,
  );
  const headline = rows.find((r) => r.dim === "all") ?? { eligible: 0, continuing: 0, fully: 0, partly: 0, ended: 0 };
  const cuts = Object.fromEntries(CUTS.map((c) => [c, [] as { key: string; counts: ContinuationCounts }[]])) as Record<
    Cut,
    { key: string; counts: ContinuationCounts }[]
  >;
  for (const r of rows) if (r.dim !== "all") cuts[r.dim as Cut].push({ key: r.key, counts: toCounts(r) });
  return { headline: toCounts(headline), cuts };
}

/** The status 6, 12 and 24 months after the funded period ended. */
export async function horizonCounts(db: Db, opts: { reportDate: string; scope: SQL }) {
  const parts = HORIZONS.map(
    (h) => sql`select ${h}::int as horizon, ${AGG} from (select ${latestCountsAsSql({ reportDate: opts.reportDate, horizon: h })} as counts_as
      from pilots p where ${eligibleSql({ reportDate: opts.reportDate, horizon: h })} and ${opts.scope}) l`,
  );
  const rows = await queryRows<Agg & { horizon: number }>(db, sql.join(parts, sql` union all `));
  return HORIZONS.map((h) => ({ horizon: h, counts: toCounts(rows.find((r) => r.horizon === h)!) }));
}

/** Pilots per year and phase (a pilot's phase: its first programme phase). */
export function pilotsPerYear(db: Db, scope: SQL) {
  return queryRows<{ year: number | null; phase: number | null; pilots: number }>(
    db,
    sql`select ${pilotYearSql} as year, (select min(pp.phase_id) from pilot_programmes pp where pp.pilot_id = p.id) as phase, count(*)::int as pilots
      from pilots p where ${scope} group by 1, 2 order by 1, 2`,
  );
}

/** Municipalities involved per region, against the region's municipalities today. */
export function municipalitiesPerRegion(db: Db, scope: SQL) {
  return queryRows<{ region: string; involved: number; total: number }>(
    db,
    sql`with involved as (
        select distinct mr.region_code, pm.municipality_code from pilots p
        join pilot_municipalities pm on pm.pilot_id = p.id
        join municipality_regions mr on mr.municipality_code = pm.municipality_code
          and mr.valid_from <= ${membershipDateSql} and (mr.valid_to is null or mr.valid_to > ${membershipDateSql})
        where ${scope})
      select i.region_code as region, count(*)::int as involved,
        (select count(*)::int from municipality_regions t where t.region_code = i.region_code and t.valid_to is null) as total
      from involved i group by i.region_code order by 1`,
  );
}

/** Per municipality: pilots, continuing (latest status at the reporting date), distinct artists employed. */
export function municipalityTable(db: Db, opts: { reportDate: string; scope: SQL }) {
  return queryRows<{ municipality: string; pilots: number; eligible: number; continuing: number; artists: number }>(
    db,
    sql`with sp as (
        select p.id, ${eligibleSql({ reportDate: opts.reportDate })} as eligible, ${latestCountsAsSql({ reportDate: opts.reportDate })} as counts_as
        from pilots p where ${opts.scope})
      select pm.municipality_code as municipality, count(*)::int as pilots,
        (count(*) filter (where sp.eligible))::int as eligible,
        (count(*) filter (where sp.eligible and sp.counts_as in ('continuing', 'partly')))::int as continuing,
        (select count(distinct coalesce(e.artist_id::text, 'n:' || e.artist_name, 'e:' || e.id))::int from employments e
          join pilot_municipalities pm2 on pm2.pilot_id = e.pilot_id join sp sp2 on sp2.id = e.pilot_id
          where pm2.municipality_code = pm.municipality_code) as artists
      from sp join pilot_municipalities pm on pm.pilot_id = sp.id
      group by pm.municipality_code order by pilots desc, municipality`,
  );
}

/** Artists employed by art form and year; totals; share of pilots that employed a professional artist. */
export async function employmentFigures(db: Db, scope: SQL) {
  const [byForm, [totals]] = await Promise.all([
    queryRows<{ art_form: string | null; year: number | null; artists: number; days: string | null; fees: string | null }>(
      db,
      sql`select e.art_form_code as art_form, ${pilotYearSql} as year,
          count(distinct coalesce(e.artist_id::text, 'n:' || e.artist_name, 'e:' || e.id))::int as artists,
          sum(e.days)::text as days, sum(e.fee_cents)::text as fees
        from employments e join pilots p on p.id = e.pilot_id where ${scope}
        group by 1, 2 order by 2, 1`,
    ),
    queryRows<{ artists: number; days: string | null; fees: string | null; pilots: number; with_professional: number }>(
      db,
      sql`select
          (select count(distinct coalesce(e.artist_id::text, 'n:' || e.artist_name, 'e:' || e.id))::int from employments e join pilots p on p.id = e.pilot_id where ${scope}) as artists,
          (select sum(e.days)::text from employments e join pilots p on p.id = e.pilot_id where ${scope}) as days,
          (select sum(e.fee_cents)::text from employments e join pilots p on p.id = e.pilot_id where ${scope}) as fees,
          (select count(*)::int from pilots p where ${scope}) as pilots,
          (select count(*)::int from pilots p where ${scope} and exists (select 1 from employments e where e.pilot_id = p.id and e.professional)) as with_professional`,
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
    queryRows<{ pilots: number; culture_social: number; culture_health: number; culture_education: number; culture_any: number }>(
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

const BOTH = (col: string) => sql.raw(`(coalesce(${col}->>'fi', '') <> '' and coalesce(${col}->>'sv', '') <> '')`);

/** Bilingual parity: published pilots (title and summary) and approved artists (bio) in both languages. */
export async function parityFigures(db: Db) {
  const [row] = await queryRows<{ pilots: number; pilots_both: number; artists: number; artists_both: number }>(
    db,
    sql`select
      (select count(*)::int from pilots p where p.state = 'published') as pilots,
      (select count(*)::int from pilots p where p.state = 'published' and ${BOTH("p.title")} and ${BOTH("p.summary")}) as pilots_both,
      (select count(*)::int from artists a where a.state = 'approved') as artists,
      (select count(*)::int from artists a where a.state = 'approved' and ${BOTH("a.bio")}) as artists_both`,
  );
  return row;
}

/** What still lacks Swedish (or Finnish): published pilots and approved artists, for the council. */
export async function parityGaps(db: Db, missing: "fi" | "sv", limit = 200) {
  const lacks = (col: string) => sql.raw(`coalesce(${col}->>'${missing}', '') = ''`);
  const [pilots, artists] = await Promise.all([
    queryRows<{ id: number; title: { fi?: string; sv?: string }; fields: string[] }>(
      db,
      sql`select p.id, p.title, array_remove(array[
          case when ${lacks("p.title")} then 'title' end,
          case when ${lacks("p.summary")} then 'summary' end,
          case when ${lacks("p.description")} then 'description' end], null) as fields
        from pilots p where p.state = 'published' and (${lacks("p.title")} or ${lacks("p.summary")} or ${lacks("p.description")})
        order by p.id limit ${limit}`,
    ),
    queryRows<{ id: number; name: string }>(
      db,
      sql`select a.id, a.name from artists a where a.state = 'approved' and ${lacks("a.bio")} order by a.name limit ${limit}`,
    ),
  ]);
  return { pilots, artists };
}
