/**
 * The dashboard's continuation tables, declared as data (dashboard-table-spec.ts): the headline, the
 * follow-up requests' response rate, the horizons, how long services live, and the rate by each cut.
 */
import { MIN_N_FOR_RATE, summarize } from "~db/queries/continuation.server";
import type { Cut, FollowUpResponse } from "~db/queries/dashboard.server";
import { REFERENCE_RATE } from "~shared/stats";
import type { DashboardFigures } from "./dashboard-figures.server";
import { col, type ColumnSpec, type TableSpec } from "./dashboard-table-spec";

type Spec = TableSpec<DashboardFigures>;

/** The columns of every continuation-rate table, after its first. */
const RATE_COLUMNS: ColumnSpec[] = [
  col("eligible", "int"),
  col("n", "int"),
  col("continuing", "int"),
  col("ended", "int"),
  col("rate", "pct"),
  col("low", "pct"),
  col("high", "pct"),
  col("fullRate", "pct"),
  col("coverage", "pct"),
  col("note", "text"),
];

/** The headline at the chosen horizon, or at the reporting date. */
const continuation: Spec = {
  id: "continuation",
  title: ({ t, horizon }) =>
    horizon ? t("table.continuationAt", { months: t("months", { count: horizon }) }) : t("table.continuation"),
  definition: ["def.continuation"],
  columns: [
    ...RATE_COLUMNS.slice(0, 4),
    col("partly", "int"),
    col("notFollowedUp", "int"),
    col("outOfDate", "int"),
    ...RATE_COLUMNS.slice(4, 9),
    col("reference", "pct"),
    col("note", "text"),
  ],
  rows: ({ headlineCounts, cuts, rateRow }) => [
    {
      ...rateRow(headlineCounts),
      partly: headlineCounts.partly,
      notFollowedUp: headlineCounts.notFollowedUp,
      outOfDate: cuts.outOfDate,
      fullRate: summarize(headlineCounts).fullRate,
      reference: REFERENCE_RATE,
    },
  ],
  links: ({ listLink, horizon }) => [listLink("eligible", horizon ? { horizon } : {})],
};

/**
 * The follow-up requests' response rate (docs/decisions/113), shown beside coverage. Drawn from the
 * requests alone, so it is resolved apart from the other tables and cached under the requests'
 * own generation (docs/decisions/158).
 */
export const RESPONSE_TABLE: TableSpec<{ asked: FollowUpResponse; t: DashboardFigures["t"] }> = {
  id: "response",
  title: "table.response",
  definition: ["def.response"],
  columns: [
    col("sent", "int", "col.requestsSent"),
    col("answered", "int", "col.requestsAnswered"),
    col("unanswered", "int", "col.requestsUnanswered"),
    col("rate", "pct", "col.responseRate"),
    col("medianDays", "dec"),
    col("note", "text"),
  ],
  rows: ({ asked, t }) => [
    {
      sent: asked.sent,
      answered: asked.answered,
      unanswered: asked.sent - asked.answered,
      rate: asked.sent >= MIN_N_FOR_RATE ? asked.answered / asked.sent : null,
      medianDays: asked.medianDays,
      note:
        asked.sent === 0
          ? t("response.none")
          : asked.sent < MIN_N_FOR_RATE
            ? t("response.tooFew", { n: asked.sent })
            : "",
    },
  ],
};

const horizons: Spec = {
  id: "horizons",
  title: "table.horizons",
  definition: ["def.horizons", "def.fullRateColumn"],
  columns: [col("horizon", "text"), ...RATE_COLUMNS],
  rows: ({ cuts, t, rateRow }) =>
    cuts.horizons.map((h) => ({ horizon: t("months", { count: h.horizon }), ...rateRow(h.counts) })),
  links: ({ cuts, listLink }) => cuts.horizons.map((h) => listLink("eligible", { horizon: h.horizon })),
};

/** How long services live (docs/decisions/078): the Kaplan–Meier table. */
const survival: Spec = {
  id: "survival",
  title: "table.survival",
  definition: ["def.survival"],
  columns: [
    col("time", "text"),
    col("stillRunning", "pct"),
    col("low", "pct"),
    col("high", "pct"),
    col("atRisk", "int"),
  ],
  rows: ({ survival, t }) =>
    survival.at.map((x) => ({
      time: t("months", { count: x.time }),
      stillRunning: x.survival,
      low: x.low,
      high: x.high,
      atRisk: x.atRisk,
    })),
};

const survivalSummaryTable: Spec = {
  id: "survival-summary",
  title: "table.survivalSummary",
  definition: ["def.survivalSummary"],
  columns: [
    col("pilots", "int", "col.lifetimes"),
    col("events", "int"),
    col("excluded", "int"),
    col("median", "dec", "col.medianMonths"),
    col("note", "text"),
  ],
  rows: ({ survival, lifetimes, t }) => [
    {
      pilots: survival.n,
      events: survival.events,
      excluded: lifetimes.excluded,
      median: survival.medianMonths,
      note: survival.medianMonths == null ? t("medianNotReached") : "",
    },
  ],
};

/** The cuts in the page's order; each is also the pilot list's parameter of the same name. */
const CUTS: Cut[] = ["programme", "phase", "region", "municipality", "targetGroup", "artForm", "year"];

/** A cut's rows: by count of pilots followed (most first, then by name), years in order. */
function cutRows(f: DashboardFigures, cut: Cut) {
  return f.cuts.cuts[cut]
    .map((r) => ({ key: r.key, name: cut === "year" ? r.key : f.label(cut, r.key), counts: r.counts }))
    .sort((a, b) =>
      cut === "year"
        ? a.name.localeCompare(b.name)
        : b.counts.eligible - a.counts.eligible || a.name.localeCompare(b.name, f.lang),
    );
}

const byCut = (cut: Cut): Spec => ({
  id: `by-${cut}`,
  title: `table.by.${cut}`,
  definition: ["def.cut", "def.fullRateColumn"],
  columns: [col("name", cut === "year" ? "year" : "text", `col.${cut}`), ...RATE_COLUMNS],
  rows: (f) => cutRows(f, cut).map((r) => ({ name: cut === "year" ? Number(r.key) : r.name, ...f.rateRow(r.counts) })),
  links: (f) => cutRows(f, cut).map((r) => f.listLink("eligible", { [cut]: r.key })),
});

/** The continuation tables in the exports' order; the response rate's (RESPONSE_TABLE) follows the first. */
export const RATE_TABLES: Spec[] = [continuation, horizons, survival, survivalSummaryTable, ...CUTS.map(byCut)];
