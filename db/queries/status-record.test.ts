/**
 * The per-pilot status record (pilot_status_spans, kept by the database's triggers) against the
 * continuation definition itself (continuation.server.ts), on random pilots and checks changed in
 * every way the application changes them: checks added one by one and many at once, corrected
 * (date, status, "ended on", even moved to another pilot), deleted; pilots whose end date changes
 * or goes away, pilots deleted. At random reporting dates (and on and around every check date and
 * milestone) each pilot's statuses and every aggregate must be the same. Runs on PGlite and, with
 * DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { DAY, iso, randomChoices } from "../../tests/helpers/random-data";
import { queryRows } from "../connect";
import { continuationCounts, HORIZONS, latestCountsAsSql, latestStatusesSql } from "./continuation.server";
import { continuationOverview } from "./dashboard.server";
import { recordStatusesSql } from "./status-record.server";
import { lifetimeInputsFromChecksSql, pilotLifetimes } from "./survival.server";
import { addContinuationCheck, correctCheck, deleteCheck } from "./continuation-checks.server";
import { users } from "../schema";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
});
afterAll(async () => {
  await t?.close();
});

const BASE = Date.UTC(2015, 0, 1);
const STATUSES = ["continues_own", "continues_other", "continues_partly", "transferred", "ended", "unknown"];
const MUNICIPALITIES = ["005", "152", "301", "399", "893"];
const PROGRAMMES = ["HKIR", "TAIKU"];

function generator(seed: number) {
  // Seeded, so a failure can be replayed.
  const { r, int, pick } = randomChoices(seed);
  // Dates bunch on month ends and near milestones, where the rules' edges are.
  const date = () => (r() < 0.3 ? iso(Date.UTC(2015 + int(8), int(12) + 1, 0)) : iso(BASE + int(9 * 365) * DAY));
  return { r, int, pick, date };
}

type Status = { r: string | null; r_on: string | null; h6: string | null; h12: string | null; h24: string | null };

/** Each pilot's statuses at R by the per-pilot definition (latestCountsAsSql), the one-pass form and the record. */
async function statusesThreeWays(reportDate: string) {
  const perPilot = await queryRows<Status & { id: number }>(
    t.db,
    sql`select p.id, ${latestCountsAsSql({ reportDate })} as r,
        (select max(c.checked_on) from continuation_checks c where c.pilot_id = p.id and c.checked_on <= ${reportDate}::date)::text as r_on,
        ${latestCountsAsSql({ reportDate, horizon: 6 })} as h6, ${latestCountsAsSql({ reportDate, horizon: 12 })} as h12,
        ${latestCountsAsSql({ reportDate, horizon: 24 })} as h24
      from pilots p order by p.id`,
  );
  const via = async (form: typeof recordStatusesSql) => {
    const rows = await queryRows<Status & { pilot_id: number }>(
      t.db,
      sql`with sp as materialized (select p.id, p.end_date from pilots p)
        select st.pilot_id, st.r, st.r_on::text as r_on, st.h6, st.h12, st.h24 from (${form(sql`sp`, reportDate)}) st`,
    );
    const byId = new Map(rows.map((x) => [x.pilot_id, x]));
    return perPilot.map((p) => {
      const x = byId.get(p.id);
      return {
        id: p.id,
        r: x?.r ?? null,
        r_on: x?.r_on ?? null,
        h6: x?.h6 ?? null,
        h12: x?.h12 ?? null,
        h24: x?.h24 ?? null,
      };
    });
  };
  return { perPilot, onePass: await via(latestStatusesSql), record: await via(recordStatusesSql) };
}

async function reportingDates(g: ReturnType<typeof generator>) {
  const checks = await queryRows<{ d: string }>(
    t.db,
    sql`select distinct checked_on::text as d from continuation_checks
      union select distinct (end_date + make_interval(months => m))::date::text from pilots, unnest(array[0, 6, 12, 24]) m
        where end_date is not null`,
  );
  const edges = checks.map((c) => c.d).filter(() => g.r() < 0.06);
  const shifted = edges.map((d) => iso(Date.parse(d) + (g.r() < 0.5 ? -1 : 1) * DAY));
  return [...edges, ...shifted, ...Array.from({ length: 6 }, g.date), "2014-06-30", "2031-01-01"];
}

/** Lifetimes compared that end in an event (an "ended" answer after the last continuing one). */
let events = 0;

async function expectRecordEqualsDefinition(g: ReturnType<typeof generator>) {
  let compared = 0;
  for (const R of await reportingDates(g)) {
    const { perPilot, onePass, record } = await statusesThreeWays(R);
    expect(onePass, `one-pass definition at ${R}`).toEqual(perPilot);
    expect(record, `status record at ${R}`).toEqual(perPilot);
    for (const scope of [sql`true`, sql`p.state = 'published'`]) {
      const [fromRecord, fromDefinition] = await Promise.all([
        continuationOverview(t.db, { reportDate: R, scope }),
        continuationOverview(t.db, { reportDate: R, scope, statuses: latestStatusesSql }),
      ]);
      expect(fromRecord, `dashboard figures at ${R}`).toEqual(fromDefinition);
      // The survival figures' lifetimes: L and F read off the record, as the answers themselves give them.
      const [lives, livesByDefinition] = await Promise.all([
        pilotLifetimes(t.db, { reportDate: R, scope }),
        pilotLifetimes(t.db, { reportDate: R, scope, inputs: lifetimeInputsFromChecksSql }),
      ]);
      expect(lives, `lifetimes at ${R}`).toEqual(livesByDefinition);
      events += lives.lifetimes.filter((l) => l.event).length;
      const where = scope;
      expect(await continuationCounts(t.db, { reportDate: R, where })).toEqual(
        await continuationCounts(t.db, { reportDate: R, where, statuses: latestStatusesSql }),
      );
    }
    compared += perPilot.length;
  }
  // Maintained in place, the record is what a rebuild from scratch gives.
  const spans = sql`select pilot_id, valid_from::text, valid_to::text, r, h6, h12, h24, l_on::text, f_on::text,
    f_ended_on::text from pilot_status_spans order by 1, 2`;
  const kept = await queryRows(t.db, spans);
  await t.db.execute(sql`select refresh_pilot_status(null)`);
  expect(await queryRows(t.db, spans)).toEqual(kept);
  return compared;
}

async function addPilots(g: ReturnType<typeof generator>, n: number) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const end = g.r() < 0.1 ? null : g.date();
    const [row] = await queryRows<{ id: number }>(
      t.db,
      sql`insert into pilots (title, state, end_date, is_example)
        values (${JSON.stringify({ fi: `Satunnainen ${i}` })}::jsonb, ${g.r() < 0.7 ? "published" : "draft"}, ${end}, true)
        returning id`,
    );
    ids.push(row.id);
    await t.db.execute(
      sql`insert into pilot_municipalities (pilot_id, municipality_code, is_lead) values (${row.id}, ${g.pick(MUNICIPALITIES)}, true)`,
    );
    await t.db.execute(
      sql`insert into pilot_programmes (pilot_id, programme_id) select ${row.id}, id from programmes where code = ${g.pick(PROGRAMMES)}`,
    );
  }
  return ids;
}

function randomCheck(g: ReturnType<typeof generator>, pilotId: number) {
  const checkedOn = g.date();
  const status = g.pick(STATUSES);
  // "Ended on" mostly with an ended answer, on or before the check's date (month precision).
  const endedOn =
    status === "ended" && g.r() < 0.5 ? `${iso(Date.parse(checkedOn) - g.int(400) * DAY).slice(0, 8)}01` : null;
  return sql`(${pilotId}, ${checkedOn}::date, ${status}, ${endedOn}::date, 'Test', true)`;
}

async function addChecks(g: ReturnType<typeof generator>, pilotIds: number[], n: number, batch: boolean) {
  const rows = Array.from({ length: n }, () => randomCheck(g, g.pick(pilotIds)));
  const insert = (values: ReturnType<typeof randomCheck>[]) =>
    t.db.execute(
      sql`insert into continuation_checks (pilot_id, checked_on, status_code, ended_on, checked_by_name, is_example)
        values ${sql.join(values, sql`, `)}`,
    );
  if (batch) await insert(rows);
  else for (const row of rows) await insert([row]);
}

async function changeThings(g: ReturnType<typeof generator>, pilotIds: number[]) {
  const checks = await queryRows<{ id: number; checked_on: string }>(
    t.db,
    sql`select id, checked_on::text from continuation_checks order by id`,
  );
  for (const c of checks) {
    const roll = g.r();
    if (roll < 0.08) {
      await t.db.execute(sql`delete from continuation_checks where id = ${c.id}`);
    } else if (roll < 0.14) {
      // A correction of the answer: its status, and "ended on" cleared or set.
      const status = g.pick(STATUSES);
      const endedOn = status === "ended" && g.r() < 0.5 ? `${c.checked_on.slice(0, 8)}01` : null;
      await t.db.execute(
        sql`update continuation_checks set status_code = ${status}, ended_on = ${endedOn}::date, version = version + 1 where id = ${c.id}`,
      );
    } else if (roll < 0.18) {
      await t.db.execute(
        sql`update continuation_checks set checked_on = ${g.date()}::date, ended_on = null where id = ${c.id}`,
      );
    } else if (roll < 0.2) {
      await t.db.execute(sql`update continuation_checks set pilot_id = ${g.pick(pilotIds)} where id = ${c.id}`);
    }
  }
  // Several checks corrected in one statement.
  await t.db.execute(
    sql`update continuation_checks set checked_on = checked_on + 20, ended_on = null where id % 17 = ${g.int(17)}`,
  );
  for (const id of pilotIds) {
    const roll = g.r();
    if (roll < 0.15) await t.db.execute(sql`update pilots set end_date = ${g.date()}::date where id = ${id}`);
    else if (roll < 0.18) await t.db.execute(sql`update pilots set end_date = null where id = ${id}`);
    else if (roll < 0.25) await t.db.execute(sql`update pilots set state = 'draft' where id = ${id}`);
  }
  // Many end dates moved at once, and a pilot deleted with its checks.
  await t.db.execute(
    sql`update pilots set end_date = end_date + 31 where is_example and end_date is not null and id % 5 = ${g.int(5)}`,
  );
  const gone = g.pick(pilotIds);
  await t.db.execute(sql`delete from pilots where id = ${gone}`);
  return pilotIds.filter((id) => id !== gone);
}

describe(`the per-pilot status record (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("equals the continuation definition per pilot and in every figure, through checks added, corrected and deleted and end dates changed", async () => {
    const g = generator(20261206);
    let pilots = await addPilots(g, 40);
    await addChecks(g, pilots, 60, false);
    await addChecks(g, pilots, 120, true);
    let compared = await expectRecordEqualsDefinition(g);
    for (let round = 0; round < 2; round++) {
      pilots = await changeThings(g, pilots);
      await addChecks(g, pilots, 30, round === 0);
      compared += await expectRecordEqualsDefinition(g);
    }
    // The comparison covered pilots with every kind of status, at dates before, on and after their checks.
    const spread = await queryRows<{ r: string; n: number }>(
      t.db,
      sql`select r, count(*)::int as n from pilot_status_spans group by r order by r`,
    );
    expect(spread.map((x) => x.r)).toEqual(["continuing", "ended", "partly", "unknown"]);
    expect(compared).toBeGreaterThan(1000);
    // …and lifetimes ending in an event, with and without "ended on", beside censored ones.
    expect(events).toBeGreaterThan(100);
    const [kinds] = await queryRows<{ ended_on: number; without: number; censored: number }>(
      t.db,
      sql`select count(*) filter (where f_ended_on is not null)::int as ended_on,
        count(*) filter (where f_on is not null and f_ended_on is null)::int as without,
        count(*) filter (where f_on is null and l_on is not null)::int as censored from pilot_status_spans`,
    );
    expect(kinds.ended_on).toBeGreaterThan(5);
    expect(kinds.without).toBeGreaterThan(5);
    expect(kinds.censored).toBeGreaterThan(5);
    // Some hundred queries on PGlite: several times the default time on a loaded machine.
  }, 300_000);

  it("follows a change of what a status counts as", async () => {
    const before = await continuationCounts(t.db, { reportDate: "2031-01-01" });
    await t.db.execute(sql`update continuation_statuses set counts_as = 'ended' where code = 'transferred'`);
    try {
      const after = await continuationCounts(t.db, { reportDate: "2031-01-01" });
      expect(after).toEqual(await continuationCounts(t.db, { reportDate: "2031-01-01", statuses: latestStatusesSql }));
      expect(after.ended).toBeGreaterThan(before.ended);
    } finally {
      await t.db.execute(sql`update continuation_statuses set counts_as = 'continuing' where code = 'transferred'`);
    }
  });

  it("has no span for a pilot before its first check, and one per check date after", async () => {
    const [p] = await addPilots(generator(7), 1);
    await t.db.execute(sql`update pilots set end_date = '2019-12-31' where id = ${p}`);
    await t.db.execute(
      sql`insert into continuation_checks (pilot_id, checked_on, status_code, checked_by_name, is_example)
        values (${p}, '2020-06-15', 'continues_own', 'Test', true), (${p}, '2021-01-10', 'ended', 'Test', true),
          (${p}, '2021-01-10', 'unknown', 'Test', true)`,
    );
    const spans = await queryRows(
      t.db,
      sql`select valid_from::text, valid_to::text, r, h6, h12, h24, l_on::text, f_on::text, f_ended_on::text
        from pilot_status_spans where pilot_id = ${p} order by 1`,
    );
    // The lifetime columns: the last continuing answer, then the first "ended" one after it ("unknown" is no answer).
    const life = (l_on: string, f_on: string | null) => ({ l_on, f_on, f_ended_on: null });
    expect(spans).toEqual([
      {
        valid_from: "2020-06-15",
        valid_to: "2021-01-10",
        r: "continuing",
        h6: "continuing",
        h12: null,
        h24: null,
        ...life("2020-06-15", null),
      },
      {
        valid_from: "2021-01-10",
        valid_to: "infinity",
        r: "unknown",
        h6: "continuing",
        h12: "ended",
        h24: "ended",
        ...life("2020-06-15", "2021-01-10"),
      },
    ]);
    expect(HORIZONS).toEqual([6, 12, 24]);
  });

  it("moves with the app's own writes of a check, and not with a write that is rolled back", async () => {
    const [{ id: userId }] = await t.db
      .insert(users)
      .values({ email: "staff.status@example.fi", name: "Sanna Staff", role: "staff" })
      .returning({ id: users.id });
    const [p] = await addPilots(generator(11), 1);
    await t.db.execute(sql`update pilots set end_date = '2020-12-31', state = 'published' where id = ${p}`);
    const headline = async () =>
      (await continuationOverview(t.db, { reportDate: "2022-06-30", scope: sql`p.id = ${p}` })).headline;
    const values = { fundingAfter: null, evidenceRef: null, evidenceUrl: null, notes: null };
    expect((await headline()).notFollowedUp).toBe(1);

    const checkId = await addContinuationCheck(
      t.db,
      p,
      { checkedOn: "2021-06-30", statusCode: "continues_own", ...values },
      { id: userId, name: "Sanna Staff" },
    );
    expect((await headline()).continuing).toBe(1);

    await correctCheck(
      t.db,
      p,
      checkId,
      1,
      { checkedOn: "2021-06-30", statusCode: "ended", ...values },
      "Väärä vastaus",
      userId,
    );
    expect((await headline()).ended).toBe(1);

    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(
          sql`insert into continuation_checks (pilot_id, checked_on, status_code, checked_by_name) values (${p}, '2022-01-01', 'continues_own', 'Test')`,
        );
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await headline()).ended).toBe(1);

    await deleteCheck(t.db, p, checkId, 2, "Väärä pilotti", userId);
    expect((await headline()).notFollowedUp).toBe(1);
    expect(await queryRows(t.db, sql`select 1 from pilot_status_spans where pilot_id = ${p}`)).toEqual([]);
  });
});
