/**
 * Every figure of the dashboard for one scope (the viewer's visibility and the filters) and one reporting
 * date, run at once. Apart from the model's helpers (dashboard-figures.server.ts) and without the
 * translations, so that the bench's floor (scripts/bench/dashboard.ts) runs the same calls outside Vite.
 * The follow-up requests' response (followUpResponse) is fetched apart: it is cached under the
 * requests' own generation (docs/decisions/158).
 */
import type { SQL } from "drizzle-orm";
import type { Db } from "~db/connect";
import { cachedFor, reusedFor } from "~db/data-cache.server";
import { continuationSteps, continuationStepsSql, dayOf, overviewAt } from "~db/queries/continuation-steps.server";
import {
  continuationOverview,
  municipalityReach,
  municipalityRows,
  networkFigures,
} from "~db/queries/dashboard.server";
import { codeLabels } from "~db/queries/dashboard-labels.server";
import { parityAt, parityEntries, parityEntriesSql, parityFigures, type ParityScope } from "~db/queries/parity.server";
import { and_, pilotFilterSql, type PilotFilters } from "~db/queries/pilot-filters.server";
import { dataTimestamp } from "~db/queries/report.server";
import { lifetimeGroups } from "~db/queries/survival.server";

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

/**
 * The figures that depend on the scope and not on the reporting date: the code labels, the network's
 * figures, the data's timestamp and the municipality table's pilots and artists (docs/decisions/160).
 */
export function scopeFigures(db: Db, scope: SQL) {
  return Promise.all([codeLabels(db), networkFigures(db, scope), dataTimestamp(db), municipalityReach(db, scope)]);
}

/**
 * Whether the scope's SQL names the reporting date (a status or count filter): it is then a new scope at
 * every date, and items built for it would serve that one date only.
 */
const namesTheDate = (f: FigureFilters) => Boolean(f.status || f.counts);

/**
 * The scope's per-date items under `name` when they pay for themselves (`reusedFor`, docs/decisions/167,
 * 169), else null: always null for a scope whose SQL names the date.
 */
function scopeItems<T>(
  db: Db,
  opts: FiguresOptions,
  name: string,
  query: SQL,
  build: () => Promise<T>,
  generation?: string,
) {
  return namesTheDate(opts.filters) ? null : reusedFor(db, name, query, build, generation);
}

/**
 * The translation coverage at the reporting date from the scope's items counted per entry date, which do
 * not depend on the date and are cached with the scope (docs/decisions/163). They start being built when
 * the scope is asked for a second time and serve from the third (`reusedFor`, docs/decisions/167, 169);
 * until then the date's coverage is counted directly, which costs less than building them.
 */
async function parityAtDate(db: Db, opts: FiguresOptions, generation?: string) {
  const scope = parityScopeOf(opts);
  const { reportDate, ...items } = scope;
  const entries = await scopeItems(
    db,
    opts,
    "dashboard-parity-entries",
    parityEntriesSql(items),
    () => parityEntries(db, items),
    generation,
  );
  return entries ? parityAt(entries, reportDate) : parityFigures(db, scope);
}

/**
 * The continuation overview at the reporting date (docs/decisions/165). The scope's steps
 * (`continuationSteps`) give every date without a statement; they cost two to three times one date's
 * statement, so they start being built when the scope is asked for a second time and serve from the third
 * (`reusedFor`, docs/decisions/167, 169); the first two asks run the statement (`continuationOverview`), as
 * the first view after any change does.
 * A scope whose SQL names the date (a status or count filter, `namesTheDate`) always runs the
 * statement; so does a date that is not a plain ISO date, and the data cache off. The open-data API's
 * continuation figures come from here too (app/utils/open-data/figures.server.ts).
 */
export async function continuationAtDate(db: Db, opts: FiguresOptions, scope: SQL, generation?: string) {
  const { reportDate } = opts;
  const day = dayOf(reportDate);
  const steps =
    day == null
      ? null
      : await scopeItems(
          db,
          opts,
          "dashboard-continuation-steps",
          continuationStepsSql(scope),
          () => continuationSteps(db, scope),
          generation,
        );
  return steps && day != null ? overviewAt(steps, day) : continuationOverview(db, { reportDate, scope });
}

/** The figures for the reporting date: continuation, translation coverage and the lifetimes counted per value (the bench's floor runs this too). */
export function dateFigures(db: Db, opts: FiguresOptions, scope = scopeOf(opts), generation?: string) {
  const { reportDate } = opts;
  return Promise.all([
    continuationAtDate(db, opts, scope, generation),
    parityAtDate(db, opts, generation),
    lifetimeGroups(db, { reportDate, scope }),
  ]);
}

/**
 * Every figure of the dashboard, at once. The scope's figures are cached under the data generation
 * (`generation`, read by the caller, or here) and the scope's SQL, so a new reporting date computes
 * only its own figures (docs/decisions/161); with the data cache off everything is computed.
 */
export async function fetchFigures(db: Db, opts: FiguresOptions, generation?: string) {
  const scope = scopeOf(opts);
  const [
    [labels, [perYear, perRegion, employment, funding, cooperation, reach], stamp, municipal],
    [overview, parity, lifetimes],
  ] = await Promise.all([
    cachedFor(db, "dashboard-scope-figures", scope, () => scopeFigures(db, scope), generation),
    dateFigures(db, opts, scope, generation),
  ]);
  const cuts = { ...overview, municipalities: municipalityRows(municipal, overview.cuts.municipality) };
  return { labels, cuts, perYear, perRegion, employment, funding, cooperation, reach, parity, lifetimes, stamp };
}
