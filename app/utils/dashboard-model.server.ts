/**
 * The dashboard as a list of tables, each with its title, definition, columns and rows, in the
 * chosen language. The page, the CSV and the XLSX exports all render this one model, so a figure is
 * computed in one place and reads the same everywhere. The tables are declared as data
 * (dashboard-tables-rates.server.ts, dashboard-tables-network.server.ts) and drawn from one fetch
 * of the figures (dashboard-figures.server.ts).
 */
import type { SQL } from "drizzle-orm";
import type { Db } from "~db/connect";
import { cached } from "~db/data-cache.server";
import { MIN_N_FOR_RATE, summarize } from "~db/queries/continuation.server";
import { followUpResponse, type FollowUpResponse } from "~db/queries/dashboard.server";
import type { PilotFilterParam } from "~shared/codes";
import type { PilotFilters } from "~db/queries/pilot-filters.server";
import type { Lang } from "~/i18n";
import { appliedFilters } from "./dashboard-parts";
import { scopeOf } from "./dashboard-fetch.server";
import { type DashboardFigures, dashboardFigures } from "./dashboard-figures.server";
import { resolveTable, type TableSpec } from "./dashboard-table-spec";
import { dashboardT } from "./dashboard-t.server";
import { NETWORK_TABLES } from "./dashboard-tables-network.server";
import { RATE_TABLES, RESPONSE_TABLE } from "./dashboard-tables-rates.server";
import type { ContinuationSummary, DashTable } from "./dashboard-types";

export type { DashTable } from "./dashboard-types";
export { parityScopeOf } from "./dashboard-figures.server";

/**
 * The dashboard's own filters: a subset of the registry's, with the same parameter names and meaning
 * (/{lang}/pilots, /api/v1/pilots). `horizon` (6, 12 or 24 months) chooses the headline's horizon; the
 * other tables keep theirs (the cuts are at the reporting date, the horizons table has every horizon).
 */
export const DASHBOARD_FILTERS = [
  "programme",
  "phase",
  "region",
  "municipality",
  "targetGroup",
  "artForm",
  "yearFrom",
  "yearTo",
  "horizon",
] as const satisfies readonly PilotFilterParam[];
export type DashboardFilters = Pick<PilotFilters, (typeof DASHBOARD_FILTERS)[number]>;

/** An applied filter in words, in the model's language: "Maakunta", "Pohjanmaa". */
export type AppliedFilter = { key: string; label: string; value: string };

export type DashboardModel = {
  reportDate: string;
  internal: boolean;
  /** The filters applied, each named by its name in the model's language (exports and the report say them). */
  applied: AppliedFilter[];
  /** The latest change to the data the figures come from (ISO), or null on an empty database. */
  dataTimestamp: string | null;
  headline: ContinuationSummary & { outOfDate: number };
  /** Follow-up requests sent and answered by the reporting date; `rate` null under MIN_N_FOR_RATE sent. */
  response: { sent: number; answered: number; rate: number | null; medianDays: number | null };
  tables: DashTable[];
};

/** Every table of the dashboard but the response rate's, in the order the exports list them. */
const DASHBOARD_TABLES: TableSpec<DashboardFigures>[] = [...RATE_TABLES, ...NETWORK_TABLES];

type ModelOptions = {
  lang: Lang;
  reportDate: string;
  filters: DashboardFilters;
  visibility: SQL;
  internal: boolean;
  /** The data generation, when the caller has read it. */
  generation?: string;
};

/** The dashboard: its figures (buildFigureModel) with the follow-up requests' response (withResponse). */
export async function buildDashboard(db: Db, opts: ModelOptions): Promise<DashboardModel> {
  const [model, asked] = await Promise.all([buildFigureModel(db, opts), fetchResponse(db, opts)]);
  return withResponse(model, asked, opts.lang);
}

/**
 * The dashboard as its page and exports read it, cached under `key`: the figures under the data
 * generation, the follow-up requests' response under a generation that either raises
 * (docs/decisions/158), so that mailing requests does not make the rest be computed again. `generations`:
 * as the caller read them (dataGenerations), which its page also reports.
 */
export async function cachedDashboard(
  db: Db,
  opts: ModelOptions,
  key: string,
  generations: { data: string; both: string },
): Promise<DashboardModel> {
  const [figures, asked] = await Promise.all([
    cached(db, key, () => buildFigureModel(db, { ...opts, generation: generations.data }), generations.data),
    cached(db, JSON.stringify(["response", key]), () => fetchResponse(db, opts), generations.both),
  ]);
  return withResponse(figures, asked, opts.lang);
}

/** The dashboard without the follow-up requests' response: everything the data generation decides. */
export type FigureModel = Omit<DashboardModel, "response">;

/** The follow-up requests' response for the model's scope and reporting date (docs/decisions/113). */
export function fetchResponse(db: Db, opts: ModelOptions): Promise<FollowUpResponse> {
  return followUpResponse(db, { reportDate: opts.reportDate, scope: scopeOf(opts) });
}

/**
 * The model with the follow-up requests' response: the headline's response rate and its table, after
 * the headline's. Apart from the other figures, since requests change while the scheduler mails them
 * and the rest does not (docs/decisions/158).
 */
export function withResponse(model: FigureModel, asked: FollowUpResponse, lang: Lang): DashboardModel {
  const t = dashboardT(lang);
  const after = model.tables.findIndex((x) => x.id === "continuation") + 1;
  return {
    ...model,
    response: { ...asked, rate: asked.sent >= MIN_N_FOR_RATE ? asked.answered / asked.sent : null },
    tables: [
      ...model.tables.slice(0, after),
      resolveTable(RESPONSE_TABLE, { asked, t }, t),
      ...model.tables.slice(after),
    ],
  };
}

/** Every figure of the dashboard but the follow-up requests' response. */
export async function buildFigureModel(db: Db, opts: ModelOptions): Promise<FigureModel> {
  const f = await dashboardFigures(db, opts);
  return {
    reportDate: opts.reportDate,
    internal: opts.internal,
    // In the order of the form, whatever the order of the parameters.
    applied: appliedFilters(
      f.t,
      opts.lang,
      f.labels,
      Object.fromEntries(DASHBOARD_FILTERS.map((k) => [k, opts.filters[k]])),
    ),
    dataTimestamp: f.stamp,
    headline: { ...summarize(f.headlineCounts), outOfDate: f.cuts.outOfDate },
    tables: DASHBOARD_TABLES.map((spec) => resolveTable(spec, f, f.t)),
  };
}
