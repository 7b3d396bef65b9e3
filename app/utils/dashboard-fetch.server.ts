/**
 * Every figure of the dashboard for one scope (the viewer's visibility and the filters) and one reporting
 * date, run at once. Apart from the model's helpers (dashboard-figures.server.ts) and without the
 * translations, so that the bench's floor (scripts/bench/dashboard.ts) runs the same calls outside Vite.
 * The follow-up requests' response (followUpResponse) is fetched apart: it is cached under the
 * requests' own generation (docs/decisions/158).
 */
import type { SQL } from "drizzle-orm";
import type { Db } from "~db/connect";
import {
  continuationOverview,
  municipalityReach,
  municipalityRows,
  networkFigures,
} from "~db/queries/dashboard.server";
import { codeLabels } from "~db/queries/dashboard-labels.server";
import { parityFigures, type ParityScope } from "~db/queries/parity.server";
import { and_, pilotFilterSql, type PilotFilters } from "~db/queries/pilot-filters.server";
import { dataTimestamp } from "~db/queries/report.server";
import { pilotLifetimes } from "~db/queries/survival.server";

/** The filters the figures are computed with: the registry's, and the headline's horizon. */
export type FigureFilters = PilotFilters;

export type FiguresOptions = {
  reportDate: string;
  filters: FigureFilters;
  visibility: SQL;
};

/**
 * The pilots the figures count: the viewer's visibility and the filters (the headline's horizon
 * chooses a table's counts, not pilots).
 */
export function scopeOf(opts: FiguresOptions): SQL {
  const { horizon: _horizon, ...pilotFilters } = opts.filters;
  return and_([opts.visibility, ...pilotFilterSql(pilotFilters, opts.reportDate)]);
}

/** The translation coverage's scope for the dashboard's filters (docs/decisions/127). */
export function parityScopeOf(opts: FiguresOptions): ParityScope {
  const { region, municipality, artForm, targetGroup } = opts.filters;
  return { pilots: scopeOf(opts), reportDate: opts.reportDate, region, municipality, artForm, targetGroup };
}

/** Every figure of the dashboard, at once (the bench's floor runs this too). */
export async function fetchFigures(db: Db, opts: FiguresOptions) {
  const { reportDate } = opts;
  const scope = scopeOf(opts);
  // The municipality table's pilots and artists do not depend on the reporting date (docs/decisions/160).
  const [
    labels,
    overview,
    municipalReach,
    [perYear, perRegion, employment, funding, cooperation, reach],
    parity,
    lifetimes,
    stamp,
  ] = await Promise.all([
    codeLabels(db),
    continuationOverview(db, { reportDate, scope }),
    municipalityReach(db, scope),
    networkFigures(db, scope),
    parityFigures(db, parityScopeOf(opts)),
    pilotLifetimes(db, { reportDate, scope }),
    dataTimestamp(db),
  ]);
  const cuts = { ...overview, municipalities: municipalityRows(municipalReach, overview.cuts.municipality) };
  return { labels, cuts, perYear, perRegion, employment, funding, cooperation, reach, parity, lifetimes, stamp };
}
