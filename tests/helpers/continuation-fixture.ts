/** The 15 pilots of the hand-computed continuation fixture (see db/queries/dashboard.test.ts). */
import type { Db } from "~db/connect";
import { continuationChecks, pilotMunicipalities, pilots } from "~db/schema";

type P = { end: string; checks: [string, string][]; vaasa?: boolean; draft?: boolean };

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

/** Inserts the fixture; returns the pilot id of each letter. */
export async function continuationPilots(db: Db) {
  const ids: Record<string, number> = {};
  for (const [name, p] of Object.entries(FIXTURE)) {
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
    for (const [checkedOn, statusCode] of p.checks)
      await db.insert(continuationChecks).values({ pilotId: row.id, checkedOn, statusCode });
  }
  return ids;
}
