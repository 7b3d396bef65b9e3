import type postgres from "postgres";
import type { BenchScenario } from "./types";

/**
 * The pilot registry: the list with a filter and a search term, and one pilot's page.
 * The raw SQL is what the loaders run (db/queries/pilots.server.ts, pilot-filters.server.ts).
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

const list: BenchScenario = {
  name: "pilot list: search + region",
  path: `/fi/pilots?q=${Q}&region=${REGION}`,
  // The loader's one pass (window count, lookups for the page's rows only); the filter choices are cached.
  sql: (sql) =>
    sql`select x.id, x.title, x.summary, x.state, x.start_date::text, x.end_date::text, x.total,
        (select m.name from pilot_municipalities pm join municipalities m on m.code = pm.municipality_code
          where pm.pilot_id = x.id and pm.is_lead limit 1) as lead,
        (select c.status_code from continuation_checks c where c.pilot_id = x.id order by c.checked_on desc, c.id desc limit 1) as latest
      from (
        select p.id, p.title, p.summary, p.state, p.start_date, p.end_date, count(*) over ()::int as total,
          row_number() over (order by ts_rank(p.search, websearch_to_tsquery('finnish', ${Q}) || websearch_to_tsquery('swedish', ${Q})) desc, p.id desc) as rn
        from pilots p where ${listWhere(sql)}
        order by ts_rank(p.search, websearch_to_tsquery('finnish', ${Q}) || websearch_to_tsquery('swedish', ${Q})) desc, p.id desc
        limit 25 offset 0) x
      order by x.rn`,
  targets: { medianMs: 20, rps10: 150 },
};

export const scenarios: BenchScenario[] = [
  list,
  // What a search nobody has made since the data last changed costs: the query runs every time.
  { ...list, name: "pilot list: search + region, data cache off", cache: "off", targets: {} },
  {
    name: "pilot page",
    path: `/fi/pilots/${PILOT}`,
    // getPilot's single query: the pilot with its related rows as JSON arrays.
    sql: (sql) => {
      const arr = (q: postgres.PendingQuery<postgres.Row[]>) =>
        sql`coalesce((select json_agg(x) from (${q}) x), '[]'::json)`;
      return sql`select json_build_object(
          'id', p.id, 'title', p.title, 'summary', p.summary, 'description', p.description, 'startDate', p.start_date,
          'endDate', p.end_date, 'state', p.state, 'gpProblem', p.gp_problem, 'version', p.version, 'implementer', o.name,
          'programmes', ${arr(sql`select pr.id, pr.name, ph.id as phase_id, ph.name as phase from pilot_programmes pp join programmes pr on pr.id = pp.programme_id left join programme_phases ph on ph.id = pp.phase_id where pp.pilot_id = p.id`)},
          'municipalities', ${arr(sql`select m.code, m.name, pm.is_lead from pilot_municipalities pm join municipalities m on m.code = pm.municipality_code where pm.pilot_id = p.id order by pm.is_lead desc, m.code`)},
          'partners', ${arr(sql`select o2.id, o2.name, pp.role from pilot_partners pp join organisations o2 on o2.id = pp.organisation_id where pp.pilot_id = p.id`)},
          'sectors', ${arr(sql`select s.code, s.name from pilot_sectors x join sectors s on s.code = x.sector_code where x.pilot_id = p.id order by s.sort`)},
          'targetGroups', ${arr(sql`select g.code, g.name from pilot_target_groups x join target_groups g on g.code = x.target_group_code where x.pilot_id = p.id order by g.sort`)},
          'artForms', ${arr(sql`select a.code, a.name from pilot_art_forms x join art_forms a on a.code = x.art_form_code where x.pilot_id = p.id order by a.sort`)},
          'funding', ${arr(sql`select f.id, f.funder_id, o3.name, f.amount_cents, f.kind from funding_lines f join organisations o3 on o3.id = f.funder_id where f.pilot_id = p.id order by f.id`)},
          'figures', ${arr(sql`select g.code, g.name, a.participants from activity_figures a join target_groups g on g.code = a.target_group_code where a.pilot_id = p.id order by g.sort`)},
          'employments', ${arr(sql`select e.id, e.artist_id, case when ar.state = 'approved' then ar.name end, e.artist_name, e.role, e.days, e.fee_cents, af.name from employments e left join artists ar on ar.id = e.artist_id left join art_forms af on af.code = e.art_form_code where e.pilot_id = p.id order by e.id`)},
          'sources', ${arr(sql`select s.id, s.title, s.url, s.document from pilot_sources s where s.pilot_id = p.id order by s.id`)},
          'checks', ${arr(sql`select c.id, c.checked_on, c.status_code, st.name, st.counts_as, c.funding_after, c.evidence_ref, c.evidence_url, c.notes, c.checked_by_name from continuation_checks c join continuation_statuses st on st.code = c.status_code where c.pilot_id = p.id order by c.checked_on desc, c.id desc`)}
        ) as pilot
        from pilots p left join organisations o on o.id = p.implementer_id
        where p.id = ${PILOT} and ${visible(sql)}`;
    },
    targets: { medianMs: 15 },
  },
  {
    // The new-pilot form: its choices only, not the artist directory (the rows search it: docs/decisions/148).
    name: "pilot form: new, as staff",
    path: "/fi/pilots/new",
    as: "staff",
    sql: (sql) =>
      Promise.all([
        sql`select id, name from programmes order by id`,
        sql`select id, programme_id, name from programme_phases order by id`,
        sql`select code, name from municipalities`,
        sql`select id, name from organisations`,
        sql`select code, name from sectors order by sort`,
        sql`select code, name from target_groups order by sort`,
        sql`select code, name from art_forms order by sort`,
      ]),
    targets: {},
  },
  {
    // The artist search a row's combobox asks as one types: approved artists by word forms and trigrams.
    name: "pilot form: artist search, as staff",
    path: "/fi/artists/search?q=musiikki",
    as: "staff",
    sql: (sql) =>
      sql`select a.id, a.name from artists a
        where a.state = 'approved' and (a.search @@ ((to_tsquery('simple', 'musiikki:* | musiik:*') || to_tsquery('finnish', 'musiikki:*') || to_tsquery('swedish', 'musiikki:*'))) or lower(a.name) %> 'musiikki')
        order by case when lower(a.name) like 'musiikki%' then 0 else 1 end, a.name, a.id limit 20`,
    targets: { medianMs: 20 },
  },
];
