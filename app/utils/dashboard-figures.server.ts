/**
 * The figures the dashboard's tables are drawn from: every query of the model, run at once for one
 * scope (the viewer's visibility and the filters) and one reporting date (dashboard-fetch.server.ts),
 * with the helpers the row mappers share (a code's name in the model's language, a link to the pilots a row counts, a rate row).
 */
import type { Db } from "~db/connect";
import { summarize, type ContinuationCounts, type Counts, type Suppression } from "~db/queries/continuation.server";
import { filtersToParams } from "~db/queries/pilot-filters.server";
import { survivalSummary } from "~db/queries/survival.server";
import type { Lang } from "~/i18n";
import { fetchFigures, type FiguresOptions as FetchOptions } from "./dashboard-fetch.server";
import type { T } from "./dashboard-table-spec";
import { dashboardT } from "./dashboard-t.server";
import type { Row } from "./dashboard-types";
import { localizedString } from "./localized";

export { parityScopeOf } from "./dashboard-fetch.server";

/** `generation`: the data generation the caller read, for the scope's cached figures. */
export type FiguresOptions = FetchOptions & { lang: Lang; generation?: string };

/** A share, or null of nothing. */
export const share = (a: number, b: number) => (b ? a / b : null);

/** The figures with the helpers the row mappers share: what every table declaration is drawn from. */
export type DashboardFigures = Awaited<ReturnType<typeof fetchFigures>> & {
  t: T;
  lang: Lang;
  reportDate: string;
  horizon: number | null;
  /** A code's name in the model's language ("none" for a missing one). */
  label: (kind: string, key: string | number | null) => string;
  /** The pilot list of the pilots a row counts, with the dashboard's filters and reporting date. */
  listLink: (counts: Counts, extra?: Record<string, string | number>) => string;
  /** A continuation table's rate columns for a set of counts. */
  rateRow: (c: ContinuationCounts) => Row;
  /** The headline's counts: at the chosen horizon, or at the reporting date. */
  headlineCounts: ContinuationCounts;
  survival: ReturnType<typeof survivalSummary>;
};

export async function dashboardFigures(db: Db, opts: FiguresOptions): Promise<DashboardFigures> {
  const t = dashboardT(opts.lang);
  const figures = await fetchFigures(db, opts, opts.generation);
  const { horizon = null, ...pilotFilters } = opts.filters;
  const baseParams = filtersToParams(pilotFilters);
  const label = (kind: string, key: string | number | null) =>
    key == null ? t("none") : localizedString(figures.labels[kind]?.[String(key)], opts.lang) || String(key);
  const listLink = (counts: Counts, extra: Record<string, string | number> = {}) => {
    const params = new URLSearchParams(baseParams);
    params.set("counts", counts);
    params.set("reportDate", opts.reportDate);
    for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
    return `/${opts.lang}/pilots?${params}`;
  };
  // A suppressed rate (n under 5) is an empty cell everywhere, with the reason in the note.
  const note = (why: Suppression, n: number) => (why ? t(why, { n }) : "");
  const rateRow = (c: ContinuationCounts): Row => {
    const s = summarize(c);
    return {
      eligible: c.eligible,
      n: s.followedUp,
      continuing: c.continuing,
      ended: c.ended,
      rate: s.rate,
      low: s.interval?.low ?? null,
      high: s.interval?.high ?? null,
      fullRate: s.fullRate,
      coverage: s.coverage,
      note: note(s.suppressed, s.followedUp),
    };
  };
  const { cuts } = figures;
  const headlineCounts = horizon
    ? (cuts.horizons.find((h) => h.horizon === horizon)?.counts ?? cuts.headline)
    : cuts.headline;
  return {
    ...figures,
    t,
    lang: opts.lang,
    reportDate: opts.reportDate,
    horizon,
    label,
    listLink,
    rateRow,
    headlineCounts,
    // How long services live (docs/decisions/078): the Kaplan–Meier estimate, from the lifetimes counted per value (159).
    survival: survivalSummary(figures.lifetimes.groups),
  };
}
