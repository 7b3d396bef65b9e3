/**
 * The survival summary from the lifetimes counted per (days, event) (`lifetimeGroups`, what the dashboard
 * and the report read, docs/decisions/159) against the same summary from one lifetime per pilot
 * (`pilotLifetimes`): random pilots whose end dates and answers bunch on a few days, so that many share a
 * lifetime, with events (an "ended on" or a midpoint), censorings and exclusions; at random reporting
 * dates and for several scopes the groups must be the per-pilot lifetimes counted, the excluded the same,
 * and the Kaplan–Meier estimate with every step, the shares at 6–36 months and the median identical.
 * Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { DAY, iso, randomChoices } from "../../tests/helpers/random-data";
import { queryRows } from "../connect";
import { lifetimeGroups, pilotLifetimes, survivalSummary } from "./survival.server";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
});
afterAll(async () => {
  await t?.close();
});

const STATUSES = ["continues_own", "continues_other", "continues_partly", "transferred", "ended", "unknown"];
const MUNICIPALITIES = ["005", "152", "301", "399"];

function generator(seed: number) {
  // Seeded, so a failure can be replayed.
  const { r, int, pick } = randomChoices(seed);
  // Month ends, mostly from a few years: the same lifetimes recur.
  const monthEnd = (from: number, years: number) => iso(Date.UTC(from + int(years), int(12) + 1, 0));
  const date = (from: number, years: number) =>
    r() < 0.7 ? monthEnd(from, years) : iso(Date.UTC(from, 0, 1) + int(years * 365) * DAY);
  return { r, int, pick, date, monthEnd };
}
type Gen = ReturnType<typeof generator>;

async function addPilots(g: Gen, n: number) {
  for (let i = 0; i < n; i++) {
    const end = g.r() < 0.05 ? null : g.monthEnd(2016, 4);
    const [row] = await queryRows<{ id: number }>(
      t.db,
      sql`insert into pilots (title, state, start_date, end_date, is_example)
        values (${JSON.stringify({ fi: `Satunnainen ${i}` })}::jsonb, ${g.r() < 0.75 ? "published" : "draft"},
          ${end ? iso(Date.parse(end) - 365 * DAY) : null}::date, ${end}::date, true) returning id`,
    );
    await t.db.execute(
      sql`insert into pilot_municipalities (pilot_id, municipality_code, is_lead) values (${row.id}, ${g.pick(MUNICIPALITIES)}, true)`,
    );
    // Some pilots are never followed up (excluded), others get one answer or several.
    const checks = Array.from({ length: g.r() < 0.15 ? 0 : 1 + g.int(4) }, () => {
      const status = g.pick(STATUSES);
      const checkedOn = g.date(2016, 8);
      const endedOn =
        status === "ended" && g.r() < 0.5 ? `${iso(Date.parse(checkedOn) - g.int(700) * DAY).slice(0, 8)}01` : null;
      return sql`(${row.id}, ${checkedOn}::date, ${status}, ${endedOn}::date, 'Test', true)`;
    });
    if (checks.length)
      await t.db.execute(
        sql`insert into continuation_checks (pilot_id, checked_on, status_code, ended_on, checked_by_name, is_example)
          values ${sql.join(checks, sql`, `)}`,
      );
  }
}

describe(`lifetimes counted per value (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("give the same survival summary as one lifetime per pilot, at random reporting dates", async () => {
    const g = generator(20261207);
    await addPilots(g, 300);
    const scopes = [sql`true`, sql`p.state = 'published'`, sql`p.id % 3 = 0`, sql`false`];
    let compared = 0;
    let shared = 0;
    const dates = [...Array.from({ length: 8 }, () => g.date(2016, 10)), "2015-01-01", "2031-01-01"];
    for (const reportDate of dates) {
      for (const scope of scopes) {
        const [perPilot, grouped] = await Promise.all([
          pilotLifetimes(t.db, { reportDate, scope }),
          lifetimeGroups(t.db, { reportDate, scope }),
        ]);
        expect(grouped.excluded, `excluded at ${reportDate}`).toBe(perPilot.excluded);
        // The groups are the per-pilot lifetimes counted.
        const counted = new Map<string, number>();
        for (const l of perPilot.lifetimes) {
          const key = `${l.days}|${l.event}`;
          counted.set(key, (counted.get(key) ?? 0) + 1);
        }
        const key = (x: { days: number; event: boolean }) => `${x.days}|${x.event}`;
        expect(new Map(grouped.groups.map((x) => [key(x), x.n])), `groups at ${reportDate}`).toEqual(counted);
        expect(survivalSummary(grouped.groups), `summary at ${reportDate}`).toEqual(
          survivalSummary(perPilot.lifetimes),
        );
        compared += perPilot.lifetimes.length;
        shared += perPilot.lifetimes.length - grouped.groups.length;
      }
    }
    // Lifetimes were compared, many of them shared with another pilot, with events and censorings.
    expect(compared).toBeGreaterThan(1000);
    expect(shared).toBeGreaterThan(300);
    const last = await pilotLifetimes(t.db, { reportDate: "2031-01-01", scope: sql`true` });
    expect(last.lifetimes.some((l) => l.event) && last.lifetimes.some((l) => !l.event) && last.excluded > 0).toBe(true);
  }, 120_000);
});
