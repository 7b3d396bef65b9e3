/**
 * On a small network (funding ended 31.12.2018, reporting date 30.6.2021): the fully-continuing share
 * in the horizon and cut tables, and the survival curves compared by target group, in both languages.
 *   older people (6): 3 continue on their own budget, 1 in part (answered 1.1.2021), 2 ended (1.6.2019)
 *   young people (5): 1 continues with other funding (1.1.2021), 4 ended (1.6.2019, 1.1.2020 ×3)
 *   both groups (1): ended (1.6.2020)
 *   immigrants (2): continue on their own budget (1.1.2021) — too few to draw
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { continuationChecks, pilotMunicipalities, pilots, pilotTargetGroups } from "~db/schema";
import { getI18n } from "~/i18n";
import { buildDashboard } from "./dashboard-model.server";
import { formatP, survivalComparison } from "./survival-comparison.server";

let t: TestDb;
const PILOTS: [string[], string, string][] = [
  [["older_people"], "continues_own", "2021-01-01"],
  [["older_people"], "continues_own", "2021-01-01"],
  [["older_people"], "continues_own", "2021-01-01"],
  [["older_people"], "continues_partly", "2021-01-01"],
  [["older_people"], "ended", "2019-06-01"],
  [["older_people"], "ended", "2019-06-01"],
  [["young_people"], "continues_other", "2021-01-01"],
  [["young_people"], "ended", "2019-06-01"],
  [["young_people"], "ended", "2020-01-01"],
  [["young_people"], "ended", "2020-01-01"],
  [["young_people"], "ended", "2020-01-01"],
  [["older_people", "young_people"], "ended", "2020-06-01"],
  [["immigrants"], "continues_own", "2021-01-01"],
  [["immigrants"], "continues_own", "2021-01-01"],
];
const scope = sql`p.title->>'fi' like 'cmp %'`;
const reportDate = "2021-06-30";

beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
  for (const [i, [groups, status, on]] of PILOTS.entries()) {
    const [row] = await t.db
      .insert(pilots)
      .values({ title: { fi: `cmp ${i}` }, startDate: "2018-01-01", endDate: "2018-12-31", state: "published" })
      .returning({ id: pilots.id });
    await t.db.insert(pilotMunicipalities).values({ pilotId: row.id, municipalityCode: "743", isLead: true });
    for (const g of groups) await t.db.insert(pilotTargetGroups).values({ pilotId: row.id, targetGroupCode: g });
    await t.db.insert(continuationChecks).values({ pilotId: row.id, checkedOn: on, statusCode: status });
  }
});
afterAll(async () => {
  await t?.close();
});

describe.each(["fi", "sv"] as const)("fully continuing and survival by cut (%s)", (lang) => {
  const tr = getI18n(lang).getFixedT(lang, "dashboard");

  it("the horizon and cut tables show the fully-continuing share with its definition", async () => {
    const m = await buildDashboard(t.db, { lang, reportDate, filters: {}, visibility: scope, internal: false });
    const horizons = m.tables.find((x) => x.id === "horizons")!;
    expect(horizons.columns.find((c) => c.key === "fullRate")).toMatchObject({
      label: tr("col.fullRate"),
      kind: "pct",
    });
    expect(horizons.definition).toContain(tr("def.fullRateColumn"));
    // At 24 months (31.12.2020) the answers of 1.1.2021 speak for the milestone: 7 continue (1 in part), 7 ended.
    const h24 = horizons.rows[2];
    expect(h24).toMatchObject({ n: 14, continuing: 7, ended: 7 });
    expect(h24.fullRate).toBeCloseTo(6 / 14, 12);
    const byGroup = m.tables.find((x) => x.id === "by-targetGroup")!;
    expect(byGroup.definition).toContain(tr("def.fullRateColumn"));
    const older = byGroup.rows.find((r) => r.n === 7 && r.continuing === 4)!;
    expect(older.rate).toBeCloseTo(4 / 7, 12);
    expect(older.fullRate).toBeCloseTo(3 / 7, 12);
    // Under five answers, the share is suppressed like the rate.
    expect(byGroup.rows.find((r) => r.n === 2)!.fullRate).toBeNull();
  });

  it("compares the curves by target group: too-small groups listed, shared pilots out of the test", async () => {
    const c = await survivalComparison(t.db, { lang, reportDate, scope, cut: "targetGroup" });
    expect(c.summary.rows.map((r) => [r.pilots, r.events])).toEqual([
      [7, 3],
      [6, 5],
      [2, 0],
    ]);
    expect(c.summary.rows[2].note).toBe(tr("compare.tooFew", { n: 2 }));
    expect(c.groupTables).toHaveLength(2);
    expect(c.groupTables[0].rows.map((r) => r.atRisk)).toEqual([5, 4, 4, 0]);
    expect(c.test).toMatchObject({ df: 1, groups: 2, pilots: 11 });
    expect(c.pText).toBe(formatP(lang, c.test!.p));
    expect(c.sentences[0]).toContain(c.pText);
    expect(c.sentences).toContain(tr("compare.meaning"));
    expect(c.sentences).toContain(tr("compare.notMeaning"));
    expect(c.sentences).toContain(tr("compare.multiGroup", { count: 1 }));
    expect(c.svg).toContain(String(c.summary.rows[0].group));
    expect(c.svg).not.toContain(String(c.summary.rows[2].group));
  });
});

describe("p-values as shown", () => {
  it("three decimals, and below 0.001 as such", () => {
    expect(formatP("fi", 0.0925)).toBe("0,093");
    expect(formatP("sv", 0.37)).toBe("0,370");
    expect(formatP("fi", 0.00002).replace(/\s/g, " ")).toBe("< 0,001");
  });
});
