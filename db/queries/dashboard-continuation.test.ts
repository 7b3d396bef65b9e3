/**
 * The overview split by what depends on the reporting date (docs/decisions/160): continuationOverview's
 * figures with the municipality table joined from municipalityReach (municipalityRows) equal the one
 * statement they replace (tests/helpers/continuation-overview-reference.ts) on random pilots, links,
 * employments and checks, at random reporting dates, with and without filters. The overview read off a
 * scope's steps (docs/decisions/165) equals the statement at every kind of date where a pilot's values
 * change, on either side of it, and before and after all data. Runs on PGlite and, with DATABASE_URL,
 * on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { DAY, iso, randomChoices } from "../../tests/helpers/random-data";
import { continuationOverviewReference } from "../../tests/helpers/continuation-overview-reference";
import { queryRows } from "../connect";
import { latestStatusesSql } from "./continuation.server";
import { continuationSteps, dayOf, overviewAt, type ContinuationSteps } from "./continuation-steps.server";
import { continuationOverview, municipalityReach, municipalityRows } from "./dashboard-continuation.server";
import { and_, pilotFilterSql, type PilotFilters } from "./pilot-filters.server";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
});
afterAll(async () => {
  await t?.close();
});

// 152 moved from region 15 to 14 at the start of 2021.
const MUNICIPALITIES = ["005", "152", "301", "399", "893", "091"];
const TARGET_GROUPS = ["older_people", "mental_health", "children_families"];
const ART_FORMS = ["music", "visual_arts", "theatre", "dance"];
const STATUSES = ["continues_own", "continues_other", "continues_partly", "transferred", "ended", "unknown"];

async function seed(seedNo: number, pilots: number) {
  const { r, int, pick, some } = randomChoices(seedNo);
  const artists = await queryRows<{ id: number }>(
    t.db,
    sql`insert into artists (name, kind, bio, state)
      select 'Taiteilija ' || g, 'person', '{"fi":"Taidetta"}'::jsonb, 'approved' from generate_series(1, 8) g returning id`,
  );
  for (let i = 0; i < pilots; i++) {
    const start = r() < 0.1 ? null : iso(Date.UTC(2016, 0, 1) + int(7 * 365) * DAY);
    // Month ends are frequent, to meet the month arithmetic of the horizons.
    const end = start ? iso(Date.parse(start) + (r() < 0.3 ? 365 : int(900)) * DAY) : r() < 0.5 ? null : "2020-02-29";
    const [{ id }] = await queryRows<{ id: number }>(
      t.db,
      sql`insert into pilots (title, state, start_date, end_date, is_example)
        values (${JSON.stringify({ fi: `Satunnainen ${i}` })}::jsonb, ${r() < 0.7 ? "published" : "draft"}, ${start}::date, ${end}::date, true)
        returning id`,
    );
    const many = async (table: string, column: string, codes: string[]) => {
      if (codes.length)
        await t.db.execute(
          sql`insert into ${sql.raw(table)} (pilot_id, ${sql.raw(column)}) values ${sql.join(
            codes.map((c) => sql`(${id}, ${c})`),
            sql`, `,
          )}`,
        );
    };
    if (r() < 0.9)
      await t.db.execute(
        sql`insert into pilot_programmes (pilot_id, programme_id, phase_id)
          select ${id}, id, ${r() < 0.7 ? pick([1, 2, 3]) : null} from programmes where code = 'HKIR'`,
      );
    await many("pilot_target_groups", "target_group_code", some(TARGET_GROUPS));
    await many("pilot_art_forms", "art_form_code", some(ART_FORMS));
    await many("pilot_municipalities", "municipality_code", some(MUNICIPALITIES));
    // Employments: an artist of the directory, one by name only (names shared across pilots), or neither.
    const employments = Array.from({ length: int(4) }, () => {
      const roll = r();
      const artist = roll < 0.4 ? pick(artists).id : null;
      const name = roll < 0.4 ? (r() < 0.5 ? `Taiteilija ${int(8)}` : null) : roll < 0.8 ? `Nimi ${int(6)}` : null;
      return sql`(${id}, ${artist}::int, ${name}, ${pick(ART_FORMS)})`;
    });
    if (employments.length)
      await t.db.execute(
        sql`insert into employments (pilot_id, artist_id, artist_name, art_form_code) values ${sql.join(employments, sql`, `)}`,
      );
    if (end && r() < 0.8) {
      const checks = Array.from({ length: 1 + int(3) }, () => {
        const on = Date.parse(end) + (int(1200) - 60) * DAY;
        const status = pick(STATUSES);
        // "Ended on": on or before the check's date.
        const endedOn = status === "ended" && r() < 0.5 ? iso(on - int(300) * DAY) : null;
        return sql`(${id}, ${iso(on)}::date, ${status}, ${endedOn}::date, 'Test', true)`;
      });
      await t.db.execute(
        sql`insert into continuation_checks (pilot_id, checked_on, status_code, ended_on, checked_by_name, is_example)
          values ${sql.join(checks, sql`, `)}`,
      );
    }
  }
  return { r, int, pick };
}

/** Cut rows by key: every consumer sorts them. */
const byKey = <T extends { cuts: Record<string, { key: string }[]> }>(o: T) => ({
  ...o,
  cuts: Object.fromEntries(
    Object.entries(o.cuts).map(([c, rows]) => [c, [...rows].sort((a, b) => a.key.localeCompare(b.key))]),
  ),
});

const FILTERS: PilotFilters[] = [
  {},
  { region: "14" },
  { region: "15" },
  { municipality: "152" },
  { artForm: "music" },
  { targetGroup: "older_people", municipality: "005" },
  { year: 2019 },
];

describe(`the overview split by the reporting date (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("equals the one statement it replaces at random reporting dates, with filters", async () => {
    const g = await seed(20261207, 120);
    const dates = [
      "2017-06-30",
      "2020-02-29",
      "2021-02-28",
      "2022-12-31",
      "2031-01-01",
      ...Array.from({ length: 5 }, () => iso(Date.UTC(2017, 0, 1) + g.int(10 * 365) * DAY)),
    ];
    let municipalities = 0;
    let artists = 0;
    let notEligible = 0;
    for (const reportDate of dates)
      for (const visibility of [sql`p.state = 'published'`, sql`true`])
        for (const filters of FILTERS) {
          const scope = and_([visibility, ...pilotFilterSql(filters, reportDate)]);
          const [overview, reach, reference] = await Promise.all([
            continuationOverview(t.db, { reportDate, scope }),
            municipalityReach(t.db, scope),
            continuationOverviewReference(t.db, { reportDate, scope }),
          ]);
          // The reach is a plain value: it survives JSON (a cache) unchanged.
          const split = {
            ...overview,
            municipalities: municipalityRows(JSON.parse(JSON.stringify(reach)), overview.cuts.municipality),
          };
          expect(byKey(split), `${reportDate} ${JSON.stringify(filters)}`).toEqual(byKey(reference));
          municipalities += split.municipalities.length;
          artists += split.municipalities.filter((m) => m.artists > 0).length;
          notEligible += split.municipalities.filter((m) => m.eligible < m.pilots).length;
        }
    // The comparison met municipalities with artists and with pilots not yet eligible.
    expect(municipalities).toBeGreaterThan(100);
    expect(artists).toBeGreaterThan(50);
    expect(notEligible).toBeGreaterThan(20);
  }, 300_000);

  it("reads the statuses the same way from the definition", async () => {
    const scope = sql`true`;
    for (const reportDate of ["2019-06-30", "2022-02-28"]) {
      const [a, b] = await Promise.all([
        continuationOverview(t.db, { reportDate, scope, statuses: latestStatusesSql }),
        continuationOverviewReference(t.db, { reportDate, scope, statuses: latestStatusesSql }),
      ]);
      const { municipalities: _m, ...rest } = b;
      expect(byKey(a)).toEqual(byKey(rest));
    }
  });

  it("reads every date's overview off the scope's steps as the statement counts it", async () => {
    const g = await seed(20261208, 80);
    // Answers corrected (status, date, "ended on"), moved to another pilot and deleted, and end dates
    // moved, so that the record's spans are recomputed as they are in use.
    await t.db.execute(sql`update continuation_checks set status_code = 'continues_partly' where id % 7 = 0`);
    await t.db.execute(sql`update continuation_checks set checked_on = checked_on + 45 where id % 11 = 0`);
    await t.db.execute(
      sql`update continuation_checks set ended_on = checked_on - 20 where status_code = 'ended' and id % 3 = 0`,
    );
    await t.db.execute(
      sql`update continuation_checks set pilot_id = (select min(id) from pilots where end_date = '2020-02-29')
        where id % 13 = 0`,
    );
    await t.db.execute(sql`delete from continuation_checks where id % 17 = 0`);
    await t.db.execute(sql`update pilots set end_date = end_date + 31 where id % 9 = 0 and end_date is not null`);
    // Every kind of date where a pilot's value may change (end dates, milestones with their month ends and
    // leap days, a span's first date, a span's first date + 12 months + 1 day), on it and the day before,
    // a sample of them; random dates; and dates before and after all data.
    const edges = await queryRows<{ d: string }>(
      t.db,
      sql`select distinct d::text as d from (
        select end_date as d from pilots
        union all select (end_date + make_interval(months => h))::date from pilots, unnest(array[6, 12, 24]) h
        union all select valid_from from pilot_status_spans
        union all select (valid_from + interval '12 months')::date + 1 from pilot_status_spans) x
      where d is not null order by 1`,
    );
    const sample = Array.from({ length: 50 }, () => g.pick(edges).d).flatMap((d) => [d, iso(Date.parse(d) - DAY)]);
    const dates = [
      "1990-01-01",
      "2020-02-29",
      "2020-03-01",
      "2021-02-28",
      "2024-02-29",
      "2099-12-31",
      ...sample,
      ...Array.from({ length: 6 }, () => iso(Date.UTC(2016, 0, 1) + g.int(12 * 365) * DAY)),
    ];
    let outOfDate = 0;
    let empty = 0;
    let horizons = 0;
    for (const visibility of [sql`p.state = 'published'`, sql`true`])
      for (const filters of FILTERS) {
        const scope = and_([visibility, ...pilotFilterSql(filters, "2000-01-01")]);
        // A plain value: it survives JSON (a cache) unchanged.
        const steps: ContinuationSteps = JSON.parse(JSON.stringify(await continuationSteps(t.db, scope)));
        for (const reportDate of dates) {
          const expected = await continuationOverview(t.db, { reportDate, scope });
          expect(overviewAt(steps, dayOf(reportDate)!), `${reportDate} ${JSON.stringify(filters)}`).toEqual(expected);
          outOfDate += expected.outOfDate;
          if (expected.headline.eligible === 0) empty++;
          horizons += expected.horizons.filter((h) => h.counts.ended > 0 && h.counts.partly > 0).length;
        }
      }
    // The comparison met out-of-date pilots, dates before any pilot ended and horizons with every status.
    expect(outOfDate).toBeGreaterThan(50);
    expect(empty).toBeGreaterThan(5);
    expect(horizons).toBeGreaterThan(50);
  }, 600_000);

  it("counts a date's days as PostgreSQL does, and tells a date that is not a plain ISO date", async () => {
    for (const d of ["1970-01-02", "1969-12-31", "2020-02-29", "0050-01-01", "2199-12-31"]) {
      const [{ n }] = await queryRows<{ n: number }>(t.db, sql`select ${d}::date - date '1970-01-01' as n`);
      expect(dayOf(d), d).toBe(n);
    }
    // The statement reads these (and refuses the impossible date).
    for (const d of ["2021-02-29", "20200101", "2020-1-01", " 2020-01-01"]) expect(dayOf(d), d).toBeNull();
  });
});
