import type { BenchScenario } from "./types";

/**
 * The artist directory with two filters (target: median < 20 ms with one connection, ≥ 150 req/s at
 * 10 concurrent). The SQL is what db/queries/artists.server.ts (listArtists) runs for
 * ?targetGroup=older_people&language=sv; the filter choices (directoryOptions) are reference data,
 * cached in the server for a minute.
 */
const where = (sql: Parameters<BenchScenario["sql"]>[0]) => sql`a.state = 'approved'
  and exists (select 1 from artist_languages l where l.artist_id = a.id and l.language = ${"sv"})
  and exists (select 1 from services s where s.artist_id = a.id and s.state = 'approved' and not s.hidden
    and exists (select 1 from service_target_groups tg where tg.service_id = s.id and tg.target_group_code = ${"older_people"}))`;

const twoFilters: BenchScenario = {
  name: "artists, 2 filters",
  path: "/fi/artists?targetGroup=older_people&language=sv",
  sql: (sql) =>
    Promise.all([
      sql`with page as (
          select a.id, a.name, a.kind, a.bio, count(*) over ()::int as total
          from artists a where ${where(sql)} order by a.name, a.id limit 24 offset 0)
        select p.id, p.name, p.kind, p.bio, p.total,
          coalesce((select json_agg(f.name order by f.sort) from artist_art_forms af join art_forms f on f.code = af.art_form_code where af.artist_id = p.id), '[]'::json) as "artForms",
          coalesce((select json_agg(l.language order by l.language) from artist_languages l where l.artist_id = p.id), '[]'::json) as languages,
          coalesce((select json_agg(x.name) from (
            select r.name from artist_regions ar join regions r on r.code = ar.region_code where ar.artist_id = p.id
            union all select m.name from artist_municipalities am join municipalities m on m.code = am.municipality_code where am.artist_id = p.id) x), '[]'::json) as areas,
          (select count(*)::int from services s where s.artist_id = p.id and s.state = 'approved' and not s.hidden) as services
        from page p order by p.name, p.id`,
    ]),
  targets: { medianMs: 20, rps10: 150 },
};

export const scenarios: BenchScenario[] = [
  twoFilters,
  // Filters nobody has used since the data last changed: the query runs every time.
  { ...twoFilters, name: "artists, 2 filters, data cache off", cache: "off", targets: {} },
  {
    name: "artists, search + area (SQL: count only)",
    path: "/sv/artists?q=musik&area=m:946",
    sql: (sql) =>
      sql`select count(*)::int from artists a where a.state = 'approved'
        and (a.search @@ (to_tsquery('simple', 'musik:*') || plainto_tsquery('finnish', 'musik') || plainto_tsquery('swedish', 'musik'))
          or exists (select 1 from services s where s.artist_id = a.id and s.state = 'approved' and not s.hidden
            and s.search @@ (to_tsquery('simple', 'musik:*') || plainto_tsquery('finnish', 'musik') || plainto_tsquery('swedish', 'musik'))))
        and (exists (select 1 from artist_municipalities am where am.artist_id = a.id and am.municipality_code = '946')
          or exists (select 1 from artist_regions ar join municipality_regions mr on mr.region_code = ar.region_code and mr.valid_to is null where ar.artist_id = a.id and mr.municipality_code = '946'))`,
    targets: {},
  },
];
