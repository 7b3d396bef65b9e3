import { sql as dsql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import * as schema from "../../db/schema";
import type { Db } from "../../db/connect";
import { queryRows } from "../../db/connect";
import {
  continuationOverview,
  cooperationFigures,
  employmentFigures,
  fundingFigures,
  municipalitiesPerRegion,
  pilotsPerYear,
  reachFigures,
} from "../../db/queries/dashboard.server";
import { parityFigures } from "../../db/queries/parity.server";
import type { BenchScenario } from "./types";

const dbs = new WeakMap<postgres.Sql, Db>();
const dbFor = (sql: postgres.Sql) => {
  if (!dbs.has(sql)) dbs.set(sql, drizzle({ client: sql, schema, casing: "snake_case" }));
  return dbs.get(sql)!;
};

/** A reporting date `i` days before 23.11.2026: a different one for every request. */
const dateBefore = (i: number) => new Date(Date.UTC(2026, 10, 23) - i * 86_400_000).toISOString().slice(0, 10);

/**
 * The SQL floor: the page's own queries (db/queries/dashboard.server.ts and the filter options of
 * the route), run at once as the loader runs them (app/utils/dashboard-model.server.ts), so the floor
 * is the time the database needs for the figures, not the sum of statements that overlap.
 */
async function dashboardSql(sql: postgres.Sql, reportDate: string) {
  const db = dbFor(sql);
  const scope = dsql`p.state = 'published'`;
  const steps: (() => Promise<unknown>)[] = [
    () =>
      queryRows(
        db,
        dsql`select 'programme' as kind, code as key, name from programmes union all select 'phase', id::text, name from programme_phases
        union all select 'region', code, name from regions union all select 'municipality', code, name from municipalities
        union all select 'targetGroup', code, name from target_groups union all select 'artForm', code, name from art_forms
        union all select 'organisation', id::text, name from organisations`,
      ),
    () => continuationOverview(db, { reportDate, scope }),
    () => pilotsPerYear(db, scope),
    () => municipalitiesPerRegion(db, scope),
    () => employmentFigures(db, scope),
    () => fundingFigures(db, scope),
    () => cooperationFigures(db, scope),
    () => reachFigures(db, scope),
    () => parityFigures(db, { pilots: scope, reportDate }),
  ];
  await Promise.all(steps.map((step) => step()));
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
    sql: (sql) => dashboardSql(sql, "2026-11-23"),
    targets: { medianMs: 80, rps10: 30, maxOverSql: 2 },
  },
  {
    name: "dashboard /fi/dashboard (cached figures)",
    path: "/fi/dashboard?reportDate=2026-11-23",
    sql: (sql) => dashboardSql(sql, "2026-11-23"),
    targets: { medianMs: 80, rps10: 30, maxOverSql: 2 },
  },
];
