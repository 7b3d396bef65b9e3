/**
 * The network dashboard's figures, all aggregated in SQL (docs/decisions/005, 040). Every function
 * takes `scope`: a condition on pilots `p` combining who may see what (published only for the public)
 * and the dashboard's filters.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../connect";
import { continuationCounts, summarize } from "./continuation.server";
import { distinctArtists } from "./dashboard-continuation.server";
import { pilotYearSql } from "./pilot-filters.server";

export {
  continuationOverview,
  municipalityReach,
  municipalityRows,
  type Cut,
} from "./dashboard-continuation.server";

/**
 * Pilots per year and phase (a pilot's phase: its first programme phase). Each pilot's phase comes from a
 * join grouped by pilot (one pass over the programmes in pilot order), not a lookup per pilot
 * (docs/decisions/153).
 */
export function pilotsPerYear(db: Db, scope: SQL) {
  return queryRows<{ year: number | null; phase: number | null; pilots: number }>(
    db,
    sql`select y.year, y.phase, count(*)::int as pilots from (
        select ${pilotYearSql} as year, min(pp.phase_id) as phase
        from pilots p left join pilot_programmes pp on pp.pilot_id = p.id where ${scope} group by p.id) y
      group by 1, 2 order by 1, 2`,
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
        -- Each municipality tested for a pilot in scope: the planner may stop at the first, or group the
        -- scope's links by municipality before the few hundred municipalities are joined.
        select mr.region_code, mr.municipality_code from municipality_regions mr
        where mr.valid_to is null and exists (select 1 from pilot_municipalities pm join pilots p on p.id = pm.pilot_id
          where pm.municipality_code = mr.municipality_code and ${scope}))
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
      sql`select e.art_form_code as art_form, ${pilotYearSql} as year, ${distinctArtists("e")} as artists,
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
          em as materialized (select e.id, e.pilot_id, e.artist_id, e.artist_name, e.days, e.fee_cents, e.professional
            from employments e join sp on sp.id = e.pilot_id),
          a as (select ${distinctArtists("em")} as artists, sum(em.days)::text as days, sum(em.fee_cents)::text as fees from em),
          -- Per pilot: does a row say "professional", does a row leave the question open.
          pp as (select bool_or(em.professional) as professional, bool_or(em.professional is null) as open from em group by em.pilot_id)
        select a.artists, a.days, a.fees, (select count(*)::int from sp) as pilots,
          (select count(*)::int from pp where pp.professional) as with_professional,
          -- Not stated: no row says "professional" and at least one row leaves the question open.
          (select count(*)::int from pp where pp.open and pp.professional is not true) as not_stated
        from a`,
    ),
  ]);
  return { byForm, totals };
}

/** Euros by funder and year, the total, euros per pilot and the share of municipal own funding. */
export async function fundingFigures(db: Db, scope: SQL) {
  const [byFunder, [totals]] = await Promise.all([
    fundersByYear(db, scope),
    queryRows<{ total: string | null; own: string | null; pilots: number }>(
      db,
      sql`select sum(f.amount_cents)::text as total, (sum(f.amount_cents) filter (where f.kind = 'own_share'))::text as own,
          count(distinct f.pilot_id)::int as pilots
        from funding_lines f join pilots p on p.id = f.pilot_id where ${scope}`,
    ),
  ]);
  return { byFunder, totals };
}

/** Euros by funder and year. */
function fundersByYear(db: Db, scope: SQL) {
  return queryRows<{ funder: number; year: number | null; amount: string }>(
    db,
    sql`select f.funder_id as funder, ${pilotYearSql} as year, sum(f.amount_cents)::text as amount
      from funding_lines f join pilots p on p.id = f.pilot_id where ${scope} group by 1, 2 order by 2, 3 desc`,
  );
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
    partnerFigures(db, scope),
  ]);
  return { sectors, partners };
}

/** The most frequent partners. */
function partnerFigures(db: Db, scope: SQL) {
  return queryRows<{ organisation: number; pilots: number }>(
    db,
    sql`select x.organisation_id as organisation, count(distinct x.pilot_id)::int as pilots
      from pilot_partners x join pilots p on p.id = x.pilot_id where ${scope}
      group by 1 order by 2 desc, 1 limit 10`,
  );
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
export type FollowUpResponse = { sent: number; answered: number; medianDays: number | null };

export async function followUpResponse(db: Db, opts: { reportDate: string; scope: SQL }): Promise<FollowUpResponse> {
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

/**
 * Pilots per year and phase, and the per-pilot totals of employment, funding and cooperation, in one pass
 * over the pilots in scope and their date-independent figures kept with each pilot (pilot_figures,
 * docs/decisions/156): one row per year and phase, and the totals row (`grand`). The same figures as
 * pilotsPerYear, the totals of employmentFigures and fundingFigures (but the distinct artists), and the
 * sectors of cooperationFigures.
 */
function perPilotFigures(db: Db, scope: SQL) {
  return queryRows<{
    grand: boolean;
    year: number | null;
    phase: number | null;
    pilots: number;
    days: string | null;
    fees: string | null;
    with_professional: number;
    not_stated: number;
    funding: string | null;
    own: string | null;
    funded: number;
    culture_social: number;
    culture_health: number;
    culture_education: number;
    culture_any: number;
  }>(
    db,
    sql`select grouping(g.year, g.phase) = 3 as grand, g.year, g.phase, coalesce(sum(g.pilots), 0)::int as pilots,
        sum(g.days)::text as days, sum(g.fees)::text as fees, coalesce(sum(g.with_professional), 0)::int as with_professional,
        coalesce(sum(g.not_stated), 0)::int as not_stated, sum(g.funding)::text as funding, sum(g.own)::text as own,
        coalesce(sum(g.funded), 0)::int as funded, coalesce(sum(g.culture_social), 0)::int as culture_social,
        coalesce(sum(g.culture_health), 0)::int as culture_health,
        coalesce(sum(g.culture_education), 0)::int as culture_education, coalesce(sum(g.culture_any), 0)::int as culture_any
      -- Per year and phase first (hashed), then those few rows and their total.
      from (select ${pilotYearSql} as year, f.phase, count(*) as pilots,
          sum(f.employment_days) as days, sum(f.employment_fees) as fees,
          count(*) filter (where f.employment_professional) as with_professional,
          count(*) filter (where f.employment_open and f.employment_professional is not true) as not_stated,
          sum(f.funding_total) as funding, sum(f.funding_own) as own, count(*) filter (where f.funding_lines > 0) as funded,
          count(*) filter (where f.sectors & 3 = 3) as culture_social, count(*) filter (where f.sectors & 5 = 5) as culture_health,
          count(*) filter (where f.sectors & 9 = 9) as culture_education,
          count(*) filter (where f.sectors & 1 = 1 and f.sectors & 14 <> 0) as culture_any
        from pilots p join pilot_figures f on f.pilot_id = p.id where ${scope} group by 1, 2) g
      group by grouping sets ((g.year, g.phase), ())
      order by 1, 2, 3`,
  );
}

/**
 * Artists employed by art form and year (as employmentFigures), and the distinct artists of all of them
 * (the row with `grand`), in one pass over the employments.
 */
function employmentsByForm(db: Db, scope: SQL) {
  return queryRows<{
    grand: boolean;
    art_form: string | null;
    year: number | null;
    artists: number;
    days: string | null;
    fees: string | null;
  }>(
    db,
    sql`select grouping(e.art_form_code, ${pilotYearSql}) = 3 as grand, e.art_form_code as art_form, ${pilotYearSql} as year,
        ${distinctArtists("e")} as artists, sum(e.days)::text as days, sum(e.fee_cents)::text as fees
      from employments e join pilots p on p.id = e.pilot_id where ${scope}
      group by grouping sets ((e.art_form_code, ${pilotYearSql}), ())
      order by 1, 3, 2`,
  );
}

/**
 * The network's figures for a scope of pilots, run at once (the dashboard's and the figures API's): the
 * same figures as pilotsPerYear, municipalitiesPerRegion, employmentFigures, fundingFigures,
 * cooperationFigures and reachFigures (their definitions, db/queries/pilot-figures.test.ts), with what
 * each pilot contributes read off its row of pilot_figures.
 */
export async function networkFigures(db: Db, scope: SQL) {
  const [perPilot, perRegion, byForm, byFunder, partners, reach] = await Promise.all([
    perPilotFigures(db, scope),
    municipalitiesPerRegion(db, scope),
    employmentsByForm(db, scope),
    fundersByYear(db, scope),
    partnerFigures(db, scope),
    reachFigures(db, scope),
  ]);
  const all = perPilot.find((r) => r.grand);
  const perYear = perPilot.filter((r) => !r.grand).map((r) => ({ year: r.year, phase: r.phase, pilots: r.pilots }));
  const artists = byForm.find((r) => r.grand);
  const employment = {
    byForm: byForm
      .filter((r) => !r.grand)
      .map((r) => ({ art_form: r.art_form, year: r.year, artists: r.artists, days: r.days, fees: r.fees })),
    totals: {
      artists: artists?.artists ?? 0,
      days: all?.days ?? null,
      fees: all?.fees ?? null,
      pilots: all?.pilots ?? 0,
      with_professional: all?.with_professional ?? 0,
      not_stated: all?.not_stated ?? 0,
    },
  };
  const funding = {
    byFunder,
    totals: { total: all?.funding ?? null, own: all?.own ?? null, pilots: all?.funded ?? 0 },
  };
  const cooperation = {
    sectors: {
      pilots: all?.pilots ?? 0,
      culture_social: all?.culture_social ?? 0,
      culture_health: all?.culture_health ?? 0,
      culture_education: all?.culture_education ?? 0,
      culture_any: all?.culture_any ?? 0,
    },
    partners,
  };
  return [perYear, perRegion, employment, funding, cooperation, reach] as const;
}
