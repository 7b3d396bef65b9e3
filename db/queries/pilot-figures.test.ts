/**
 * Each pilot's date-independent figures (pilot_figures, kept by the database's triggers, docs/decisions/156)
 * against their definitions, on random pilots changed in every way the application changes them: links
 * to programmes, phases, target groups, art forms and municipalities added one by one and many at once,
 * changed and deleted; texts written, blanked and cleared; start and end dates moved (the regions at the
 * start of the funded period); employments, funding lines and sectors added, changed, moved to another
 * pilot and deleted; a municipality moved to another region; pilots deleted. The dashboard's cuts,
 * translation coverage and network figures, which read the row, must equal the same figures from the
 * pilots' own tables (the network figures: their definitions, pilotsPerYear … reachFigures). Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { DAY, iso, randomChoices } from "../../tests/helpers/random-data";
import { queryRows } from "../connect";
import { ORGANISATION_KINDS } from "~shared/codes";
import {
  continuationOverview,
  cooperationFigures,
  employmentFigures,
  fundingFigures,
  municipalitiesPerRegion,
  municipalityReach,
  municipalityRows,
  networkFigures,
  pilotsPerYear,
  reachFigures,
} from "./dashboard.server";
import { PARITY_FIELDS, parityFigures } from "./parity.server";
import { and_, pilotFilterSql } from "./pilot-filters.server";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
});
afterAll(async () => {
  await t?.close();
});

// 152 moved from region 15 to 14 at the start of 2021: its pilots' region depends on their dates.
const MUNICIPALITIES = ["005", "152", "301", "399", "893", "091"];
const TARGET_GROUPS = ["older_people", "mental_health", "children_families", "immigrants"];
const ART_FORMS = ["music", "visual_arts", "theatre", "dance"];
const SECTORS = ["culture", "social", "health", "education", "youth"];
const PILOT_COLUMNS = PARITY_FIELDS.filter((f) => f.kind === "pilot" || f.kind === "goodPractice").map((f) => f.column);

function generator(seed: number) {
  // Seeded, so a failure can be replayed.
  const { r, int, pick, some } = randomChoices(seed);
  // Around the region change of 2021, and sometimes none.
  const date = () => (r() < 0.1 ? null : iso(Date.UTC(2018, 0, 1) + int(6 * 365) * DAY));
  // Text in one language, both, neither, only blanks, or a null value.
  const text = () =>
    pick([
      { fi: null },
      {},
      { fi: "Teksti" },
      { sv: "Text" },
      { fi: "Teksti", sv: "Text" },
      { fi: "  ", sv: "Text" },
      { fi: "", sv: "" },
      { fi: "Teksti", sv: " " },
    ]);
  return { r, int, pick, some, date, text };
}
type Gen = ReturnType<typeof generator>;

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

async function addLinks(g: Gen, id: number) {
  const phase = g.r() < 0.7 ? g.pick([1, 2, 3]) : null;
  if (g.r() < 0.9)
    await t.db.execute(
      sql`insert into pilot_programmes (pilot_id, programme_id, phase_id) select ${id}, id, ${phase} from programmes where code = 'HKIR' on conflict do nothing`,
    );
  if (g.r() < 0.3)
    await t.db.execute(
      sql`insert into pilot_programmes (pilot_id, programme_id) select ${id}, id from programmes where code = 'TAIKU' on conflict do nothing`,
    );
  const many = async (table: string, column: string, codes: string[]) => {
    if (codes.length)
      await t.db.execute(
        sql`insert into ${sql.raw(table)} (pilot_id, ${sql.raw(column)}) values ${sql.join(
          codes.map((c) => sql`(${id}, ${c})`),
          sql`, `,
        )} on conflict do nothing`,
      );
  };
  await many("pilot_target_groups", "target_group_code", g.some(TARGET_GROUPS));
  await many("pilot_art_forms", "art_form_code", g.some(ART_FORMS));
  await many("pilot_municipalities", "municipality_code", g.some(MUNICIPALITIES));
  await many("pilot_sectors", "sector_code", g.some(SECTORS));
  await addMoney(g, id);
}

/** Employments (an artist by name or unnamed; days, fees and "professional" each sometimes unknown) and funding lines. */
async function addMoney(g: Gen, id: number) {
  const employments = Array.from({ length: g.int(4) }, () => {
    const name = g.r() < 0.8 ? `Taiteilija ${g.int(30)}` : null;
    const days = g.r() < 0.8 ? (g.int(200) / 2).toFixed(1) : null;
    const fee = g.r() < 0.8 ? g.int(500_000) : null;
    const professional = g.pick([true, false, null]);
    return sql`(${id}, ${name}, ${g.pick(ART_FORMS)}, ${days}::numeric, ${fee}::bigint, ${professional}::boolean)`;
  });
  if (employments.length)
    await t.db.execute(
      sql`insert into employments (pilot_id, artist_name, art_form_code, days, fee_cents, professional)
        values ${sql.join(employments, sql`, `)}`,
    );
  const lines = Array.from(
    { length: g.int(3) },
    () => sql`(${id}, ${g.pick(funders)}, ${g.int(2_000_000)}, ${g.pick(["grant", "own_share", "in_kind"])})`,
  );
  if (lines.length)
    await t.db.execute(
      sql`insert into funding_lines (pilot_id, funder_id, amount_cents, kind) values ${sql.join(lines, sql`, `)}`,
    );
  if (g.r() < 0.5)
    await t.db.execute(
      sql`insert into activity_figures (pilot_id, target_group_code, participants)
        values (${id}, ${g.pick(TARGET_GROUPS)}, ${g.int(100)}) on conflict do nothing`,
    );
}

let funders: number[] = [];

async function addPilots(g: Gen, n: number) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = g.date();
    const end = start ? (g.r() < 0.8 ? iso(Date.parse(start) + g.int(900) * DAY) : null) : g.date();
    const texts = PILOT_COLUMNS.map((c) => sql`${sql.raw(c)} = ${json(g.text())}`);
    const [row] = await queryRows<{ id: number }>(
      t.db,
      sql`insert into pilots (title, state, start_date, end_date, is_example)
        values (${JSON.stringify({ fi: `Satunnainen ${i}` })}::jsonb, ${g.r() < 0.7 ? "published" : "draft"}, ${start}::date, ${end}::date, true)
        returning id`,
    );
    await t.db.execute(sql`update pilots set ${sql.join(texts, sql`, `)} where id = ${row.id}`);
    ids.push(row.id);
    await addLinks(g, row.id);
  }
  return ids;
}

async function changeThings(g: Gen, ids: number[]) {
  for (const id of ids) {
    const roll = g.r();
    if (roll < 0.1) await t.db.execute(sql`delete from pilot_municipalities where pilot_id = ${id}`);
    else if (roll < 0.2) await t.db.execute(sql`delete from pilot_art_forms where pilot_id = ${id}`);
    else if (roll < 0.3)
      await t.db.execute(sql`update pilot_programmes set phase_id = ${g.pick([1, 2, 3, null])} where pilot_id = ${id}`);
    else if (roll < 0.4)
      await t.db.execute(
        sql`update pilot_target_groups set target_group_code = 'young_people' where pilot_id = ${id} and target_group_code = 'older_people'`,
      );
    else if (roll < 0.5) {
      const start = g.date();
      await t.db.execute(
        sql`update pilots set start_date = ${start}::date,
          end_date = case when end_date is not null then greatest(end_date, ${start}::date) end where id = ${id}`,
      );
    } else if (roll < 0.55)
      await t.db.execute(sql`update pilots set start_date = null, end_date = null where id = ${id}`);
    else if (roll < 0.7)
      await t.db.execute(sql`update pilots set ${sql.raw(g.pick(PILOT_COLUMNS))} = ${json(g.text())} where id = ${id}`);
    else if (roll < 0.75) await addLinks(g, id);
    else if (roll < 0.8) await t.db.execute(sql`delete from employments where pilot_id = ${id}`);
    else if (roll < 0.85)
      await t.db.execute(
        sql`update employments set professional = ${g.pick([true, false, null])}, days = null where pilot_id = ${id}`,
      );
    else if (roll < 0.88) await t.db.execute(sql`update funding_lines set kind = 'own_share' where pilot_id = ${id}`);
    else if (roll < 0.91) await t.db.execute(sql`delete from funding_lines where pilot_id = ${id}`);
    else if (roll < 0.94)
      await t.db.execute(sql`delete from pilot_sectors where pilot_id = ${id} and sector_code = 'culture'`);
    else if (roll < 0.97)
      // Moved to another pilot: both pilots' rows change.
      await t.db.execute(sql`update employments set pilot_id = ${g.pick(ids)} where pilot_id = ${id}`);
  }
  // Many at once: fees raised, a sector added to many pilots.
  await t.db.execute(sql`update employments set fee_cents = fee_cents + 100 where id % 3 = ${g.int(3)}`);
  await t.db.execute(
    sql`insert into pilot_sectors (pilot_id, sector_code) select id, 'social' from pilots where is_example and id % 3 = ${g.int(3)}
      on conflict do nothing`,
  );
  // Many at once: dates moved across the region change, a municipality added to many pilots.
  await t.db.execute(
    sql`update pilots set start_date = start_date + 400, end_date = end_date + 400 where is_example and start_date is not null and id % 3 = ${g.int(3)}`,
  );
  await t.db.execute(
    sql`insert into pilot_municipalities (pilot_id, municipality_code)
      select id, '152' from pilots where is_example and id % 4 = ${g.int(4)} on conflict do nothing`,
  );
  const gone = g.pick(ids);
  await t.db.execute(sql`delete from pilots where id = ${gone}`);
  // Only the start moved, back across the change of 2021 (the end stays after it).
  await t.db.execute(
    sql`update pilots set start_date = start_date - 500 where is_example and start_date >= '2021-01-01'`,
  );
  return ids.filter((id) => id !== gone);
}

/** Each pilot's keys by their definition: the links and the regions at the start of the funded period. */
const definedKeys = sql`select p.id as pilot_id, k.key from pilots p join (
    select pp.pilot_id, 'programme:' || pr.code as key from pilot_programmes pp join programmes pr on pr.id = pp.programme_id
    union all select pp.pilot_id, 'phase:' || pp.phase_id from pilot_programmes pp where pp.phase_id is not null
    union all select x.pilot_id, 'targetGroup:' || x.target_group_code from pilot_target_groups x
    union all select x.pilot_id, 'artForm:' || x.art_form_code from pilot_art_forms x
    union all select pm.pilot_id, 'municipality:' || pm.municipality_code from pilot_municipalities pm
    union all select distinct pm.pilot_id, 'region:' || mr.region_code from pilot_municipalities pm
      join pilots q on q.id = pm.pilot_id
      join municipality_regions mr on mr.municipality_code = pm.municipality_code
        and mr.valid_from <= coalesce(q.start_date, q.end_date) and (mr.valid_to is null or mr.valid_to > coalesce(q.start_date, q.end_date))
  ) k on k.pilot_id = p.id`;

/** Each pilot's texts by their definition: text in Finnish (bit 2i) and Swedish (bit 2i + 1) of field i. */
const definedTexts = sql.raw(
  `select p.id as pilot_id, (${PILOT_COLUMNS.map(
    (c, i) =>
      `(case when btrim(coalesce(p.${c}->>'fi', '')) <> '' then ${1 << (2 * i)} else 0 end) + (case when btrim(coalesce(p.${c}->>'sv', '')) <> '' then ${1 << (2 * i + 1)} else 0 end)`,
  ).join(" + ")}) as texts from pilots p`,
);

async function expectFiguresEqualDefinition() {
  const byPilot = async (q: ReturnType<typeof sql>) => {
    const rows = await queryRows<{ pilot_id: number; key: string }>(t.db, q);
    const m = new Map<number, string[]>();
    for (const r of rows) m.set(r.pilot_id, [...(m.get(r.pilot_id) ?? []), r.key]);
    return new Map([...m].sort((a, b) => a[0] - b[0]).map(([k, v]) => [k, v.sort()]));
  };
  const kept = await byPilot(sql`select f.pilot_id, unnest(f.cut_keys) as key from pilot_figures f`);
  expect(kept).toEqual(await byPilot(definedKeys));
  const texts = sql`select pilot_id, texts from pilot_figures order by 1`;
  expect(await queryRows(t.db, texts)).toEqual(await queryRows(t.db, sql`${definedTexts} order by 1`));
  // A scope without pilots.
  const [perYear, , employment, funding, cooperation] = await networkFigures(t.db, sql`false`);
  expect({ perYear, employment, funding, cooperation }).toEqual({
    perYear: await pilotsPerYear(t.db, sql`false`),
    employment: await employmentFigures(t.db, sql`false`),
    funding: await fundingFigures(t.db, sql`false`),
    cooperation: await cooperationFigures(t.db, sql`false`),
  });
  // Every pilot has its row, and a rebuild from scratch gives the same rows.
  const all = sql`select p.id, f.* from pilots p left join pilot_figures f on f.pilot_id = p.id order by 1`;
  const before = await queryRows<{ cut_keys: string[] | null }>(t.db, all);
  expect(before.every((r) => r.cut_keys != null)).toBe(true);
  await t.db.execute(sql`select refresh_pilot_figures(null)`);
  expect(await queryRows(t.db, all)).toEqual(before);

  // The figures that read the row: the overview's cuts and municipality table, the translation coverage.
  for (const scope of [sql`p.state = 'published'`, sql`true`]) {
    const reportDate = "2031-01-01";
    const overview = await continuationOverview(t.db, { reportDate, scope });
    const eligible = await queryRows<{ key: string; n: number }>(
      t.db,
      sql`select k.key, count(*)::int as n from (${definedKeys}) k join pilots p on p.id = k.pilot_id
        where (${scope}) and p.end_date <= ${reportDate}::date group by k.key`,
    );
    const cuts = Object.entries(overview.cuts).flatMap(([dim, rows]) =>
      rows.filter((x) => x.counts.eligible > 0).map((x) => ({ key: `${dim}:${x.key}`, n: x.counts.eligible })),
    );
    const byKey = (xs: { key: string; n: number }[]) =>
      xs.filter((x) => !x.key.startsWith("year:")).sort((a, b) => a.key.localeCompare(b.key));
    expect(byKey(cuts)).toEqual(byKey(eligible));
    const inScope = await queryRows<{ municipality: string; pilots: number }>(
      t.db,
      sql`select pm.municipality_code as municipality, count(*)::int as pilots from pilot_municipalities pm
        join pilots p on p.id = pm.pilot_id where ${scope} group by 1 order by 1`,
    );
    expect(
      municipalityRows(await municipalityReach(t.db, scope), overview.cuts.municipality)
        .map((m) => ({ municipality: m.municipality, pilots: m.pilots }))
        .sort((a, b) => a.municipality.localeCompare(b.municipality)),
    ).toEqual(inScope);

    const parity = (await parityFigures(t.db, { pilots: scope, reportDate })).filter(
      (x) => x.kind === "pilot" || x.kind === "goodPractice",
    );
    const has = (c: string, l: string) => `btrim(coalesce(p.${c}->>'${l}', '')) <> ''`;
    const expected = await Promise.all(
      PILOT_COLUMNS.map(async (c) => {
        const [row] = await queryRows<{ total: number; both: number; lacksSv: number; lacksFi: number }>(
          t.db,
          sql`select count(*) filter (where ${sql.raw(`${has(c, "fi")} or ${has(c, "sv")}`)})::int as total,
            count(*) filter (where ${sql.raw(`${has(c, "fi")} and ${has(c, "sv")}`)})::int as both,
            count(*) filter (where ${sql.raw(`${has(c, "fi")} and not (${has(c, "sv")})`)})::int as "lacksSv",
            count(*) filter (where ${sql.raw(`${has(c, "sv")} and not (${has(c, "fi")})`)})::int as "lacksFi"
          from pilots p where (${scope}) and coalesce(p.start_date, p.end_date, ${reportDate}::date) <= ${reportDate}::date`,
        );
        return row;
      }),
    );
    expect(parity.map(({ total, both, lacksSv, lacksFi }) => ({ total, both, lacksSv, lacksFi }))).toEqual(expected);

    const [perYear, perRegion, employment, funding, cooperation, reach] = await networkFigures(t.db, scope);
    expect({ perYear, perRegion, employment, funding, cooperation, reach }).toEqual({
      perYear: await pilotsPerYear(t.db, scope),
      perRegion: await municipalitiesPerRegion(t.db, scope),
      employment: await employmentFigures(t.db, scope),
      funding: await fundingFigures(t.db, scope),
      cooperation: await cooperationFigures(t.db, scope),
      reach: await reachFigures(t.db, scope),
    });
    // Municipalities involved per region, by today's regions, as its plain join counts them.
    expect(perRegion).toEqual(
      await queryRows(
        t.db,
        sql`select mr.region_code as region, count(distinct pm.municipality_code)::int as involved,
            (select count(*)::int from municipality_regions t where t.region_code = mr.region_code and t.valid_to is null) as total
          from pilots p join pilot_municipalities pm on pm.pilot_id = p.id
            join municipality_regions mr on mr.municipality_code = pm.municipality_code and mr.valid_to is null
          where ${scope} group by mr.region_code order by 1`,
      ),
    );
  }
}

describe(`each pilot's figures kept with it (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("equal their definitions through links, texts and dates added, changed and deleted", async () => {
    const g = generator(20261207);
    funders = [];
    for (const kind of ORGANISATION_KINDS.slice(0, 3)) {
      const [row] = await queryRows<{ id: number }>(
        t.db,
        sql`insert into organisations (name, kind, is_example) values (${JSON.stringify({ fi: kind })}::jsonb, ${kind}, true) returning id`,
      );
      funders.push(row.id);
    }
    let ids = await addPilots(g, 40);
    await expectFiguresEqualDefinition();
    for (let round = 0; round < 3; round++) {
      ids = await changeThings(g, ids);
      await expectFiguresEqualDefinition();
    }
    // The comparison covered a pilot in each of 152's two regions, and texts of every kind.
    const [spread] = await queryRows<{ r14: number; r15: number; texts: number }>(
      t.db,
      sql`select count(*) filter (where 'region:14' = any(cut_keys) and 'municipality:152' = any(cut_keys))::int as r14,
        count(*) filter (where 'region:15' = any(cut_keys) and 'municipality:152' = any(cut_keys))::int as r15,
        count(distinct texts)::int as texts from pilot_figures`,
    );
    expect(spread.r14).toBeGreaterThan(0);
    expect(spread.r15).toBeGreaterThan(0);
    expect(spread.texts).toBeGreaterThan(20);
  }, 300_000);

  it("counts each pilot in the year of its start, else its end, after its dates moved", async () => {
    const rows = await queryRows<{ id: number; start: string | null; end: string | null; year: number | null }>(
      t.db,
      sql`select id, start_date::text as start, end_date::text as end, year from pilots order by id`,
    );
    const yearOf = (r: { start: string | null; end: string | null }) => {
      const d = r.start ?? r.end;
      return d ? Number(d.slice(0, 4)) : null;
    };
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.map((r) => [r.id, r.year])).toEqual(rows.map((r) => [r.id, yearOf(r)]));
    // The registry's year filters and the dashboard's pilots per year read the same year.
    const expected = new Map<number | null, number>();
    for (const r of rows) expected.set(yearOf(r), (expected.get(yearOf(r)) ?? 0) + 1);
    const perYear = new Map<number | null, number>();
    for (const y of await pilotsPerYear(t.db, sql`true`)) perYear.set(y.year, (perYear.get(y.year) ?? 0) + y.pilots);
    expect(perYear).toEqual(expected);
    const year = [...expected.keys()].find((y) => y != null) as number;
    const filtered = await queryRows<{ id: number }>(
      t.db,
      sql`select p.id from pilots p where ${and_(pilotFilterSql({ yearFrom: year, yearTo: year }, "2026-12-07"))} order by p.id`,
    );
    expect(filtered.map((r) => r.id)).toEqual(rows.filter((r) => yearOf(r) === year).map((r) => r.id));
  });

  it("follows a municipality moved to another region, and a rollback leaves it as it was", async () => {
    const keys = sql`select pilot_id, cut_keys from pilot_figures order by 1`;
    const before = await queryRows(t.db, keys);
    await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`update municipality_regions set region_code = '01' where municipality_code = '005'`);
        const moved = await queryRows<{ n: number }>(
          tx as never,
          sql`select count(*)::int as n from pilot_figures where 'municipality:005' = any(cut_keys) and 'region:01' = any(cut_keys)`,
        );
        expect(moved[0].n).toBeGreaterThan(0);
        throw new Error("rollback");
      })
      .catch((e: Error) => {
        if (e.message !== "rollback") throw e;
      });
    expect(await queryRows(t.db, keys)).toEqual(before);
  });
});
