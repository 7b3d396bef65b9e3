import { sql } from "drizzle-orm";
import type { Db } from "../../db/connect";
import { followUpResponse } from "../../db/queries/dashboard.server";
import { codeLabels } from "../../db/queries/dashboard-labels.server";
import { pilotFilterOptions } from "../../db/queries/pilots.server";
import { dateFigures, fetchFigures } from "../../app/utils/dashboard-fetch.server";
import type { BenchScenario } from "./types";

/** A reporting date `i` days before 23.11.2026: a different one for every request. */
const dateBefore = (i: number) => new Date(Date.UTC(2026, 10, 23) - i * 86_400_000).toISOString().slice(0, 10);

/**
 * Request `i`'s filter: a year range that keeps every pilot (the bulk and demo pilots start in 2012–2025)
 * and is different for each of the first 1,650 requests, more than a whole run makes (warm-up, timed and
 * concurrent), so that no request finds a scope an earlier one left in the cache.
 */
const newFilter = (i: number) => `yearFrom=${1990 + (Math.floor(i / 75) % 22)}&yearTo=${2100 - (i % 75)}`;

/** The floor of a new reporting date asks a new date each time, as the page's requests do. */
let floorRuns = 0;

/**
 * The SQL floors: the page's own queries in the loader's order (app/utils/dashboard-request.server.ts,
 * dashboard-model.server.ts, app/routes/dashboard/route.tsx): the code labels, then the figures and
 * the follow-up requests' response at once as the loader runs them, then the filter choices. A floor is
 * the time the database needs for the figures, not the sum of statements that overlap. For a new
 * reporting date in a scope already seen, the page computes the date's figures only (the scope's are
 * cached under the data generation, docs/decisions/161): `dateOnly` leaves the scope's out.
 */
async function dashboardSql(
  db: Db,
  reportDate: string,
  opts: { dateOnly?: boolean; filters?: { yearFrom: number; yearTo: number } } = {},
) {
  const visibility = sql`p.state = 'published'`;
  const filters = opts.filters ?? {};
  await codeLabels(db);
  // The scope's translation-coverage items and continuation steps are cached as the page's are
  // (docs/decisions/163, 165, 167, 169): this process runs with the data cache off, so it is on for the
  // date's figures alone, and the floor counts the statements a new date runs, not the scope's (the untimed
  // runs compute them: the scope's first two asks count the date directly, the second starts building the
  // items and steps, and the third waits for them).
  const cache = process.env.DATA_CACHE;
  if (opts.dateOnly) process.env.DATA_CACHE = "on";
  try {
    await Promise.all([
      opts.dateOnly
        ? dateFigures(db, { reportDate, filters, visibility })
        : fetchFigures(db, { reportDate, filters, visibility }),
      followUpResponse(db, { reportDate, scope: visibility }),
    ]);
  } finally {
    process.env.DATA_CACHE = cache;
  }
  await pilotFilterOptions(db, visibility);
}

/**
 * The whole dashboard page as the public sees it, three ways: a different reporting date on every
 * request (the date's figures computed, the scope's cached); a different filter and date on every
 * request (every figure computed, as on the first view after any change: `newFilter` keeps every pilot,
 * so the figures are the whole network's); and the same page again and again (the
 * figures cached under the data generation, docs/decisions/043).
 */
export const scenarios: BenchScenario[] = [
  {
    name: "dashboard, each request a new reporting date (the date's figures computed)",
    path: (i) => `/fi/dashboard?reportDate=${dateBefore(i)}`,
    sql: (db) => dashboardSql(db, dateBefore(floorRuns++), { dateOnly: true }),
    targets: { medianMs: 60, rps10: 30, maxOverSql: 2, at100kMs: 300 },
  },
  {
    name: "dashboard, each request a new filter (every figure computed)",
    path: (i) => `/fi/dashboard?reportDate=${dateBefore(i)}&${newFilter(i)}`,
    sql: (db) => dashboardSql(db, "2026-11-23", { filters: { yearFrom: 1990, yearTo: 2100 } }),
    targets: { medianMs: 60, maxOverSql: 2, at100kMs: 300 },
  },
  {
    name: "dashboard /fi/dashboard (cached figures)",
    path: "/fi/dashboard?reportDate=2026-11-23",
    sql: (db) => dashboardSql(db, "2026-11-23"),
    targets: { medianMs: 80, rps10: 30, maxOverSql: 2 },
  },
];
