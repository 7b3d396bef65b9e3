import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HORIZONS } from "~db/queries/continuation.server";
import { pilotFilterOptions } from "~db/queries/pilots.server";
import { DataTable } from "~/components/data-table";
import { getI18n, isLang } from "~/i18n";
import { dashboardFromRequest } from "~/utils/dashboard-request.server";
import { formatDate } from "~/utils/format";
import { useLang } from "~/utils/use-lang";
import printHref from "~/styles/dashboard-print.css?url";
import { type ChartId, dashboardCharts } from "./chart-views.server";
import { Chart } from "./charts";
import { FilterForm } from "./filter-form";
import { HeadlineFigures } from "./headline";
import { Definition, ExportLink, TableSection } from "./sections";
import { SurvivalComparison, SurvivalCutForm } from "./survival-compare";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const {
    db,
    lang,
    modelKey,
    filters,
    model,
    visibility,
    reportDateError,
    typedDate,
    paramErrors,
    survivalCut,
    comparison,
  } = await dashboardFromRequest(request, params);
  // The registry's filter choices, those the dashboard offers.
  const options = (await pilotFilterOptions(db, visibility)).filter((o) =>
    ["programme", "phase", "region", "municipality", "targetGroup", "artForm", "year"].includes(o.kind),
  );
  // A parameter that does not parse (or a reporting date that does not): the page says so at the field
  // (400), with the figures without it.
  const errors = Object.fromEntries(Object.entries(paramErrors).filter(([k]) => k !== "reportDate")) as Record<
    string,
    string
  >;
  const body = {
    model,
    filters,
    options,
    horizons: [...HORIZONS],
    errors,
    reportDate: { typed: typedDate, error: reportDateError },
    survivalCut,
    comparison,
    charts: await dashboardCharts(db, modelKey, model, lang),
  };
  return reportDateError || Object.keys(errors).length ? data(body, { status: 400 }) : body;
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printHref }];

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("dashboard:title") },
];

/** The tables of the cuts and of the network sections, in the page's order. */
const CUT_TABLES = [
  "by-year",
  "by-region",
  "by-programme",
  "by-phase",
  "by-targetGroup",
  "by-artForm",
  "by-municipality",
];
const NETWORK_TABLES = [
  "pilots-per-year",
  "municipalities-per-region",
  "municipalities",
  "employment-totals",
  "employment",
  "funding-totals",
  "funding",
  "cooperation",
  "partners",
  "reach",
  "parity",
];

export default function Dashboard() {
  const { model, filters, options, horizons, errors, reportDate, survivalCut, comparison, charts } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("dashboard");
  const lang = useLang();
  const location = useLocation();
  const table = (id: string) => model.tables.find((x) => x.id === id)!;
  // A table of a section's list, under its own heading, with its chart if it has one.
  const tableSection = (id: string) => (
    <TableSection
      key={id}
      table={table(id)}
      level={3}
      chart={id in charts ? <Chart chart={charts[id as ChartId]} /> : undefined}
    />
  );
  const xlsxParams = new URLSearchParams(location.search);
  // The printable report of the same figures: the filters and the reporting date shown.
  const reportParams = new URLSearchParams(
    Object.entries({ ...filters, reportDate: model.reportDate, survivalCut })
      .filter(([, v]) => v != null)
      .map(([k, v]) => [k, String(v)]),
  );
  return (
    <div className="dashboard">
      <h1>{t("title")}</h1>
      <p className="lead">
        {t("intro", { date: formatDate(lang, model.reportDate) })}{" "}
        {model.internal ? t("scopeInternal") : t("scopePublic")}
      </p>
      <p className="report-callout">
        <Link to={`/${lang}/dashboard/report?${reportParams}`}>{t("report:reportLink")}</Link>
      </p>

      <FilterForm
        filters={filters}
        options={options}
        horizons={horizons}
        errors={errors}
        reportDate={{ ...reportDate, value: model.reportDate }}
        survivalCut={survivalCut}
      />

      <section aria-labelledby="h-headline" className="dash-section">
        <h2 id="h-headline">{t("continuation.title")}</h2>
        {filters.horizon ? (
          <p data-testid="headline-horizon">
            {t("continuation.atHorizon", { months: t("months", { count: filters.horizon }) })}
          </p>
        ) : null}
        <HeadlineFigures model={model} filters={filters} />
        <DataTable table={table("continuation")} />
        <ExportLink id="continuation" />
      </section>

      <TableSection table={table("response")} />

      <TableSection table={table("horizons")} chart={<Chart chart={charts.horizons} />} />

      <section aria-labelledby="h-survival" className="dash-section">
        <h2 id="h-survival">{t("survivalTitle")}</h2>
        <TableSection table={table("survival")} level={3} />
        <TableSection table={table("survival-summary")} level={3} />
        <section aria-labelledby="h-compare" className="dash-section">
          <h3 id="h-compare">{t("compare.title")}</h3>
          <p>{t("compare.intro")}</p>
          <Definition text={t("def.compare")} />
          <SurvivalCutForm value={survivalCut} />
          {comparison ? <SurvivalComparison comparison={comparison} /> : null}
        </section>
      </section>

      <section aria-labelledby="h-cuts" className="dash-section">
        <h2 id="h-cuts">{t("cutsTitle")}</h2>
        <p>{t("cutsIntro")}</p>
        {CUT_TABLES.map((id) => tableSection(id))}
      </section>

      <section aria-labelledby="h-network" className="dash-section">
        <h2 id="h-network">{t("networkTitle")}</h2>
        {NETWORK_TABLES.map((id) => tableSection(id))}
        {model.internal ? (
          <p className="no-print">
            {/* The list and its CSV follow the same filters and reporting date as the table. */}
            <Link to={`/${lang}/dashboard/parity?${reportParams}`}>{t("parity.listLink")}</Link>
            {" · "}
            <a href={`/${lang}/dashboard/parity.csv?missing=sv&${reportParams}`} download>
              {t("parity.export.sv")}
            </a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="h-exports" className="dash-section no-print">
        <h2 id="h-exports">{t("exportsTitle")}</h2>
        <p>
          <a href={`/${lang}/dashboard/export.xlsx?${xlsxParams}`} download>
            {t("downloadXlsx")}
          </a>
        </p>
        <p>{t("exportsNote")}</p>
      </section>
    </div>
  );
}
