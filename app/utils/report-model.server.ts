/**
 * The printable report (docs/decisions/114): the dashboard's model with the same filters, reporting
 * date and scope, plus what a report handed out on paper needs — the survival curve's steps, funding
 * shares, the pilots counted with their latest answer and evidence, every definition written out,
 * the data's timestamp and a fingerprint of the figures. The page, its print and the Word document
 * all render this one model.
 */
import { createHash } from "node:crypto";
import { scopeOf } from "./dashboard-fetch.server";
import { reportPilots } from "~db/queries/report.server";
import { lifetimeGroups, survivalSummary } from "~db/queries/survival.server";
import { getI18n, type Lang } from "~/i18n";
import type { DashboardModel } from "./dashboard-model.server";
import { dashboardFromRequest } from "./dashboard-request.server";
import type { DashTable, Row } from "./dashboard-types";
import { formatCell, formatDate, formatNumber, formatPercent } from "./format";
import { localizedString } from "./localized";
import { personalAccess } from "./permissions.server";
import { getUser } from "./session.server";
import type { SurvivalComparisonModel } from "./survival-comparison.server";
import type { CurveStep } from "./survival-svg";

export type Definition = { term: string; text: string };

export type ReportModel = {
  lang: "fi" | "sv";
  title: string;
  dashboard: DashboardModel;
  /** The dashboard's tables the report shows (REPORT_TABLES), laid out for paper (paperTable). */
  tables: Record<ReportTableId, DashTable>;
  /** The filters in words, in the report's language ("Maakunta: Pohjanmaa"); empty when none. */
  filters: { label: string; value: string }[];
  /** The query string of the filters and reporting date, for links to the same report. */
  query: string;
  curve: CurveStep[];
  /** The survival curves compared by the chosen cut (docs/decisions/124), tables laid out for paper. */
  comparison: SurvivalComparisonModel | null;
  fundingShares: DashTable;
  pilots: DashTable;
  /** Per row of `pilots`: the pilot page and the evidence link (if any). */
  pilotLinks: { page: string; evidence: string | null }[];
  definitions: Definition[];
  dataTimestamp: string | null;
  fingerprint: string;
};

/**
 * A short hash of the figures: the reporting date, the scope, the filters, every number of every
 * table and the pilots counted with their status. Labels are left out, so the Finnish and the Swedish
 * report of the same data have the same fingerprint; rows are sorted, so the order of a cut (which
 * follows the language's collation on ties) does not matter.
 */
export function figuresFingerprint(input: {
  reportDate: string;
  internal: boolean;
  filters: Record<string, unknown>;
  tables: { id: string; rows: Row[] }[];
  pilots: { id: number; countsAs: string | null; checkedOn: string | null }[];
}) {
  const numbers = (row: Row) =>
    Object.entries(row)
      .filter(([, v]) => typeof v === "number")
      .sort(([a], [b]) => a.localeCompare(b));
  const canonical = JSON.stringify({
    reportDate: input.reportDate,
    internal: input.internal,
    filters: Object.entries(input.filters)
      .filter(([, v]) => v != null)
      .sort(([a], [b]) => a.localeCompare(b)),
    tables: [...input.tables]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((t) => [t.id, t.rows.map((r) => JSON.stringify(numbers(r))).sort()]),
    pilots: input.pilots.map((p) => [p.id, p.countsAs, p.checkedOn]),
  });
  const hex = createHash("sha256").update(canonical).digest("hex").slice(0, 16);
  return hex.match(/.{4}/g)!.join("-");
}

/** The dashboard's tables the report shows, in its order. */
export const REPORT_TABLES = [
  "continuation",
  "horizons",
  "survival",
  "survival-summary",
  "by-programme",
  "by-phase",
  "by-region",
  "by-municipality",
  "by-targetGroup",
  "by-artForm",
  "by-year",
  "employment-totals",
  "employment",
  "funding-totals",
  "funding",
] as const;
export type ReportTableId = (typeof REPORT_TABLES)[number];

/**
 * A table laid out for the width of an A4 page, with the same figures: an interval's two columns
 * become one ("54,8–91,0 %"), and a one-row table with many columns is turned on its side (one row
 * per figure).
 */
export function paperTable(lang: Lang, table: DashTable, labels: { interval: string; figure: string; value: string }) {
  let out = table;
  const low = table.columns.findIndex((c) => c.key === "low");
  if (low >= 0 && table.columns[low + 1]?.key === "high") {
    out = {
      ...out,
      columns: [
        ...table.columns.slice(0, low),
        { key: "interval", label: labels.interval, kind: "text" },
        ...table.columns.slice(low + 2),
      ],
      rows: table.rows.map((r) => ({
        ...r,
        interval:
          typeof r.low === "number" && typeof r.high === "number"
            ? `${formatNumber(lang, r.low * 100, 1)}–${formatPercent(lang, r.high)}`
            : "",
      })),
    };
  }
  if (out.rows.length === 1 && out.columns.length > 4) {
    const row = out.rows[0];
    out = {
      ...out,
      columns: [
        { key: "figure", label: labels.figure, kind: "text" },
        { key: "value", label: labels.value, kind: "text" },
      ],
      rows: out.columns
        .filter((c) => row[c.key] != null && row[c.key] !== "")
        .map((c) => ({ figure: c.label, value: formatCell(lang, c.kind, row[c.key]) })),
    };
  }
  return { ...out, links: undefined };
}

const DEFINITION_KEYS = ["rate", "n", "interval", "fully", "coverage", "outOfDate", "reference"] as const;
const DEFINITION_TERMS: Record<(typeof DEFINITION_KEYS)[number], string> = {
  rate: "continuation.rate",
  n: "continuation.n",
  interval: "continuation.interval",
  fully: "continuation.fully",
  coverage: "continuation.coverage",
  outOfDate: "continuation.outOfDate",
  reference: "continuation.reference",
};

export async function reportFromRequest(request: Request, params: { lang?: string }): Promise<ReportModel> {
  const { lang, db, filters, model, visibility, survivalCut, comparison } = await dashboardFromRequest(request, params);
  const i18n = getI18n(lang);
  const t = i18n.getFixedT(lang, "report");
  const td = i18n.getFixedT(lang, "dashboard");
  const user = await getUser(request);
  const scope = scopeOf({ reportDate: model.reportDate, filters, visibility });
  const [lifetimes, pilots] = await Promise.all([
    lifetimeGroups(db, { reportDate: model.reportDate, scope }),
    personalAccess(user).then((access) => reportPilots(db, { reportDate: model.reportDate, scope, access })),
  ]);
  const km = survivalSummary(lifetimes.groups).km;
  const paperLabels = { interval: t("col.interval"), figure: t("col.figure"), value: t("col.value") };
  const table = (id: string) => model.tables.find((x) => x.id === id)!;

  // The filters in words, as every export names them ("Maakunta: Pohjanmaa").
  const filterWords = model.applied.map(({ label, value }) => ({ label, value }));
  const query = new URLSearchParams(
    Object.entries({ ...filters, reportDate: model.reportDate, survivalCut })
      .filter(([, v]) => v != null)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

  // Funding shares: each funder's part of all funding in the scope, over the years.
  const byFunder = new Map<string, number>();
  for (const r of table("funding").rows) {
    byFunder.set(String(r.funder), (byFunder.get(String(r.funder)) ?? 0) + Number(r.amount ?? 0));
  }
  const fundingTotal = [...byFunder.values()].reduce((a, b) => a + b, 0);
  const fundingShares: DashTable = {
    id: "funding-shares",
    title: t("table.fundingShares"),
    definition: t("def.fundingShares"),
    columns: [
      { key: "funder", label: td("col.funder"), kind: "text" },
      { key: "amount", label: td("col.amount"), kind: "eur" },
      { key: "share", label: td("col.share"), kind: "pct" },
    ],
    rows: [...byFunder.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], lang))
      .map(([funder, amount]) => ({ funder, amount, share: fundingTotal ? amount / fundingTotal : null })),
  };

  const statusText = (p: (typeof pilots)[number]) =>
    p.status && p.countsAs !== "unknown"
      ? localizedString(p.status, lang)
      : p.status
        ? `${localizedString(p.status, lang)} (${t("notFollowedUp")})`
        : t("notFollowedUp");
  const pilotTable: DashTable = {
    id: "pilots",
    title: t("table.pilots"),
    definition: t("def.pilots"),
    columns: [
      { key: "pilot", label: t("col.pilot"), kind: "text" },
      { key: "municipality", label: td("col.municipality"), kind: "text" },
      { key: "ended", label: t("col.fundingEnded"), kind: "text" },
      { key: "status", label: t("col.status"), kind: "text" },
      { key: "answered", label: t("col.answered"), kind: "text" },
      { key: "evidence", label: t("col.evidence"), kind: "text" },
      { key: "artists", label: td("col.artists"), kind: "int" },
      { key: "days", label: td("col.days"), kind: "dec" },
      { key: "fees", label: td("col.fees"), kind: "eur" },
      ...(pilots.some((p) => p.withheld) ? [{ key: "note", label: td("col.note"), kind: "text" as const }] : []),
    ],
    rows: pilots.map((p) => ({
      pilot: localizedString(p.title, lang),
      municipality: p.municipality ? localizedString(p.municipality, lang) : "",
      ended: formatDate(lang, p.endDate),
      status: statusText(p),
      answered: p.checkedOn ? formatDate(lang, p.checkedOn) : "",
      evidence: p.evidenceRef ?? p.evidenceUrl ?? "",
      artists: p.artists,
      days: p.days,
      fees: p.feeCents,
      note: p.withheld ? t("withheld") : "",
    })),
  };
  const pilotLinks = pilots.map((p) => ({ page: `/${lang}/pilots/${p.id}`, evidence: p.evidenceUrl }));

  const definitions: Definition[] = [
    ...DEFINITION_KEYS.map((k) => ({ term: td(DEFINITION_TERMS[k]), text: td(`def.${k}`) })),
    { term: t("curveTitle"), text: t("def.curve") },
  ];
  const seen = new Set(definitions.map((d) => d.text));
  const shown = [...REPORT_TABLES.map(table), fundingShares, pilotTable];
  for (const x of shown) {
    if (seen.has(x.definition)) continue;
    seen.add(x.definition);
    definitions.push({ term: x.id.startsWith("by-") ? t("cutsTerm") : x.title, text: x.definition });
  }
  definitions.push({ term: t("fingerprintTerm"), text: t("def.fingerprint") });

  return {
    lang,
    title: t("title"),
    dashboard: model,
    tables: Object.fromEntries(REPORT_TABLES.map((id) => [id, paperTable(lang, table(id), paperLabels)])) as Record<
      ReportTableId,
      DashTable
    >,
    filters: filterWords,
    query,
    curve: km.steps.map((s) => ({
      time: s.time,
      survival: s.survival,
      low: s.low,
      high: s.high,
      censored: s.censored,
    })),
    comparison: comparison && {
      ...comparison,
      summary: paperTable(lang, comparison.summary, paperLabels),
      groupTables: comparison.groupTables.map((x) => paperTable(lang, x, paperLabels)),
    },
    fundingShares,
    pilots: pilotTable,
    pilotLinks,
    definitions,
    dataTimestamp: model.dataTimestamp,
    fingerprint: figuresFingerprint({
      reportDate: model.reportDate,
      internal: model.internal,
      filters,
      tables: model.tables,
      pilots,
    }),
  };
}
