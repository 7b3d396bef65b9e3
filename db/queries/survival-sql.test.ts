/**
 * Each pilot's (time from funding end, event or censored) from the hand-computed continuation fixture
 * (tests/helpers/continuation-fixture.ts), reporting date 30.6.2020. Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { continuationPilots } from "../../tests/helpers/continuation-fixture";
import { continuationChecks, pilots } from "../schema";
import { kaplanMeier, survivalAt } from "./survival";
import { DAYS_PER_MONTH, pilotLifetimes, survivalSummary } from "./survival.server";

let t: TestDb;
let ids: Record<string, number>;

beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
  ids = await continuationPilots(t.db);
  // X: ended 31.12.2018; continues 1.3.2019; "ended" said on 1.9.2019 with "ended on" 1.5.2019.
  const [x] = await t.db
    .insert(pilots)
    .values({ title: { fi: "Pilotti X" }, startDate: "2018-01-01", endDate: "2018-12-31", state: "published" })
    .returning({ id: pilots.id });
  ids.X = x.id;
  await t.db.insert(continuationChecks).values([
    { pilotId: x.id, checkedOn: "2019-03-01", statusCode: "continues_own" },
    { pilotId: x.id, checkedOn: "2019-09-01", statusCode: "ended", endedOn: "2019-05-01" },
  ]);
});
afterAll(async () => {
  await t?.close();
});

/*
 * Days from the end of funding (published pilots, R = 30.6.2020):
 *   A own 1.6.2019 → censored 152        B ended 1.6.2019, nothing before → event (0 + 152)/2 = 76
 *   C own 1.3.2019 (the later "unknown" is no answer) → censored 60
 *   D partly 1.12.2019 → censored 154    F transferred 15.7.2019 → censored 15
 *   H other 1.6.2018 → censored 152      I ended 1.3.2018 then own 1.3.2019 → censored 425 (no "ended" after)
 *   J own 30.6.2018 (181), ended 31.12.2019 (730) → event (181 + 730)/2 = 455.5
 *   L own 15.12.2018 → censored 168      M own 1.6.2018 → censored 517
 *   N ended 30.6.2020 → event (0 + 182)/2 = 91
 *   X own 1.3.2019, ended on 1.5.2019 → event 121
 * Excluded: E (its only check is after R) and K (no check) = 2; G is not eligible, O is a draft.
 */
describe("pilot lifetimes", () => {
  it("event times, censoring and the excluded count", async () => {
    const { lifetimes, excluded } = await pilotLifetimes(t.db, {
      reportDate: "2020-06-30",
      scope: sql`p.state = 'published'`,
    });
    const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    const got = Object.fromEntries(lifetimes.map((l) => [byId[l.pilotId], [l.days, l.event]]));
    expect(got).toEqual({
      A: [152, false],
      B: [76, true],
      C: [60, false],
      D: [154, false],
      F: [15, false],
      H: [152, false],
      I: [425, false],
      J: [455.5, true],
      L: [168, false],
      M: [517, false],
      N: [91, true],
      X: [121, true],
    });
    expect(excluded).toBe(2);
    expect(lifetimes.find((l) => l.pilotId === ids.J)!.months).toBeCloseTo(455.5 / DAYS_PER_MONTH, 10);
  });

  /*
   * In months (days ÷ 30.4375), sorted: F 0.49c, C 1.97c, B 2.50e, N 2.99e, X 3.98e, A 4.99c, H 4.99c,
   * D 5.06c, L 5.52c, I 13.96c, J 14.96e, M 16.99c.
   *   B: n=10 → 9/10; N: n=9 → 9/10·8/9 = 0.8; X: n=8 → 0.8·7/8 = 0.7; J: n=2 → 0.7·1/2 = 0.35.
   *   At 6 months: 0.7, at risk 3 (I, J, M); at 12: 0.7, at risk 3; at 24: beyond M (censored) → none.
   *   Median: 14.96 months (J), where S first falls to 0.5 or below.
   */
  it("the survival table from the lifetimes", async () => {
    const { lifetimes } = await pilotLifetimes(t.db, { reportDate: "2020-06-30", scope: sql`p.state = 'published'` });
    const s = survivalSummary(lifetimes);
    expect([s.n, s.events]).toEqual([12, 4]);
    expect(s.at.map((x) => [x.time, x.survival == null ? null : Number(x.survival.toFixed(6)), x.atRisk])).toEqual([
      [6, 0.7, 3],
      [12, 0.7, 3],
      [24, null, 0],
      [36, null, 0],
    ]);
    expect(s.medianMonths).toBeCloseTo(455.5 / DAYS_PER_MONTH, 10);
    expect(survivalAt(kaplanMeier(lifetimes.map((l) => ({ time: l.months, event: l.event }))), 6).survival).toBeCloseTo(
      0.7,
      12,
    );
  });
});
