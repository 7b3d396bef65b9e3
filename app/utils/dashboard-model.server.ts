/**
 * The dashboard as a list of tables, each with its title, definition, columns and rows, in the
 * chosen language. The page, the CSV and the XLSX exports all render this one model, so a figure is
 * computed in one place and reads the same everywhere.
 */
import type { SQL } from "drizzle-orm";
import type { Db } from "~db/connect";
import {
  MIN_N_FOR_RATE,
  summarize,
  type ContinuationCounts,
  type Counts,
  type Suppression,
} from "~db/queries/continuation.server";
import {
  continuationOverview,
  cooperationFigures,
  employmentFigures,
  followUpResponse,
  fundingFigures,
  municipalitiesPerRegion,
  pilotsPerYear,
  reachFigures,
  type Cut,
} from "~db/queries/dashboard.server";
import { codeLabels } from "~db/queries/dashboard-labels.server";
import { parityFigures, type ParityScope } from "~db/queries/parity.server";
import { dataTimestamp } from "~db/queries/report.server";
import { pilotLifetimes, survivalSummary } from "~db/queries/survival.server";
import { and_, filtersToParams, pilotFilterSql, type PilotFilters } from "~db/queries/pilot-filters.server";
import type { PilotFilterParam } from "~shared/codes";
import { getI18n, type Lang } from "~/i18n";
import { localizedString } from "./localized";
import { REFERENCE_RATE } from "~shared/stats";
import { appliedFilters, parityTable } from "./dashboard-parts";

import type { Column, ContinuationSummary, DashTable, Row } from "./dashboard-types";
export type { DashTable } from "./dashboard-types";

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

/** The translation coverage's scope for the dashboard's filters (docs/decisions/127). */
export function parityScopeOf(opts: { filters: DashboardFilters; visibility: SQL; reportDate: string }): ParityScope {
  const { horizon: _horizon, ...pilotFilters } = opts.filters;
  return {
    pilots: and_([opts.visibility, ...pilotFilterSql(pilotFilters, opts.reportDate)]),
    reportDate: opts.reportDate,
    region: pilotFilters.region,
    municipality: pilotFilters.municipality,
    artForm: pilotFilters.artForm,
    targetGroup: pilotFilters.targetGroup,
  };
}

const share = (a: number, b: number) => (b ? a / b : null);

export async function buildDashboard(
  db: Db,
  opts: { lang: Lang; reportDate: string; filters: DashboardFilters; visibility: SQL; internal: boolean },
): Promise<DashboardModel> {
  const t = getI18n(opts.lang).getFixedT(opts.lang, "dashboard");
  const { horizon, ...pilotFilters } = opts.filters;
  const scope = and_([opts.visibility, ...pilotFilterSql(pilotFilters, opts.reportDate)]);
  const [labels, cuts, perYear, perRegion, employment, funding, cooperation, reach, parity, lifetimes, asked, stamp] =
    await Promise.all([
      codeLabels(db),
      continuationOverview(db, { reportDate: opts.reportDate, scope }),
      pilotsPerYear(db, scope),
      municipalitiesPerRegion(db, scope),
      employmentFigures(db, scope),
      fundingFigures(db, scope),
      cooperationFigures(db, scope),
      reachFigures(db, scope),
      parityFigures(db, parityScopeOf({ ...opts, filters: pilotFilters })),
      pilotLifetimes(db, { reportDate: opts.reportDate, scope }),
      followUpResponse(db, { reportDate: opts.reportDate, scope }),
      dataTimestamp(db),
    ]);
  const label = (kind: string, key: string | number | null) =>
    key == null ? t("none") : localizedString(labels[kind]?.[String(key)], opts.lang) || String(key);
  const baseParams = filtersToParams(pilotFilters);
  const listLink = (counts: Counts, extra: Record<string, string | number> = {}) => {
    const params = new URLSearchParams(baseParams);
    params.set("counts", counts);
    params.set("reportDate", opts.reportDate);
    for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
    return `/${opts.lang}/pilots?${params}`;
  };

  const rateColumns: Column[] = [
    { key: "eligible", label: t("col.eligible"), kind: "int" },
    { key: "n", label: t("col.n"), kind: "int" },
    { key: "continuing", label: t("col.continuing"), kind: "int" },
    { key: "ended", label: t("col.ended"), kind: "int" },
    { key: "rate", label: t("col.rate"), kind: "pct" },
    { key: "low", label: t("col.low"), kind: "pct" },
    { key: "high", label: t("col.high"), kind: "pct" },
    { key: "fullRate", label: t("col.fullRate"), kind: "pct" },
    { key: "coverage", label: t("col.coverage"), kind: "pct" },
    { key: "note", label: t("col.note"), kind: "text" },
  ];
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

  // The headline at the chosen horizon, or at the reporting date.
  const headlineCounts = horizon
    ? (cuts.horizons.find((h) => h.horizon === horizon)?.counts ?? cuts.headline)
    : cuts.headline;
  const headlineSummary = summarize(headlineCounts);
  const tables: DashTable[] = [];

  tables.push({
    id: "continuation",
    title: horizon ? t("table.continuationAt", { months: t("months", { count: horizon }) }) : t("table.continuation"),
    definition: t("def.continuation"),
    columns: [
      ...rateColumns.slice(0, 4),
      { key: "partly", label: t("col.partly"), kind: "int" },
      { key: "notFollowedUp", label: t("col.notFollowedUp"), kind: "int" },
      { key: "outOfDate", label: t("col.outOfDate"), kind: "int" },
      ...rateColumns.slice(4, 7),
      { key: "fullRate", label: t("col.fullRate"), kind: "pct" },
      { key: "coverage", label: t("col.coverage"), kind: "pct" },
      { key: "reference", label: t("col.reference"), kind: "pct" },
      { key: "note", label: t("col.note"), kind: "text" },
    ],
    rows: [
      {
        ...rateRow(headlineCounts),
        partly: headlineCounts.partly,
        notFollowedUp: headlineCounts.notFollowedUp,
        outOfDate: cuts.outOfDate,
        fullRate: headlineSummary.fullRate,
        reference: REFERENCE_RATE,
      },
    ],
    links: [listLink("eligible", horizon ? { horizon } : {})],
  });

  // The follow-up requests' response rate (docs/decisions/113), shown beside coverage.
  const response = {
    ...asked,
    rate: asked.sent >= MIN_N_FOR_RATE ? asked.answered / asked.sent : null,
  };
  const responseNote =
    asked.sent === 0 ? t("response.none") : asked.sent < MIN_N_FOR_RATE ? t("response.tooFew", { n: asked.sent }) : "";
  tables.push({
    id: "response",
    title: t("table.response"),
    definition: t("def.response"),
    columns: [
      { key: "sent", label: t("col.requestsSent"), kind: "int" },
      { key: "answered", label: t("col.requestsAnswered"), kind: "int" },
      { key: "unanswered", label: t("col.requestsUnanswered"), kind: "int" },
      { key: "rate", label: t("col.responseRate"), kind: "pct" },
      { key: "medianDays", label: t("col.medianDays"), kind: "dec" },
      { key: "note", label: t("col.note"), kind: "text" },
    ],
    rows: [
      {
        sent: asked.sent,
        answered: asked.answered,
        unanswered: asked.sent - asked.answered,
        rate: response.rate,
        medianDays: asked.medianDays,
        note: responseNote,
      },
    ],
  });

  tables.push({
    id: "horizons",
    title: t("table.horizons"),
    definition: `${t("def.horizons")} ${t("def.fullRateColumn")}`,
    columns: [{ key: "horizon", label: t("col.horizon"), kind: "text" }, ...rateColumns],
    rows: cuts.horizons.map((h) => ({ horizon: t("months", { count: h.horizon }), ...rateRow(h.counts) })),
    links: cuts.horizons.map((h) => listLink("eligible", { horizon: h.horizon })),
  });

  // How long services live (docs/decisions/078): the Kaplan–Meier table.
  const survival = survivalSummary(lifetimes.lifetimes);
  tables.push({
    id: "survival",
    title: t("table.survival"),
    definition: t("def.survival"),
    columns: [
      { key: "time", label: t("col.time"), kind: "text" },
      { key: "stillRunning", label: t("col.stillRunning"), kind: "pct" },
      { key: "low", label: t("col.low"), kind: "pct" },
      { key: "high", label: t("col.high"), kind: "pct" },
      { key: "atRisk", label: t("col.atRisk"), kind: "int" },
    ],
    rows: survival.at.map((x) => ({
      time: t("months", { count: x.time }),
      stillRunning: x.survival,
      low: x.low,
      high: x.high,
      atRisk: x.atRisk,
    })),
  });
  tables.push({
    id: "survival-summary",
    title: t("table.survivalSummary"),
    definition: t("def.survivalSummary"),
    columns: [
      { key: "pilots", label: t("col.lifetimes"), kind: "int" },
      { key: "events", label: t("col.events"), kind: "int" },
      { key: "excluded", label: t("col.excluded"), kind: "int" },
      { key: "median", label: t("col.medianMonths"), kind: "dec" },
      { key: "note", label: t("col.note"), kind: "text" },
    ],
    rows: [
      {
        pilots: survival.n,
        events: survival.events,
        excluded: lifetimes.excluded,
        median: survival.medianMonths,
        note: survival.medianMonths == null ? t("medianNotReached") : "",
      },
    ],
  });

  const cutParam: Record<Cut, string> = {
    programme: "programme",
    phase: "phase",
    region: "region",
    municipality: "municipality",
    targetGroup: "targetGroup",
    artForm: "artForm",
    year: "year",
  };
  for (const cut of ["programme", "phase", "region", "municipality", "targetGroup", "artForm", "year"] as Cut[]) {
    const rows = cuts.cuts[cut]
      .map((r) => ({ key: r.key, name: cut === "year" ? r.key : label(cut, r.key), counts: r.counts }))
      .sort((a, b) =>
        cut === "year"
          ? a.name.localeCompare(b.name)
          : b.counts.eligible - a.counts.eligible || a.name.localeCompare(b.name, opts.lang),
      );
    tables.push({
      id: `by-${cut}`,
      title: t(`table.by.${cut}`),
      definition: `${t("def.cut")} ${t("def.fullRateColumn")}`,
      columns: [{ key: "name", label: t(`col.${cut}`), kind: cut === "year" ? "year" : "text" }, ...rateColumns],
      rows: rows.map((r) => ({ name: cut === "year" ? Number(r.key) : r.name, ...rateRow(r.counts) })),
      links: rows.map((r) => listLink("eligible", { [cutParam[cut]]: r.key })),
    });
  }

  tables.push({
    id: "pilots-per-year",
    title: t("table.pilotsPerYear"),
    definition: t("def.pilotsPerYear"),
    columns: [
      { key: "year", label: t("col.year"), kind: "year" },
      { key: "phase", label: t("col.phase"), kind: "text" },
      { key: "pilots", label: t("col.pilots"), kind: "int" },
    ],
    rows: perYear.map((r) => ({
      year: r.year == null ? t("none") : Number(r.year),
      phase: label("phase", r.phase),
      pilots: r.pilots,
    })),
  });

  tables.push({
    id: "municipalities-per-region",
    title: t("table.municipalitiesPerRegion"),
    definition: t("def.municipalitiesPerRegion"),
    columns: [
      { key: "region", label: t("col.region"), kind: "text" },
      { key: "involved", label: t("col.involved"), kind: "int" },
      { key: "total", label: t("col.total"), kind: "int" },
      { key: "share", label: t("col.share"), kind: "pct" },
    ],
    rows: perRegion.map((r) => ({
      region: label("region", r.region),
      involved: r.involved,
      total: r.total,
      share: share(r.involved, r.total),
    })),
  });

  tables.push({
    id: "municipalities",
    title: t("table.municipalities"),
    definition: t("def.municipalities"),
    columns: [
      { key: "municipality", label: t("col.municipality"), kind: "text" },
      { key: "pilots", label: t("col.pilots"), kind: "int" },
      { key: "eligible", label: t("col.eligible"), kind: "int" },
      { key: "continuing", label: t("col.continuing"), kind: "int" },
      { key: "artists", label: t("col.artists"), kind: "int" },
    ],
    rows: cuts.municipalities.map((r) => ({
      municipality: label("municipality", r.municipality),
      pilots: r.pilots,
      eligible: r.eligible,
      continuing: r.continuing,
      artists: r.artists,
    })),
  });

  const et = employment.totals;
  tables.push({
    id: "employment-totals",
    title: t("table.employmentTotals"),
    definition: t("def.employmentTotals"),
    columns: [
      { key: "artists", label: t("col.artists"), kind: "int" },
      { key: "days", label: t("col.days"), kind: "dec" },
      { key: "fees", label: t("col.fees"), kind: "eur" },
      { key: "professionalShare", label: t("col.professionalShare"), kind: "pct" },
      { key: "professionalNotStated", label: t("col.professionalNotStated"), kind: "pct" },
    ],
    rows: [
      {
        artists: et.artists,
        days: Number(et.days ?? 0),
        fees: Number(et.fees ?? 0),
        // Of the pilots whose form says; "not stated" is its own share of all pilots.
        professionalShare: share(et.with_professional, et.pilots - et.not_stated),
        professionalNotStated: share(et.not_stated, et.pilots),
      },
    ],
  });
  tables.push({
    id: "employment",
    title: t("table.employment"),
    definition: t("def.employment"),
    columns: [
      { key: "artForm", label: t("col.artForm"), kind: "text" },
      { key: "year", label: t("col.year"), kind: "year" },
      { key: "artists", label: t("col.artists"), kind: "int" },
      { key: "days", label: t("col.days"), kind: "dec" },
      { key: "fees", label: t("col.fees"), kind: "eur" },
    ],
    rows: employment.byForm.map((r) => ({
      artForm: label("artForm", r.art_form),
      year: r.year == null ? t("none") : Number(r.year),
      artists: r.artists,
      days: Number(r.days ?? 0),
      fees: Number(r.fees ?? 0),
    })),
  });

  const ft = funding.totals;
  const total = Number(ft.total ?? 0);
  tables.push({
    id: "funding-totals",
    title: t("table.fundingTotals"),
    definition: t("def.fundingTotals"),
    columns: [
      { key: "total", label: t("col.amount"), kind: "eur" },
      { key: "perPilot", label: t("col.perPilot"), kind: "eur" },
      { key: "ownShare", label: t("col.ownShare"), kind: "pct" },
    ],
    rows: [
      {
        total,
        perPilot: ft.pilots ? Math.round(total / ft.pilots) : null,
        ownShare: share(Number(ft.own ?? 0), total),
      },
    ],
  });
  tables.push({
    id: "funding",
    title: t("table.funding"),
    definition: t("def.funding"),
    columns: [
      { key: "funder", label: t("col.funder"), kind: "text" },
      { key: "year", label: t("col.year"), kind: "year" },
      { key: "amount", label: t("col.amount"), kind: "eur" },
    ],
    rows: funding.byFunder.map((r) => ({
      funder: label("organisation", r.funder),
      year: r.year == null ? t("none") : Number(r.year),
      amount: Number(r.amount),
    })),
  });

  const s = cooperation.sectors;
  tables.push({
    id: "cooperation",
    title: t("table.cooperation"),
    definition: t("def.cooperation"),
    columns: [
      { key: "combination", label: t("col.combination"), kind: "text" },
      { key: "pilots", label: t("col.pilots"), kind: "int" },
      { key: "share", label: t("col.share"), kind: "pct" },
    ],
    rows: (["culture_social", "culture_health", "culture_education", "culture_any"] as const).map((k) => ({
      combination: t(`combination.${k}`),
      pilots: s[k],
      share: share(s[k], s.pilots),
    })),
  });
  tables.push({
    id: "partners",
    title: t("table.partners"),
    definition: t("def.partners"),
    columns: [
      { key: "organisation", label: t("col.organisation"), kind: "text" },
      { key: "pilots", label: t("col.pilots"), kind: "int" },
    ],
    rows: cooperation.partners.map((r) => ({ organisation: label("organisation", r.organisation), pilots: r.pilots })),
  });

  tables.push({
    id: "reach",
    title: t("table.reach"),
    definition: t("def.reach"),
    columns: [
      { key: "targetGroup", label: t("col.targetGroup"), kind: "text" },
      { key: "participants", label: t("col.participants"), kind: "int" },
      { key: "pilots", label: t("col.pilots"), kind: "int" },
    ],
    rows: reach.map((r) => ({
      targetGroup: label("targetGroup", r.target_group),
      participants: r.participants,
      pilots: r.pilots,
    })),
  });

  tables.push(parityTable(t, parity));

  return {
    reportDate: opts.reportDate,
    internal: opts.internal,
    // In the order of the form, whatever the order of the parameters.
    applied: appliedFilters(
      t,
      opts.lang,
      labels,
      Object.fromEntries(DASHBOARD_FILTERS.map((k) => [k, opts.filters[k]])),
    ),
    dataTimestamp: stamp,
    headline: { ...headlineSummary, outOfDate: cuts.outOfDate },
    response,
    tables,
  };
}
