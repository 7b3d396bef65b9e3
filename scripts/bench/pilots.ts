import type postgres from "postgres";
import type { BenchScenario } from "./types";

/**
 * The pilot registry (issue 4): the list with a filter and a search term, and one pilot's page.
 * The raw SQL is what the loaders run (db/queries/pilots.server.ts, pilot-filters.server.ts),
 * with the same parallelism: count and page together; the pilot row, then its child rows together.
 */

// "teatteri": about 1,000 published pilots (bulk music pilots are drafts, invisible to the anonymous visitor).
const Q = "teatteri";
const REGION = "14";

const visible = (sql: postgres.Sql) => sql`p.state = 'published'`;
const listWhere = (sql: postgres.Sql) => sql`${visible(sql)}
  and p.search @@ (websearch_to_tsquery('finnish', ${Q}) || websearch_to_tsquery('swedish', ${Q}))
  and exists (select 1 from pilot_municipalities pm join municipality_regions mr on mr.municipality_code = pm.municipality_code
    where pm.pilot_id = p.id and mr.region_code = ${REGION}
      and mr.valid_from <= coalesce(p.start_date, p.end_date, current_date)
      and (mr.valid_to is null or mr.valid_to > coalesce(p.start_date, p.end_date, current_date)))`;

/** The bulk data set's first pilot follows the 21 demo pilots; id 5025 is a published bulk pilot. */
const PILOT = 5025;

export const scenarios: BenchScenario[] = [
  {
    name: "pilot list: search + region",
    path: `/fi/pilots?q=${Q}&region=${REGION}`,
    sql: (sql) =>
      Promise.all([
        sql`select p.id, p.title, p.summary, p.state, p.start_date, p.end_date,
            (select m.name from pilot_municipalities pm join municipalities m on m.code = pm.municipality_code
              where pm.pilot_id = p.id and pm.is_lead limit 1) as lead,
            (select c.status_code from continuation_checks c where c.pilot_id = p.id order by c.checked_on desc, c.id desc limit 1) as latest
          from pilots p where ${listWhere(sql)}
          order by ts_rank(p.search, websearch_to_tsquery('finnish', ${Q}) || websearch_to_tsquery('swedish', ${Q})) desc, p.id desc
          limit 25 offset 0`,
        sql`select count(*)::int from pilots p where ${listWhere(sql)}`,
      ]),
    targets: { medianMs: 20, rps10: 150 },
  },
  {
    name: "pilot page",
    path: `/fi/pilots/${PILOT}`,
    sql: async (sql) => {
      await sql`select p.*, o.name from pilots p left join organisations o on o.id = p.implementer_id where p.id = ${PILOT} and ${visible(sql)}`;
      return Promise.all([
        sql`select pr.id, pr.name, ph.id, ph.name from pilot_programmes pp join programmes pr on pr.id = pp.programme_id left join programme_phases ph on ph.id = pp.phase_id where pp.pilot_id = ${PILOT}`,
        sql`select m.code, m.name, pm.is_lead from pilot_municipalities pm join municipalities m on m.code = pm.municipality_code where pm.pilot_id = ${PILOT} order by pm.is_lead desc`,
        sql`select o.id, o.name, pp.role from pilot_partners pp join organisations o on o.id = pp.organisation_id where pp.pilot_id = ${PILOT}`,
        sql`select s.code, s.name from pilot_sectors ps join sectors s on s.code = ps.sector_code where ps.pilot_id = ${PILOT} order by s.sort`,
        sql`select g.code, g.name from pilot_target_groups x join target_groups g on g.code = x.target_group_code where x.pilot_id = ${PILOT} order by g.sort`,
        sql`select a.code, a.name from pilot_art_forms x join art_forms a on a.code = x.art_form_code where x.pilot_id = ${PILOT} order by a.sort`,
        sql`select f.id, f.funder_id, o.name, f.amount_cents, f.kind from funding_lines f join organisations o on o.id = f.funder_id where f.pilot_id = ${PILOT} order by f.id`,
        sql`select g.code, g.name, a.participants from activity_figures a join target_groups g on g.code = a.target_group_code where a.pilot_id = ${PILOT} order by g.sort`,
        sql`select e.id, e.artist_id, case when a.state = 'approved' then a.name end, e.artist_name, e.role, e.days, e.fee_cents, f.name
          from employments e left join artists a on a.id = e.artist_id left join art_forms f on f.code = e.art_form_code where e.pilot_id = ${PILOT} order by e.id`,
        sql`select id, title, url, document from pilot_sources where pilot_id = ${PILOT}`,
        sql`select c.id, c.checked_on, c.status_code, s.name, s.counts_as, c.funding_after, c.evidence_ref, c.evidence_url, c.notes, c.checked_by_name
          from continuation_checks c join continuation_statuses s on s.code = c.status_code where c.pilot_id = ${PILOT} order by c.checked_on desc, c.id desc`,
      ]);
    },
    targets: { medianMs: 15 },
  },
];
