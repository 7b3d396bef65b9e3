/**
 * A large synthetic data set for benchmarks, generated in SQL (fast on both drivers):
 *   npm run db:seed:bulk -- --pilots 10000 --artists 2000 --services 8000 --checks 40000
 * Every row is example data (removed by `npm run db:remove-demo`). Runs the migrations and the
 * reference/real-fact seed first if needed.
 */
import { sql } from "drizzle-orm";
import { PROGRAMME_REGIONS_SQL } from "../shared/codes";
import type { Db } from "./connect";
import { runScript } from "./script-db";
import { seedReference } from "./seed/reference";
import { seedFacts } from "./seed/facts";

function arg(name: string, fallback: number) {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
}

const REGION_MUNICIPALITIES = sql`(select array_agg(municipality_code order by municipality_code) from municipality_regions where valid_to is null and region_code in (${sql.raw(PROGRAMME_REGIONS_SQL)}))`;
const FORMS = sql`array['music','visual_arts','theatre','dance','literature','circus','crafts','photography','media_arts','multidisciplinary']`;
const FORM_FI = sql`array['musiikki','kuvataide','teatteri','tanssi','sanataide','sirkus','käsityö','valokuvaus','mediataide','monitaide']`;
const FORM_SV = sql`array['musik','bildkonst','teater','dans','ordkonst','cirkus','hantverk','fotografi','mediekonst','mångkonst']`;
const GROUPS = sql`array['older_people','intellectual_disabilities','social_exclusion_risk','mental_health','children_families','young_people','immigrants','other_special']`;
const GROUP_FI = sql`array['ikäihmisille','kehitysvammaisille','nuorille','mielenterveyskuntoutujille','perheille','nuorille aikuisille','maahanmuuttajille','erityisryhmille']`;
const GROUP_SV = sql`array['för äldre','för personer med intellektuell funktionsnedsättning','för unga','inom psykiatrisk rehabilitering','för familjer','för unga vuxna','för invandrare','för särskilda grupper']`;
const STATUSES = sql`array['continues_own','continues_own','continues_other','continues_partly','transferred','ended','unknown','continues_own']`;

export async function seedBulk(db: Db, n: { pilots: number; artists: number; services: number; checks: number }) {
  await db.transaction(async (tx) => {
    const run = (s: ReturnType<typeof sql>) => tx.execute(s);
    await run(sql`create temporary table bulk_pilots (id int primary key, g int not null) on commit drop`);
    await run(sql`
      with ins as (
        insert into pilots (title, summary, description, start_date, end_date, state, is_example, published_at, sessions_held, implementer_id)
        select
          jsonb_build_object('fi', initcap((${FORM_FI})[1 + g % 10]) || ' ' || (${GROUP_FI})[1 + g % 8] || ' ' || g)
            || case when g % 4 <> 0 then jsonb_build_object('sv', initcap((${FORM_SV})[1 + g % 10]) || ' ' || (${GROUP_SV})[1 + g % 8] || ' ' || g) else '{}'::jsonb end,
          jsonb_build_object('fi', 'Osallistavaa ' || (${FORM_FI})[1 + g % 10] || 'a viikoittain ' || (${GROUP_FI})[1 + g % 8] || '.'),
          jsonb_build_object('fi', 'Pilotti toteutettiin kulttuuritoimen sekä sosiaali- ja terveyspalvelujen yhteistyönä. Ryhmä kokoontui kerran viikossa.', 'sv', 'Pilotprojektet genomfördes i samarbete mellan kulturväsendet och social- och hälsovården.'),
          make_date(2012 + g % 14, 1 + g % 12, 1),
          (make_date(2012 + g % 14, 1 + g % 12, 1) + make_interval(months => 6 + g % 12))::date - 1,
          case when g % 10 = 0 then 'draft' when g % 10 = 1 then 'submitted' else 'published' end,
          true, now(), 5 + g % 40, null
        from generate_series(1, ${n.pilots}) g
        returning id
      )
      insert into bulk_pilots (id, g) select id, row_number() over (order by id) from ins`);
    await run(sql`
      insert into pilot_programmes (pilot_id, programme_id, phase_id)
      select b.id, ph.programme_id, ph.id from bulk_pilots b
      join lateral (select id, programme_id from programme_phases order by id offset (b.g % 3) limit 1) ph on true`);
    await run(sql`
      insert into pilot_municipalities (pilot_id, municipality_code, is_lead)
      select b.id, m.codes[1 + b.g % array_length(m.codes, 1)], true from bulk_pilots b, (select ${REGION_MUNICIPALITIES} as codes) m
      union all
      select b.id, m.codes[1 + (b.g * 7 + 3) % array_length(m.codes, 1)], false from bulk_pilots b, (select ${REGION_MUNICIPALITIES} as codes) m
      where b.g % 3 = 0 and (b.g * 7 + 3) % array_length(m.codes, 1) <> b.g % array_length(m.codes, 1)`);
    await run(
      sql`insert into pilot_target_groups (pilot_id, target_group_code) select id, (${GROUPS})[1 + g % 8] from bulk_pilots`,
    );
    await run(
      sql`insert into pilot_art_forms (pilot_id, art_form_code) select id, (${FORMS})[1 + g % 10] from bulk_pilots`,
    );
    await run(sql`
      insert into pilot_sectors (pilot_id, sector_code)
      select id, 'culture' from bulk_pilots
      union all select id, (array['social','health','education','youth'])[1 + g % 4] from bulk_pilots`);
    await run(
      sql`insert into activity_figures (pilot_id, target_group_code, participants) select id, (${GROUPS})[1 + g % 8], 5 + g % 60 from bulk_pilots`,
    );
    await run(sql`
      insert into funding_lines (pilot_id, funder_id, amount_cents, kind)
      select b.id, o.id, (3000 + b.g % 12 * 1000) * 100, 'grant' from bulk_pilots b, (select min(id) as id from organisations where kind = 'ministry') o
      union all
      select b.id, o.id, (1000 + b.g % 5 * 500) * 100, 'own_share' from bulk_pilots b, (select min(id) as id from organisations where kind = 'municipality') o`);
    // Continuation checks: spread evenly, dated 6, 12, 24, 36… months after the end.
    if (n.checks > 0 && n.pilots > 0) {
      await run(sql`
        insert into continuation_checks (pilot_id, checked_on, status_code, checked_by_name, is_example)
        select b.id, (p.end_date + make_interval(months => (array[6, 12, 24, 36, 48, 60])[1 + k % 6]))::date,
          (${STATUSES})[1 + (b.g + k) % 8], 'Bulk', true
        from generate_series(0, ${n.checks} - 1) c
        cross join lateral (select c % ${n.pilots} + 1 as gg, c / ${n.pilots} as k) x
        join bulk_pilots b on b.g = x.gg
        join pilots p on p.id = b.id`);
    }
    await run(sql`create temporary table bulk_artists (id int primary key, g int not null) on commit drop`);
    await run(sql`
      with ins as (
        insert into artists (kind, name, bio, state, approved_at, contact_consent, contact_email, is_example)
        select (array['person','person','person','group','association','company'])[1 + g % 6],
          (array['Aino','Eero','Linnea','Mikael','Sanna','Oskar','Helmi','Anders'])[1 + g % 8] || ' ' || (array['Mäkelä','Björklund','Koskinen','Lindqvist','Rantala','Nyström','Hakala','Sjöberg'])[1 + (g / 8) % 8] || ' ' || g,
          jsonb_build_object('fi', 'Ammattitaiteilija, ' || (${FORM_FI})[1 + g % 10] || '. Osallistavaa toimintaa ' || (${GROUP_FI})[1 + g % 8] || '.')
            || case when g % 3 <> 0 then jsonb_build_object('sv', 'Professionell konstnär, ' || (${FORM_SV})[1 + g % 10] || '. Deltagande konst ' || (${GROUP_SV})[1 + g % 8] || '.') else '{}'::jsonb end,
          case when g % 20 = 0 then 'submitted' else 'approved' end, now(), g % 2 = 0, 'bulk' || g || '@artist.example', true
        from generate_series(1, ${n.artists}) g returning id
      )
      insert into bulk_artists (id, g) select id, row_number() over (order by id) from ins`);
    await run(
      sql`insert into artist_art_forms (artist_id, art_form_code) select id, (${FORMS})[1 + g % 10] from bulk_artists`,
    );
    await run(sql`
      insert into artist_languages (artist_id, language)
      select id, case when g % 3 = 0 then 'sv' else 'fi' end from bulk_artists
      union all select id, 'sv' from bulk_artists where g % 3 = 1
      union all select id, 'en' from bulk_artists where g % 7 = 0`);
    await run(
      sql`insert into artist_regions (artist_id, region_code) select id, case when g % 2 = 0 then '14' else '15' end from bulk_artists`,
    );
    await run(sql`
      insert into artist_municipalities (artist_id, municipality_code)
      select b.id, m.codes[1 + b.g % array_length(m.codes, 1)] from bulk_artists b, (select ${REGION_MUNICIPALITIES} as codes) m`);
    if (n.services > 0 && n.artists > 0) {
      await run(sql`create temporary table bulk_services (id int primary key, g int not null) on commit drop`);
      await run(sql`
        with ins as (
          insert into services (artist_id, title, description, art_form_code, format, duration_minutes, group_size_min, group_size_max, price_from_cents, price_to_cents, price_on_request, state, is_example)
          select a.id,
            jsonb_build_object('fi', initcap((${FORM_FI})[1 + s % 10]) || 'työpaja ' || (${GROUP_FI})[1 + s % 8], 'sv', initcap((${FORM_SV})[1 + s % 10]) || 'verkstad ' || (${GROUP_SV})[1 + s % 8]),
            jsonb_build_object('fi', 'Sovitetaan ryhmän toimintakyvyn mukaan.', 'sv', 'Anpassas efter gruppens funktionsförmåga.'),
            (${FORMS})[1 + s % 10],
            (array['workshop_series','single_workshop','performance','course','outreach','other'])[1 + s % 6],
            (array[45, 60, 90, 120])[1 + s % 4], 3, 8 + s % 12,
            case when s % 9 = 0 then null else (100 + s % 50 * 10) * 100 end,
            case when s % 9 = 0 then null else (200 + s % 50 * 10) * 100 end,
            s % 9 = 0, case when s % 25 = 0 then 'submitted' else 'approved' end, true
          from generate_series(1, ${n.services}) s
          join bulk_artists a on a.g = (s - 1) % ${n.artists} + 1
          returning id
        )
        insert into bulk_services (id, g) select id, row_number() over (order by id) from ins`);
      await run(
        sql`insert into service_target_groups (service_id, target_group_code) select id, (${GROUPS})[1 + g % 8] from bulk_services`,
      );
      await run(sql`
        insert into service_languages (service_id, language)
        select id, case when g % 3 = 0 then 'sv' else 'fi' end from bulk_services
        union all select id, 'sv' from bulk_services where g % 3 = 1`);
    }
    if (n.artists > 0) {
      await run(sql`
        insert into employments (pilot_id, artist_id, art_form_code, role, days, fee_cents)
        select b.id, a.id, (${FORMS})[1 + b.g % 10], 'Ohjaava taiteilija', 5 + b.g % 30, (5 + b.g % 30) * 28000
        from bulk_pilots b join bulk_artists a on a.g = (b.g * 13) % ${n.artists} + 1`);
    }
  });
  // VACUUM as well as ANALYZE, as autovacuum does soon after such a load: a GIN index's statistics
  // (in its metapage) change only by VACUUM, and until then PostgreSQL prices the full-text and
  // trigram indexes as it would an empty one's and reads a search by scanning the table
  // (docs/decisions/152).
  await db.execute(sql`vacuum (analyze)`);
  // Each link table's insert above made the triggers rewrite every pilot's row of pilot_figures
  // (docs/decisions/156): the table is left at five times its live size. A registry grown by edits
  // keeps it near its live size (autovacuum frees the old rows, the next update reuses the space), so
  // the load ends as such a database would be.
  await db.execute(sql`vacuum (full, analyze) pilot_figures`);
}

if (process.argv[1]?.endsWith("seed-bulk.ts")) {
  const n = {
    pilots: arg("pilots", 10000),
    artists: arg("artists", 2000),
    services: arg("services", 8000),
    checks: arg("checks", 40000),
  };
  await runScript(
    `bulk seed (${n.pilots} pilots, ${n.artists} artists, ${n.services} services, ${n.checks} checks)`,
    async (handle) => {
      await handle.migrate();
      await seedReference(handle.db);
      await seedFacts(handle.db);
      await seedBulk(handle.db, n);
    },
  );
}
