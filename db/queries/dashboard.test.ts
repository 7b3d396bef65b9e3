/**
 * The continuation definition (product.md) checked against a fixture of 15 pilots whose expected
 * figures are worked out by hand below. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { continuationPilots, WORKED, workedExamplePilots } from "../../tests/helpers/continuation-fixture";
import { continuationOverview, employmentFigures, municipalitiesPerRegion } from "./dashboard.server";
import {
  countsSql,
  latestCountsAsSql,
  latestStatusesSql,
  summarize,
  type Counts,
  type Horizon,
} from "./continuation.server";
import { queryRows } from "../connect";

let t: TestDb;
let ids: Record<string, number>;
const published = sql`p.state = 'published'`;

beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
  ids = await continuationPilots(t.db);
});
afterAll(async () => {
  await t?.close();
});

/*
 * Reporting date R = 30.6.2020. Published pilots A–N, one draft O.
 *   pilot  end         checks (date: status)                         status at R
 *   A      31.12.2018  1.6.2019 own                                  continuing
 *   B      31.12.2018  1.6.2019 ended                                ended
 *   C      31.12.2018  1.3.2019 own, 10.1.2020 unknown               not followed up (latest is unknown)
 *   D      30.6.2019   1.12.2019 partly                              continuing (partly)
 *   E      30.6.2019   1.8.2020 ended (after R: ignored)             not followed up
 *   F      30.6.2019   15.7.2019 transferred                         continuing
 *   G      31.7.2020   –                                             not eligible (ends after R)
 *   H      31.12.2017  1.6.2018 other funding                        continuing
 *   I      31.12.2017  1.3.2018 ended, 1.3.2019 own                  continuing
 *   J      31.12.2017  30.6.2018 own, 31.12.2019 ended               ended
 *   K      30.6.2018   –                                             not followed up
 *   L      30.6.2018   15.12.2018 own                                continuing
 *   M      31.12.2016  1.5.2017 partly, 1.6.2018 own                 continuing
 *   N      31.12.2019  30.6.2020 ended (on R: counts)                ended
 *   O      31.12.2018  15.1.2019 own — a draft: only in the internal view
 * Eligible: 13 (all but G). Continuing A D F H I L M = 7 (fully: 6, D is partly), ended B J N = 3,
 * not followed up C E K = 3. n = 10, rate = 7/10 = 70 %, full rate = 6/10 = 60 %,
 * coverage = 10/13 = 76.9 %.
 * Wilson 95 % for 7/10: p = 0.7, z² = 3.8415; centre = (0.7 + 0.19207)/1.38415 = 0.64449;
 * half = 1.96·√(0.021 + 0.0096037)/1.38415 = 0.24772 → 39.7 % … 89.2 %.
 */
/** The pilots (letters) the registry's `counts=` filter lists at R = 30.6.2020. */
async function names(counts: Counts, horizon: Horizon | null = null) {
  const rows = await queryRows<{ id: number }>(
    t.db,
    sql`select p.id from pilots p where ${published} and ${countsSql({ reportDate: "2020-06-30", horizon }, counts)} order by p.id`,
  );
  const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  return rows
    .map((r) => byId[r.id])
    .sort()
    .join("");
}

/**
 * Every pilot's status at the reporting date and at each horizon, per-pilot form (latestCountsAsSql, the
 * registry's) against the one-pass form (latestStatusesSql, the dashboard's).
 */
async function expectFormsAgree(reportDates: string[]) {
  for (const reportDate of reportDates) {
    const perPilot = await queryRows<Record<string, string | null> & { id: number }>(
      t.db,
      sql`select p.id, ${latestCountsAsSql({ reportDate })} as r,
          ${latestCountsAsSql({ reportDate, horizon: 6 })} as h6, ${latestCountsAsSql({ reportDate, horizon: 12 })} as h12,
          ${latestCountsAsSql({ reportDate, horizon: 24 })} as h24
        from pilots p order by p.id`,
    );
    const onePass = await queryRows<Record<string, string | null> & { id: number }>(
      t.db,
      sql`with sp as materialized (select p.id, p.end_date from pilots p), st as (${latestStatusesSql(sql`sp`, reportDate)})
        select sp.id, st.r, st.h6, st.h12, st.h24 from sp left join st on st.pilot_id = sp.id order by sp.id`,
    );
    expect(onePass.length).toBeGreaterThan(0);
    expect(onePass.map((r) => ({ ...r, id: Number(r.id) }))).toEqual(perPilot.map((r) => ({ ...r, id: Number(r.id) })));
  }
}

describe("continuation rate on the hand-computed fixture", () => {
  it("headline: rate, n, Wilson bounds, full rate and coverage at the reporting date", async () => {
    const { headline } = await continuationOverview(t.db, { reportDate: "2020-06-30", scope: published });
    const s = summarize(headline);
    expect({
      eligible: s.eligible,
      continuing: s.continuing,
      fully: s.fully,
      partly: s.partly,
      ended: s.ended,
      notFollowedUp: s.notFollowedUp,
    }).toEqual({
      eligible: 13,
      continuing: 7,
      fully: 6,
      partly: 1,
      ended: 3,
      notFollowedUp: 3,
    });
    expect(s.followedUp).toBe(10);
    expect(s.rate).toBeCloseTo(0.7, 6);
    expect(s.fullRate).toBeCloseTo(0.6, 6);
    expect(s.coverage).toBeCloseTo(10 / 13, 6);
    expect(s.interval!.low).toBeCloseTo(0.3968, 3);
    expect(s.interval!.high).toBeCloseTo(0.8922, 3);
  });

  /*
   * Reporting date 31.12.2019: eligible = the same 13 (N ends exactly on R). C's "unknown" of 10.1.2020
   * and N's check of 30.6.2020 are after R and ignored: C counts as continuing (1.3.2019), N is not
   * followed up. Continuing A C D F H I L M = 8, ended B J = 2, not followed up E K N = 3 → 8/10 = 80 %;
   * Wilson 8/10: 49.0 % … 94.3 %.
   */
  it("ignores checks after the reporting date", async () => {
    const s = summarize((await continuationOverview(t.db, { reportDate: "2019-12-31", scope: published })).headline);
    expect([s.eligible, s.continuing, s.ended, s.notFollowedUp]).toEqual([13, 8, 2, 3]);
    expect(s.rate).toBeCloseTo(0.8, 6);
    expect(s.interval!.low).toBeCloseTo(0.4902, 3);
    expect(s.interval!.high).toBeCloseTo(0.9433, 3);
  });

  /*
   * Horizons at R = 30.6.2020: a pilot counts for H only if its milestone M = end + H months ≤ R, and only
   * evidence about M counts: a continuing answer dated ≥ M − 1 month, an "ended" answer dated ≤ M + 1 month
   * (none of these has an "ended on"); the one nearest to M decides.
   * 6 months: end ≤ 31.12.2019 → 13 eligible.
   *   A (M 30.6.2019) own 1.6.2019 ≥ 30.5.2019 → continuing; B ended 1.6.2019 ≤ 30.7.2019 → ended;
   *   C own 1.3.2019 < 30.5.2019, unknown never → –; D (M 31.12.2019) partly 1.12.2019 ≥ 30.11.2019 → partly;
   *   E only a check after R → –; F transferred 15.7.2019 < 30.11.2019 → –; H (M 30.6.2018) other 1.6.2018 →
   *   continuing; I ended 1.3.2018 (121 days from M) beats own 1.3.2019 (244 days) → ended; J own 30.6.2018
   *   (on M) → continuing; K –; L (M 31.12.2018) own 15.12.2018 → continuing; M (M 30.6.2017) partly 1.5.2017
   *   too early, own 1.6.2018 → continuing; N (M 30.6.2020) ended 30.6.2020 → ended.
   *   continuing A D H J L M = 6 (fully 5), ended B I N = 3, not followed up C E F K = 4 → 6/9.
   * 12 months: end ≤ 30.6.2019 → 12 eligible (not N). A, C, D, F, H, L: their only continuing answers are
   *   more than a month before M → –; B ended 1.6.2019 ≤ 31.1.2020 → ended; I (M 31.12.2018) own 1.3.2019
   *   (60 days) beats ended 1.3.2018 (305 days) → continuing; J own 30.6.2018 too early, ended 31.12.2019 too
   *   late → –; M own 1.6.2018 ≥ 30.11.2017 → continuing; E, K –.
   *   continuing I M = 2, ended B = 1, not followed up 9: n = 3, the rate is suppressed.
   * 24 months: end ≤ 30.6.2018 → H I J K L M = 6. I (M 31.12.2019) ended 1.3.2018 ≤ 31.1.2020 is the only
   *   evidence → ended; J ended 31.12.2019 → ended; H, K, L, M no answer near enough → –.
   *   continuing 0, ended 2, not followed up 4.
   */
  it("horizon cuts at 6, 12 and 24 months count only evidence about the milestone", async () => {
    const { horizons } = await continuationOverview(t.db, { reportDate: "2020-06-30", scope: published });
    const by = Object.fromEntries(horizons.map((x) => [x.horizon, summarize(x.counts)]));
    expect([by[6].eligible, by[6].continuing, by[6].fully, by[6].ended, by[6].notFollowedUp]).toEqual([13, 6, 5, 3, 4]);
    expect(by[6].rate).toBeCloseTo(6 / 9, 6);
    expect(by[6].coverage).toBeCloseTo(9 / 13, 6);
    expect([by[12].eligible, by[12].continuing, by[12].ended, by[12].notFollowedUp]).toEqual([12, 2, 1, 9]);
    expect(by[12].rate).toBeNull();
    expect(by[12].suppressed).toBe("tooFew");
    expect([by[24].eligible, by[24].continuing, by[24].ended, by[24].notFollowedUp]).toEqual([6, 0, 2, 4]);
  });

  /*
   * Out of date at R = 30.6.2020: continuing at R with the latest check before 30.6.2019:
   * A (1.6.2019), H (1.6.2018), I (1.3.2019), L (15.12.2018), M (1.6.2018) = 5; D (1.12.2019) and
   * F (15.7.2019) are recent.
   */
  it("counts the followed-up pilots whose latest continuing answer is more than 12 months old", async () => {
    const { outOfDate } = await continuationOverview(t.db, { reportDate: "2020-06-30", scope: published });
    expect(outOfDate).toBe(5);
    expect(await names("outOfDate")).toBe("AHILM");
  });

  it("the per-pilot and the one-pass forms agree for every pilot at every horizon", async () => {
    await expectFormsAgree(["2019-12-31", "2020-06-30", "2021-06-30"]);
  });

  /*
   * Regions: B, F and N are in Vaasa (Pohjanmaa, 15), the rest in Seinäjoki (Etelä-Pohjanmaa, 14).
   * Pohjanmaa: 3 eligible (< 5: the rate is not meaningful) — F continuing, B and N ended.
   * Etelä-Pohjanmaa: 10 eligible; continuing A D H I L M = 6, ended J = 1, not followed up C E K = 3 → 6/7.
   */
  it("cuts by region, with fewer than 5 eligible pilots flagged by their count", async () => {
    const { cuts } = await continuationOverview(t.db, { reportDate: "2020-06-30", scope: published });
    const region = Object.fromEntries(cuts.region.map((r) => [r.key, r.counts]));
    expect([region["15"].eligible, region["15"].continuing, region["15"].ended]).toEqual([3, 1, 2]);
    expect([region["14"].eligible, region["14"].continuing, region["14"].ended, region["14"].notFollowedUp]).toEqual([
      10, 6, 1, 3,
    ]);
    expect(summarize(region["14"]).rate).toBeCloseTo(6 / 7, 6);
  });

  /* Internal view: the draft O (continuing since 15.1.2019) joins: 14 eligible, 8 continuing, 3 ended → 8/11. */
  it("the internal view counts drafts too", async () => {
    const s = summarize((await continuationOverview(t.db, { reportDate: "2020-06-30", scope: sql`true` })).headline);
    expect([s.eligible, s.continuing, s.ended]).toEqual([14, 8, 3]);
    expect(s.rate).toBeCloseTo(8 / 11, 6);
  });

  it("the registry filter lists exactly the pilots a figure counts", async () => {
    expect(await names("continuing")).toBe("ADFHILM");
    expect(await names("ended")).toBe("BJN");
    expect(await names("notFollowedUp")).toBe("CEK");
    expect(await names("eligible")).toBe("ABCDEFHIJKLMN");
    expect(await names("ended", 12)).toBe("B");
    expect(await names("continuing", 12)).toBe("IM");
    expect(await names("continuing", 6)).toBe("ADHJLM");
    expect(await names("notFollowedUp", 6)).toBe("CEFK");
  });
});

/*
 * product.md's worked examples, every row at every horizon and at the reporting date, through the
 * registry's filter (per-pilot form) and the dashboard's aggregates (one-pass form), each pilot alone.
 */
describe("the worked examples of the definition", () => {
  let w: TestDb;
  let wids: Record<string, number>;
  beforeAll(async () => {
    w = await createTestDb({ seed: "reference" });
    wids = await workedExamplePilots(w.db);
  });
  afterAll(async () => {
    await w?.close();
  });

  for (const row of WORKED) {
    it(`${row.name}: ${row.checks.map((c) => c.join(" ")).join("; ")}`, async () => {
      const reportDate = "2019-06-30";
      const one = sql`p.id = ${wids[row.name]}`;
      const status = (c: { continuing: number; fully: number; partly: number; ended: number }) =>
        c.fully ? "continuing" : c.partly ? "partly" : c.ended ? "ended" : null;
      const overview = await continuationOverview(w.db, { reportDate, scope: one });
      const byH = Object.fromEntries(overview.horizons.map((x) => [x.horizon, status(x.counts)]));
      expect({ h6: byH[6], h12: byH[12], h24: byH[24], headline: status(overview.headline) }).toEqual({
        h6: row.h6,
        h12: row.h12,
        h24: row.h24,
        headline: row.headline,
      });
      const perPilot = async (horizon: Horizon | null) => {
        const [r] = await queryRows<{ s: string | null }>(
          w.db,
          sql`select ${latestCountsAsSql({ reportDate, horizon })} as s from pilots p where ${one}`,
        );
        return r.s === "unknown" ? null : r.s;
      };
      expect({
        h6: await perPilot(6),
        h12: await perPilot(12),
        h24: await perPilot(24),
        headline: await perPilot(null),
      }).toEqual({
        h6: row.h6,
        h12: row.h12,
        h24: row.h24,
        headline: row.headline,
      });
      for (const [h, expected] of [
        [6, row.h6],
        [12, row.h12],
        [24, row.h24],
      ] as const) {
        const [{ n }] = await queryRows<{ n: number }>(
          w.db,
          sql`select count(*)::int as n from pilots p where ${one} and ${countsSql({ reportDate, horizon: h }, "notFollowedUp")}`,
        );
        expect(Number(n)).toBe(expected == null ? 1 : 0);
      }
    });
  }
});

describe("municipalities involved per region", () => {
  it("counts a municipality that changed region where it is divided by (Isokyrö, in Etelä-Pohjanmaa since 2021)", async () => {
    const [{ id }] = await queryRows<{ id: number }>(
      t.db,
      sql`insert into pilots (title, state, start_date, end_date) values ('{"fi":"Isokyrön pilotti"}', 'published', '2019-01-01', '2019-12-31') returning id`,
    );
    await t.db.execute(
      sql`insert into pilot_municipalities (pilot_id, municipality_code, is_lead) values (${id}, '152', true)`,
    );
    const rows = await municipalitiesPerRegion(t.db, sql`p.id = ${id}`);
    expect(rows).toEqual([{ region: "14", involved: 1, total: expect.any(Number) }]);
    for (const r of await municipalitiesPerRegion(t.db, sql`true`)) expect(r.involved).toBeLessThanOrEqual(r.total);
  });
});

describe("pilots that employed a professional artist", () => {
  it("are counted among the pilots whose form says so; 'not stated' is its own share", async () => {
    const pilot = async (title: string) => {
      const [{ id }] = await queryRows<{ id: number }>(
        t.db,
        sql`insert into pilots (title, state) values (${JSON.stringify({ fi: title })}::jsonb, 'published') returning id`,
      );
      return id;
    };
    const employ = (id: number, professional: boolean | null) =>
      t.db.execute(
        sql`insert into employments (pilot_id, artist_name, professional) values (${id}, 'Taiteilija', ${professional})`,
      );
    const [yes, unstated, no, none] = [
      await pilot("Kyllä"),
      await pilot("Ei tietoa"),
      await pilot("Ei"),
      await pilot("Ei ketään"),
    ];
    await employ(yes, true);
    await employ(yes, null);
    await employ(unstated, null);
    await employ(no, false);
    const { totals } = await employmentFigures(t.db, sql`p.id in (${sql.join([yes, unstated, no, none], sql`, `)})`);
    expect(totals).toMatchObject({ pilots: 4, with_professional: 1, not_stated: 1 });
  });
});
