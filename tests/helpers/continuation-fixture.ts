/** The 15 pilots of the hand-computed continuation fixture (see db/queries/dashboard.test.ts). */
import type { Db } from "~db/connect";
import { continuationChecks, pilotMunicipalities, pilots } from "~db/schema";

/** A check: [date, status code] or [date, status code, "ended on"]. */
type Check = [string, string] | [string, string, string];
type P = { end: string; checks: Check[]; vaasa?: boolean; draft?: boolean };

export const FIXTURE: Record<string, P> = {
  A: { end: "2018-12-31", checks: [["2019-06-01", "continues_own"]] },
  B: { end: "2018-12-31", checks: [["2019-06-01", "ended"]], vaasa: true },
  C: {
    end: "2018-12-31",
    checks: [
      ["2019-03-01", "continues_own"],
      ["2020-01-10", "unknown"],
    ],
  },
  D: { end: "2019-06-30", checks: [["2019-12-01", "continues_partly"]] },
  E: { end: "2019-06-30", checks: [["2020-08-01", "ended"]] },
  F: { end: "2019-06-30", checks: [["2019-07-15", "transferred"]], vaasa: true },
  G: { end: "2020-07-31", checks: [] },
  H: { end: "2017-12-31", checks: [["2018-06-01", "continues_other"]] },
  I: {
    end: "2017-12-31",
    checks: [
      ["2018-03-01", "ended"],
      ["2019-03-01", "continues_own"],
    ],
  },
  J: {
    end: "2017-12-31",
    checks: [
      ["2018-06-30", "continues_own"],
      ["2019-12-31", "ended"],
    ],
  },
  K: { end: "2018-06-30", checks: [] },
  L: { end: "2018-06-30", checks: [["2018-12-15", "continues_own"]] },
  M: {
    end: "2016-12-31",
    checks: [
      ["2017-05-01", "continues_partly"],
      ["2018-06-01", "continues_own"],
    ],
  },
  N: { end: "2019-12-31", checks: [["2020-06-30", "ended"]], vaasa: true },
  O: { end: "2018-12-31", checks: [["2019-01-15", "continues_own"]], draft: true },
};

/**
 * product.md's worked examples: funding ended 31.12.2016, reporting date 30.6.2019; the expected status
 * at 6, 12 and 24 months and at the reporting date (null = not followed up).
 */
type S = "continuing" | "partly" | "ended" | null;
export const WORKED: { name: string; checks: Check[]; h6: S; h12: S; h24: S; headline: S }[] = [
  {
    name: "W1",
    checks: [["2017-06-15", "continues_own"]],
    h6: "continuing",
    h12: null,
    h24: null,
    headline: "continuing",
  },
  {
    name: "W2",
    checks: [["2019-03-01", "continues_partly"]],
    h6: "partly",
    h12: "partly",
    h24: "partly",
    headline: "partly",
  },
  { name: "W3", checks: [["2017-03-01", "ended"]], h6: "ended", h12: "ended", h24: "ended", headline: "ended" },
  {
    name: "W4",
    checks: [["2017-09-01", "ended", "2017-05-01"]],
    h6: "ended",
    h12: "ended",
    h24: "ended",
    headline: "ended",
  },
  { name: "W5", checks: [["2017-09-01", "ended"]], h6: null, h12: "ended", h24: "ended", headline: "ended" },
  {
    name: "W6",
    checks: [
      ["2017-06-15", "continues_own"],
      ["2017-07-01", "ended"],
    ],
    h6: "ended",
    h12: "ended",
    h24: "ended",
    headline: "ended",
  },
  {
    name: "W7",
    checks: [
      ["2017-02-01", "continues_own"],
      ["2018-02-01", "unknown"],
    ],
    h6: null,
    h12: null,
    h24: null,
    headline: null,
  },
];

/** Inserts the worked examples as published pilots ending 31.12.2016; returns the pilot id of each. */
export async function workedExamplePilots(db: Db) {
  return insertPilots(db, Object.fromEntries(WORKED.map((w) => [w.name, { end: "2016-12-31", checks: w.checks }])));
}

/** Inserts the fixture; returns the pilot id of each letter. */
export async function continuationPilots(db: Db) {
  return insertPilots(db, FIXTURE);
}

async function insertPilots(db: Db, fixture: Record<string, P>) {
  const ids: Record<string, number> = {};
  for (const [name, p] of Object.entries(fixture)) {
    const start = `${Number(p.end.slice(0, 4)) - 1}${p.end.slice(4)}`;
    const [row] = await db
      .insert(pilots)
      .values({
        title: { fi: `Pilotti ${name}` },
        startDate: start,
        endDate: p.end,
        state: p.draft ? "draft" : "published",
      })
      .returning({ id: pilots.id });
    ids[name] = row.id;
    await db
      .insert(pilotMunicipalities)
      .values({ pilotId: row.id, municipalityCode: p.vaasa ? "905" : "743", isLead: true });
    for (const [checkedOn, statusCode, endedOn] of p.checks)
      await db.insert(continuationChecks).values({ pilotId: row.id, checkedOn, statusCode, endedOn });
  }
  return ids;
}
