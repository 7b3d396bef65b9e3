/**
 * The dashboard's figures: the headline, every table with its chart and CSV link, the survival
 * comparison and the exports. Only read, never changed in the browser: on a document request the
 * server renders them and the browser keeps that markup (app/components/static-part.tsx); after a
 * client-side navigation the loader's data carries them and the browser renders them.
 */
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import type { DashboardFilters, DashboardModel } from "~/utils/dashboard-model.server";
import { useLang } from "~/utils/use-lang";
import type { ChartId, DashboardCharts } from "./chart-views.server";
import { Chart } from "./charts";
import { HeadlineFigures } from "./headline";
import { Definition, ExportLink, TableSection } from "./sections";
import { type ComparisonView, SurvivalComparison, SurvivalCutForm } from "./survival-compare";

/** The key the loader hands the figures to the server's render under (app/utils/document-only.ts). */
export const FIGURES = "dashboard-figures";
/** The key the loader hands the server's render its table writer under (app/utils/table-markup.server.ts). */
export const FIGURES_TABLES = "dashboard-figures-tables";

export type FiguresData = {
  model: DashboardModel;
  filters: DashboardFilters;
  survivalCut: string | null;
  comparison: ComparisonView | null;
  charts: DashboardCharts;
};

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

export function Figures({ model, filters, survivalCut, comparison, charts }: FiguresData) {
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
  // The lists behind the parity table: the same filters and reporting date.
  const reportParams = new URLSearchParams(
    Object.entries({ ...filters, reportDate: model.reportDate, survivalCut })
      .filter(([, v]) => v != null)
      .map(([k, v]) => [k, String(v)]),
  );
  return (
    <>
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
    </>
  );
}
