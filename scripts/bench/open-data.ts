import type postgres from "postgres";
import type { BenchScenario } from "./types";

/**
 * The open-data API's list (target: median < 15 ms for the first page of 50 with one connection).
 * The raw SQL is what db/queries/open-data.server.ts (listPilotsByKey) runs for ?region=14; the
 * JSON Lines dump is measured separately by scripts/bench.ts (pilots/s and the server's peak RSS).
 */
const REGION = "14";

const regionPage: BenchScenario = {
  name: "API: pilots?region=14 (50)",
  path: `/api/v1/pilots?region=${REGION}`,
  sql: (sql: postgres.Sql) =>
    sql`select p.id, p.title, p.summary, p.start_date::text as "startDate", p.end_date::text as "endDate",
        to_char(greatest(p.updated_at, (select max(c.created_at) from continuation_checks c where c.pilot_id = p.id)) at time zone 'UTC',
          'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt", p.is_example as "isExample",
        coalesce((select json_agg(json_build_object('code', pm.municipality_code, 'isLead', pm.is_lead) order by pm.is_lead desc, pm.municipality_code)
          from pilot_municipalities pm where pm.pilot_id = p.id), '[]'::json) as municipalities,
        coalesce((select json_agg(pr.code order by pr.id) from pilot_programmes pp join programmes pr on pr.id = pp.programme_id
          where pp.pilot_id = p.id), '[]'::json) as programmes,
        (select c.status_code from continuation_checks c where c.pilot_id = p.id order by c.checked_on desc, c.id desc limit 1) as "latestStatus"
      from pilots p where (p.state = 'published')
        and (exists (select 1 from pilot_municipalities pm join municipality_regions mr on mr.municipality_code = pm.municipality_code
          where pm.pilot_id = p.id and mr.region_code = ${REGION}
            and mr.valid_from <= coalesce(p.start_date, p.end_date, current_date)
            and (mr.valid_to is null or mr.valid_to > coalesce(p.start_date, p.end_date, current_date))))
        and (p.id > ${0})
      order by p.id limit ${51}`,
  targets: { medianMs: 15 },
};

export const scenarios: BenchScenario[] = [
  regionPage,
  // A filter nobody has asked for since the data last changed: the query runs every time.
  { ...regionPage, name: "API: pilots?region=14, data cache off", cache: "off", targets: {} },
];
