/**
 * A programme's page: the programme with its organisations, its phases with the funders of each,
 * the pilots of it that the viewer may see, and figures over those pilots (docs/decisions/108).
 */
import { sql, type SQL } from "drizzle-orm";
import type { Localized, PilotState } from "../../shared/codes";
import { queryRows, type Db } from "../connect";
import { continuationCounts, summarize } from "./continuation.server";

export type ProgrammeRow = {
  id: number;
  code: string;
  name: Localized;
  description: Localized;
  startDate: string | null;
  endDate: string | null;
  organisations: { id: number; name: Localized; role: "implementer" | "partner" | "funder" }[];
  phases: {
    id: number;
    code: string;
    name: Localized;
    startDate: string | null;
    endDate: string | null;
    funders: { id: number; name: Localized; amountCents: number | null }[];
  }[];
};

/** The programme with its organisations and phases (each with its funders), or null when there is none. */
export async function getProgramme(db: Db, id: number): Promise<ProgrammeRow | null> {
  const arr = (q: SQL) => sql`coalesce((select json_agg(x) from (${q}) x), '[]'::json)`;
  const [row] = await queryRows<{ programme: ProgrammeRow | string }>(
    db,
    sql`select json_build_object(
        'id', pr.id, 'code', pr.code, 'name', pr.name, 'description', pr.description,
        'startDate', pr.start_date, 'endDate', pr.end_date,
        'organisations', ${arr(sql`select o.id, o.name, po.role from programme_organisations po
          join organisations o on o.id = po.organisation_id where po.programme_id = pr.id
          order by case po.role when 'implementer' then 0 when 'partner' then 1 else 2 end, o.id`)},
        'phases', ${arr(sql`select ph.id, ph.code, ph.name, ph.start_date as "startDate", ph.end_date as "endDate",
            ${arr(sql`select o.id, o.name, f.amount_cents as "amountCents" from phase_funders f
              join organisations o on o.id = f.organisation_id where f.phase_id = ph.id order by o.id`)} as funders
          from programme_phases ph where ph.programme_id = pr.id
          order by ph.start_date nulls last, ph.id`)}
      ) as programme
      from programmes pr where pr.id = ${id}`,
  );
  if (!row) return null;
  return typeof row.programme === "string" ? (JSON.parse(row.programme) as ProgrammeRow) : row.programme;
}

export type ProgrammePilot = {
  id: number;
  title: Localized;
  state: PilotState;
  startDate: string | null;
  endDate: string | null;
  phaseId: number | null;
  lead: Localized | null;
};

/** The programme's pilots that `visibility` (a condition on pilots `p`) admits, at most `limit`. */
export function programmePilots(db: Db, id: number, visibility: SQL, limit = 500) {
  return queryRows<ProgrammePilot>(
    db,
    sql`select p.id, p.title, p.state, p.start_date as "startDate", p.end_date as "endDate", pp.phase_id as "phaseId",
        (select m.name from pilot_municipalities pm join municipalities m on m.code = pm.municipality_code
          where pm.pilot_id = p.id and pm.is_lead) as lead
      from pilot_programmes pp join pilots p on p.id = pp.pilot_id
      where pp.programme_id = ${id} and ${visibility}
      order by p.start_date nulls last, p.id limit ${limit}`,
  );
}

/**
 * Figures over the programme's pilots that `visibility` admits: how many, in how many municipalities,
 * the funding and participants recorded, the artists employed, pilots per phase, and the continuation
 * rate at `reportDate` with its n and coverage (suppressed for small n, like every rate).
 */
export async function programmeFigures(db: Db, id: number, reportDate: string, visibility: SQL) {
  const inProgramme = sql`exists (select 1 from pilot_programmes pp where pp.pilot_id = p.id and pp.programme_id = ${id})`;
  const where = sql`${visibility} and ${inProgramme}`;
  const [counts, [totals], perPhase] = await Promise.all([
    continuationCounts(db, { reportDate, where }),
    queryRows<{ pilots: number; municipalities: number; funding: number; participants: number; artists: number }>(
      db,
      sql`with ps as (select p.id from pilots p where ${where})
        select (select count(*)::int from ps) as pilots,
          (select count(distinct pm.municipality_code)::int from pilot_municipalities pm join ps on ps.id = pm.pilot_id) as municipalities,
          (select coalesce(sum(f.amount_cents), 0)::float8 from funding_lines f join ps on ps.id = f.pilot_id) as funding,
          (select coalesce(sum(a.participants), 0)::int from activity_figures a join ps on ps.id = a.pilot_id) as participants,
          (select count(distinct coalesce('a' || e.artist_id, 'n' || e.artist_name, 'e' || e.id))::int from employments e join ps on ps.id = e.pilot_id) as artists`,
    ),
    queryRows<{ phase_id: number | null; pilots: number }>(
      db,
      sql`select pp.phase_id, count(*)::int as pilots from pilot_programmes pp join pilots p on p.id = pp.pilot_id
        where pp.programme_id = ${id} and ${visibility} group by 1`,
    ),
  ]);
  return {
    ...totals,
    continuation: summarize(counts),
    perPhase: Object.fromEntries(perPhase.map((r) => [String(r.phase_id ?? ""), r.pilots])) as Record<string, number>,
  };
}
