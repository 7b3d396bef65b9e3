/**
 * The continuation definition (product.md) checked against a fixture of 15 pilots whose expected
 * figures are worked out by hand below. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { continuationPilots } from "../../tests/helpers/continuation-fixture";
import { continuationOverview } from "./dashboard.server";
import { countsSql, summarize } from "./continuation.server";
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
   * Horizons at R = 30.6.2020; a pilot counts for H only if end + H months ≤ R, with the latest check on
   * or before end + H months.
   * 6 months: end ≤ 31.12.2019 → 13 eligible. A own (1.6.2019 ≤ 30.6.2019), B ended, C own (1.3.2019;
   *   the unknown comes later), D partly (1.12.2019 ≤ 31.12.2019), E none, F transferred, H other (1.6.2018
   *   ≤ 30.6.2018), I ended (1.3.2018), J own (30.6.2018, on the cut-off), K none, L own (15.12.2018 ≤
   *   31.12.2018), M partly (1.5.2017 ≤ 30.6.2017), N ended (30.6.2020 ≤ 30.6.2020).
   *   continuing 8 (A C D F H J L M), ended 3 (B I N), n = 11 → 8/11 = 72.7 %, coverage 11/13.
   * 12 months: end ≤ 30.6.2019 → 12 eligible (not N). A, C, D, F, H, J, L, M continuing = 8; B, I ended
   *   = 2 (I's "own" of 1.3.2019 is after 31.12.2018); E, K not followed up → 8/10 = 80 %.
   * 24 months: end ≤ 30.6.2018 → H I J K L M = 6 eligible. H other, I own (1.3.2019 ≤ 31.12.2019),
   *   J ended (31.12.2019, on the cut-off), K none, L own, M own (1.6.2018 ≤ 31.12.2018):
   *   continuing 4, ended 1, n = 5 → 80 %.
   */
  it("horizon cuts at 6, 12 and 24 months", async () => {
    const { horizons } = await continuationOverview(t.db, { reportDate: "2020-06-30", scope: published });
    const by = Object.fromEntries(horizons.map((x) => [x.horizon, summarize(x.counts)]));
    expect([by[6].eligible, by[6].continuing, by[6].ended, by[6].followedUp]).toEqual([13, 8, 3, 11]);
    expect(by[6].rate).toBeCloseTo(8 / 11, 6);
    expect(by[6].coverage).toBeCloseTo(11 / 13, 6);
    expect([by[12].eligible, by[12].continuing, by[12].ended, by[12].notFollowedUp]).toEqual([12, 8, 2, 2]);
    expect(by[12].rate).toBeCloseTo(0.8, 6);
    expect([by[24].eligible, by[24].continuing, by[24].ended, by[24].notFollowedUp]).toEqual([6, 4, 1, 1]);
    expect(by[24].rate).toBeCloseTo(0.8, 6);
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
    const names = async (counts: Parameters<typeof countsSql>[1], horizon: 12 | null = null) => {
      const rows = await queryRows<{ id: number }>(
        t.db,
        sql`select p.id from pilots p where ${published} and ${countsSql({ reportDate: "2020-06-30", horizon }, counts)} order by p.id`,
      );
      const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
      return rows
        .map((r) => byId[r.id])
        .sort()
        .join("");
    };
    expect(await names("continuing")).toBe("ADFHILM");
    expect(await names("ended")).toBe("BJN");
    expect(await names("notFollowedUp")).toBe("CEK");
    expect(await names("eligible")).toBe("ABCDEFHIJKLMN");
    expect(await names("ended", 12)).toBe("BI");
  });
});
