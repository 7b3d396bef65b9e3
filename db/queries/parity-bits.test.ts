/**
 * Translation coverage read from the bits kept with each item (services.texts and artists.texts, stored
 * generated columns, and pilot_figures.texts; docs/decisions/156, 159) against its definition, which
 * tests each text's two languages in the JSON (`parityFigures(…, "texts")`). Random artists and services
 * with texts in one language, both, neither, blank or whitespace-only, null or missing; approved or not,
 * hidden or not, created on random dates, with art forms, areas and target groups; then texts rewritten,
 * blanked and cleared one by one and many at once. At random reporting dates and for every filter the
 * coverage reads, both must give the same counts. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { DAY, iso, randomChoices } from "../../tests/helpers/random-data";
import { queryRows } from "../connect";
import { PARITY_FIELDS, parityAt, parityEntries, parityFigures, type ParityScope } from "./parity.server";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
});
afterAll(async () => {
  await t?.close();
});

const MUNICIPALITIES = ["005", "152", "301", "399", "893", "091"];
const REGIONS = ["14", "15", "01"];
const TARGET_GROUPS = ["older_people", "mental_health", "children_families", "immigrants"];
const ART_FORMS = ["music", "visual_arts", "theatre", "dance"];
const SERVICE_COLUMNS = PARITY_FIELDS.filter((f) => f.kind === "service").map((f) => f.column);

function generator(seed: number) {
  // Seeded, so a failure can be replayed.
  const { r, int, pick, some } = randomChoices(seed, 0.3);
  const date = () => iso(Date.UTC(2019, 0, 1) + int(5 * 365) * DAY);
  // Text in one language, both, neither, only blanks (spaces; a tab or a newline is text to btrim), a
  // JSON null, or an empty object.
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
      { fi: "   ", sv: null },
      { fi: "\t", sv: " Text " },
      { en: "Text" },
    ]);
  return { r, int, pick, some, date, text };
}
type Gen = ReturnType<typeof generator>;

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

async function addArtists(g: Gen, n: number) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const [row] = await queryRows<{ id: number }>(
      t.db,
      sql`insert into artists (name, bio, state, created_at, is_example)
        values (${`Taiteilija ${i}`}, ${json(g.text())}, ${g.r() < 0.8 ? "approved" : g.pick(["draft", "submitted", "returned"])},
          ${g.date()}::timestamptz, true) returning id`,
    );
    ids.push(row.id);
    const many = async (table: string, column: string, codes: string[]) => {
      if (codes.length)
        await t.db.execute(
          sql`insert into ${sql.raw(table)} (artist_id, ${sql.raw(column)}) values ${sql.join(
            codes.map((c) => sql`(${row.id}, ${c})`),
            sql`, `,
          )} on conflict do nothing`,
        );
    };
    await many("artist_municipalities", "municipality_code", g.some(MUNICIPALITIES));
    await many("artist_regions", "region_code", g.some(REGIONS));
    await many("artist_art_forms", "art_form_code", g.some(ART_FORMS));
    await addServices(g, row.id, g.int(4));
  }
  return ids;
}

async function addServices(g: Gen, artistId: number, n: number) {
  for (let i = 0; i < n; i++) {
    const texts = SERVICE_COLUMNS.map(() => sql`${json(g.text())}`);
    const [row] = await queryRows<{ id: number }>(
      t.db,
      sql`insert into services (artist_id, ${sql.raw(SERVICE_COLUMNS.join(", "))}, format, art_form_code, hidden, state, created_at, is_example)
        values (${artistId}, ${sql.join(texts, sql`, `)}, 'single_workshop', ${g.r() < 0.8 ? g.pick(ART_FORMS) : null},
          ${g.r() < 0.15}, ${g.r() < 0.8 ? "approved" : "draft"}, ${g.date()}::timestamptz, true) returning id`,
    );
    for (const code of g.some(TARGET_GROUPS))
      await t.db.execute(
        sql`insert into service_target_groups (service_id, target_group_code) values (${row.id}, ${code}) on conflict do nothing`,
      );
  }
}

/** Texts rewritten, blanked and cleared one by one, and many at once. */
async function changeTexts(g: Gen, artistIds: number[]) {
  for (const id of artistIds)
    if (g.r() < 0.3) await t.db.execute(sql`update artists set bio = ${json(g.text())} where id = ${id}`);
  const services = await queryRows<{ id: number }>(t.db, sql`select id from services where is_example order by id`);
  for (const s of services)
    if (g.r() < 0.3)
      await t.db.execute(
        sql`update services set ${sql.raw(g.pick(SERVICE_COLUMNS))} = ${json(g.text())} where id = ${s.id}`,
      );
  await t.db.execute(
    sql`update services set season = '{}'::jsonb, title = title || '{"sv": "  "}'::jsonb where id % 5 = ${g.int(5)}`,
  );
  await t.db.execute(sql`update artists set bio = jsonb_set(bio, '{fi}', '" "') where id % 4 = ${g.int(4)}`);
}

function scopes(g: Gen): ParityScope[] {
  const reportDate = () => g.pick([g.date(), g.date(), "2018-06-30", "2031-01-01"]);
  return [
    { pilots: sql`true`, reportDate: reportDate() },
    { pilots: sql`p.state = 'published'`, reportDate: reportDate() },
    { pilots: sql`true`, reportDate: reportDate(), region: g.pick(REGIONS) },
    { pilots: sql`true`, reportDate: reportDate(), municipality: g.pick(MUNICIPALITIES) },
    { pilots: sql`true`, reportDate: reportDate(), artForm: g.pick(ART_FORMS) },
    { pilots: sql`true`, reportDate: reportDate(), targetGroup: g.pick(TARGET_GROUPS) },
    {
      pilots: sql`true`,
      reportDate: reportDate(),
      region: g.pick(REGIONS),
      artForm: g.pick(ART_FORMS),
      targetGroup: g.pick(TARGET_GROUPS),
    },
  ];
}

/** Both readings agree for every scope; returns how many services and artists were counted. */
async function expectBitsEqualTexts(g: Gen) {
  let counted = 0;
  for (const scope of scopes(g)) {
    const [bits, texts] = await Promise.all([parityFigures(t.db, scope), parityFigures(t.db, scope, "texts")]);
    expect(bits, `${JSON.stringify({ ...scope, pilots: undefined })}`).toEqual(texts);
    // The scope's items per entry date, read once, give the coverage at every reporting date
    // (docs/decisions/163): at this one, and on and beside the items' own dates.
    const { reportDate: _date, ...items } = scope;
    const entries = await parityEntries(t.db, items);
    expect(parityAt(entries, scope.reportDate), "entries").toEqual(texts);
    const dates = [...new Set(entries.map((e) => e.on).filter((d): d is string => d != null))];
    for (const d of [g.pick(dates), g.pick(dates), "2018-06-30"].filter((d) => d != null)) {
      const next = iso(Date.parse(d) + DAY);
      for (const at of [d, next]) {
        const reportDate = g.r() < 0.5 ? at : iso(Date.parse(d) - DAY);
        expect(parityAt(entries, reportDate), `entries at ${reportDate}`).toEqual(
          await parityFigures(t.db, { ...scope, reportDate }, "texts"),
        );
      }
    }
    counted += texts.filter((x) => x.kind !== "pilot" && x.kind !== "goodPractice").reduce((a, x) => a + x.total, 0);
  }
  // Each item's bits are what the definition gives for its own texts.
  const has = (c: string, l: string) => `(btrim(coalesce(${c}->>'${l}', '')) <> '')`;
  const bitsOf = (columns: string[]) =>
    sql.raw(
      columns
        .flatMap((c, i) => [
          `(case when ${has(c, "fi")} then ${1 << (2 * i)} else 0 end)`,
          `(case when ${has(c, "sv")} then ${1 << (2 * i + 1)} else 0 end)`,
        ])
        .join(" + "),
    );
  const wrong = await queryRows<{ n: number }>(
    t.db,
    sql`select (select count(*) from services where texts <> ${bitsOf(SERVICE_COLUMNS)})::int
      + (select count(*) from artists where texts <> ${bitsOf(["bio"])})::int as n`,
  );
  expect(wrong[0].n).toBe(0);
  return counted;
}

describe(`translation coverage from the items' bits (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("equals the counts from the texts themselves, through texts written, blanked and cleared", async () => {
    const g = generator(20261207);
    // Pilots too, so that the pilots' part runs alongside (pilot-figures.test.ts tests it in depth).
    // Some start at a date, some have only an end date (they enter then), some neither (every date counts them).
    for (let i = 0; i < 30; i++) {
      const day = g.date();
      const [start, end] = g.pick([
        [day, null],
        [day, iso(Date.parse(day) + g.int(400) * DAY)],
        [null, g.date()],
        [null, null],
      ]);
      await t.db.execute(
        sql`insert into pilots (title, easy_read, state, start_date, end_date, is_example)
          values (${json({ fi: `Pilotti ${i}`, sv: g.pick(["", "Pilot", " "]) })}, ${json(g.text())}, ${g.pick(["published", "draft"])},
            ${start}::date, ${end}::date, true)`,
      );
    }
    let artists = await addArtists(g, 60);
    let counted = await expectBitsEqualTexts(g);
    for (let round = 0; round < 3; round++) {
      await changeTexts(g, artists);
      artists = [...artists, ...(await addArtists(g, 10))];
      counted += await expectBitsEqualTexts(g);
    }
    // The comparison counted texts, not just empty scopes.
    expect(counted).toBeGreaterThan(500);
  }, 120_000);
});
