import { sql } from "drizzle-orm";
import type { Db } from "../../db/connect";
import { followUpResponse } from "../../db/queries/dashboard.server";
import { codeLabels } from "../../db/queries/dashboard-labels.server";
import { pilotFilterOptions } from "../../db/queries/pilots.server";
import { fetchFigures } from "../../app/utils/dashboard-fetch.server";
import type { BenchScenario } from "./types";

/** A reporting date `i` days before 23.11.2026: a different one for every request. */
const dateBefore = (i: number) => new Date(Date.UTC(2026, 10, 23) - i * 86_400_000).toISOString().slice(0, 10);

/**
 * The SQL floor: the page's own queries in the loader's order (app/utils/dashboard-request.server.ts,
 * dashboard-model.server.ts, app/routes/dashboard/route.tsx): the code labels, then the figures and
 * the follow-up requests' response at once as the loader runs them, then the filter choices. The floor is the time the database needs
 * for the figures, not the sum of statements that overlap.
 */
async function dashboardSql(db: Db, reportDate: string) {
  const scope = sql`p.state = 'published'`;
  await codeLabels(db);
  await Promise.all([
    fetchFigures(db, { reportDate, filters: {}, visibility: scope }),
    followUpResponse(db, { reportDate, scope }),
  ]);
  await pilotFilterOptions(db, scope);
}

/**
 * The whole dashboard page as the public sees it, twice: with a different reporting date on every
 * request (nothing cached: every figure computed), and the same page again and again (the figures
 * cached under the data generation, docs/decisions/043).
 */
export const scenarios: BenchScenario[] = [
  {
    name: "dashboard, each request a new reporting date (computed)",
    path: (i) => `/fi/dashboard?reportDate=${dateBefore(i)}`,
    sql: (db) => dashboardSql(db, "2026-11-23"),
    targets: { medianMs: 60, rps10: 30, maxOverSql: 2, at100kMs: 300 },
  },
  {
    name: "dashboard /fi/dashboard (cached figures)",
    path: "/fi/dashboard?reportDate=2026-11-23",
    sql: (db) => dashboardSql(db, "2026-11-23"),
    targets: { medianMs: 80, rps10: 30, maxOverSql: 2 },
  },
];
