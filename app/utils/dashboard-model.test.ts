/**
 * Honest headlines: a rate is shown only from n = continuing + ended ≥ 5 answers; otherwise the page and
 * the exports say why ("no follow-ups yet" when n is 0, "too few answers" otherwise) and leave the rate's
 * cells empty. Four small networks, each its own scope, in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { continuationChecks, pilotMunicipalities, pilots } from "~db/schema";
import { getI18n } from "~/i18n";
import { buildDashboard } from "./dashboard-model.server";
import { tableToCsv } from "./export.server";

let t: TestDb;

/** `eligible` pilots ended 31.12.2018, of which `continuing` continue and `ended` ended (checked 1.6.2019). */
const NETWORKS = {
  none: { eligible: 3, continuing: 0, ended: 0 },
  oneOfFive: { eligible: 5, continuing: 1, ended: 0 },
  fourOfFour: { eligible: 4, continuing: 4, ended: 0 },
  big: { eligible: 49, continuing: 39, ended: 10 },
} as const;
type Network = keyof typeof NETWORKS;

beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
  for (const [name, n] of Object.entries(NETWORKS)) {
    for (let i = 0; i < n.eligible; i++) {
      const [row] = await t.db
        .insert(pilots)
        .values({ title: { fi: `${name} ${i}` }, startDate: "2018-01-01", endDate: "2018-12-31", state: "published" })
        .returning({ id: pilots.id });
      await t.db.insert(pilotMunicipalities).values({ pilotId: row.id, municipalityCode: "743", isLead: true });
      const status = i < n.continuing ? "continues_own" : i < n.continuing + n.ended ? "ended" : null;
      if (status)
        await t.db.insert(continuationChecks).values({ pilotId: row.id, checkedOn: "2019-06-01", statusCode: status });
    }
  }
});
afterAll(async () => {
  await t?.close();
});

const model = (network: Network, lang: "fi" | "sv") =>
  buildDashboard(t.db, {
    lang,
    reportDate: "2020-06-30",
    filters: {},
    visibility: sql`p.title->>'fi' like ${`${network} %`}`,
    internal: false,
  });

describe.each(["fi", "sv"] as const)("rate suppression (%s)", (lang) => {
  const tr = getI18n(lang).getFixedT(lang, "dashboard");

  it.each([
    ["none", 0, "noFollowUps"],
    ["oneOfFive", 1, "tooFew"],
    ["fourOfFour", 4, "tooFew"],
  ] as const)("%s: n = %i, no rate anywhere, the reason in words", async (network, n, why) => {
    const m = await model(network, lang);
    expect(m.headline.followedUp).toBe(n);
    expect(m.headline.suppressed).toBe(why);
    expect(m.headline.rate).toBeNull();
    expect(m.headline.interval).toBeNull();
    expect(m.headline.fullRate).toBeNull();
    for (const id of ["continuation", "horizons", "by-region", "by-year"]) {
      const table = m.tables.find((x) => x.id === id)!;
      for (const row of table.rows) {
        expect(row.rate, `${id} rate`).toBeNull();
        expect(row.low, `${id} low`).toBeNull();
      }
    }
    const row = m.tables.find((x) => x.id === "continuation")!.rows[0];
    expect(row.note).toBe(tr(why, { n }));
    expect(row.note).not.toBe("");
    // The page's notice, in the page's language.
    expect(tr(`continuation.${why}`, { n: String(n), eligible: "5" })).not.toMatch(/continuation\./);
    // The export leaves the rate's cells empty and carries the reason.
    const table = m.tables.find((x) => x.id === "continuation")!;
    const csv = tableToCsv(table, { reportDateLabel: "R", reportDate: m.reportDate, definitionLabel: "D" });
    const [header, values] = csv.trim().split("\r\n").slice(-2);
    const cells = Object.fromEntries(header.split(";").map((h, i) => [h, values.split(";")[i]]));
    const rateCol = table.columns.find((c) => c.key === "rate")!;
    expect(cells[`${rateCol.label} (%)`]).toBe("");
    expect(values).toContain(tr(why, { n }));
  });

  it("39 of 49: the rate with its interval, no note", async () => {
    const m = await model("big", lang);
    expect(m.headline.suppressed).toBeNull();
    expect(m.headline.followedUp).toBe(49);
    expect(m.headline.rate).toBeCloseTo(39 / 49, 6);
    expect(m.headline.interval!.low).toBeLessThan(39 / 49);
    const row = m.tables.find((x) => x.id === "continuation")!.rows[0];
    expect(row.rate).toBeCloseTo(0.7959, 4);
    expect(row.note).toBe("");
  });
});

/*
 * Survival table, 39 of 49: the 10 ended (answered 1.6.2019, 152 days after the end, nothing before) end at
 * the midpoint, 76 days = 2.50 months; the 39 continuing are censored at 152 days = 4.99 months.
 * S = 39/49 after 2.5 months; 6 months and later lie beyond the longest observation: not estimated.
 * With no answers (n = 0) all 3 pilots are excluded.
 */
describe.each(["fi", "sv"] as const)("survival tables (%s)", (lang) => {
  it("the share still running, n at risk, the excluded and the median", async () => {
    const tr = getI18n(lang).getFixedT(lang, "dashboard");
    const m = await model("big", lang);
    const survival = m.tables.find((x) => x.id === "survival")!;
    expect(survival.title).toBe(tr("table.survival"));
    expect(survival.rows.map((r) => [r.time, r.stillRunning, r.atRisk])).toEqual([
      [tr("months", { count: 6 }), null, 0],
      [tr("months", { count: 12 }), null, 0],
      [tr("months", { count: 24 }), null, 0],
      [tr("months", { count: 36 }), null, 0],
    ]);
    const summary = m.tables.find((x) => x.id === "survival-summary")!.rows[0];
    expect(summary).toMatchObject({ pilots: 49, events: 10, excluded: 0, median: null, note: tr("medianNotReached") });
    const none = (await model("none", lang)).tables.find((x) => x.id === "survival-summary")!.rows[0];
    expect(none).toMatchObject({ pilots: 0, events: 0, excluded: 3 });
  });
});

describe("the suppression texts differ by case and language", () => {
  it("fi and sv, no follow-ups vs too few", () => {
    const fi = getI18n("fi").getFixedT("fi", "dashboard");
    const sv = getI18n("sv").getFixedT("sv", "dashboard");
    const texts = [fi("noFollowUps"), fi("tooFew", { n: 4 }), sv("noFollowUps"), sv("tooFew", { n: 4 })];
    expect(new Set(texts).size).toBe(4);
    expect(fi("tooFew", { n: 4 })).toContain("4");
    const home = (l: "fi" | "sv") => getI18n(l).getFixedT(l);
    expect(home("fi")("home.tooFew", { n: "1" })).not.toBe(home("sv")("home.tooFew", { n: "1" }));
    expect(home("sv")("home.noFollowUps")).not.toMatch(/home\./);
  });
});
