import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HORIZONS } from "~db/queries/continuation.server";
import { pilotFilterOptions } from "~db/queries/pilots.server";
import { type TableMarkup, TableMarkupContext } from "~/components/data-table";
import { StaticPart } from "~/components/static-part";
import { getI18n, isLang } from "~/i18n";
import { dashboardFromRequest } from "~/utils/dashboard-request.server";
import { documentOnlyOf, useDocumentOnly } from "~/utils/document-only";
import { formatDate } from "~/utils/format";
import type { RenderMemoHandle } from "~/utils/render-memo.server";
import { tableMarkup } from "~/utils/table-markup.server";
import { useLang } from "~/utils/use-lang";
import printHref from "~/styles/dashboard-print.css?url";
import { dashboardCharts } from "./chart-views.server";
import { FilterForm } from "./filter-form";
import { FIGURES, FIGURES_TABLES, Figures, type FiguresData } from "./figures";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const {
    db,
    lang,
    modelKey,
    filters,
    model,
    generation,
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
  const figures: FiguresData = {
    model,
    filters,
    survivalCut,
    comparison,
    charts: await dashboardCharts(db, modelKey, model, lang),
  };
  // The figures are only read: on a document request the server renders them and the browser keeps
  // that markup, so they are not sent again as data (app/utils/document-only.ts).
  const documentOnly = documentOnlyOf(context);
  documentOnly?.set(FIGURES, figures);
  // There the tables are written as markup (app/utils/table-markup.server.ts).
  documentOnly?.set(FIGURES_TABLES, ((table, caption) => tableMarkup(table, caption, lang)) satisfies TableMarkup);
  const body = {
    reportDateIso: model.reportDate,
    internal: model.internal,
    filters,
    options,
    horizons: [...HORIZONS],
    errors,
    reportDate: { typed: typedDate, error: reportDateError },
    survivalCut,
    figures: documentOnly ? null : figures,
    // What the figures were computed at: a visitor's page is rendered once for the same loader data
    // (handle.renderMemo), and on a document request the figures are not in it.
    figuresAt: generation,
  };
  return reportDateError || Object.keys(errors).length ? data(body, { status: 400 }) : body;
}

/** A visitor's page is rendered once for the same URL, day and loader data (docs/decisions/157, 164). */
export const handle: RenderMemoHandle = { renderMemo: true };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printHref }];

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("dashboard:title") },
];

export default function Dashboard() {
  const { reportDateIso, internal, filters, options, horizons, errors, reportDate, survivalCut, figures } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("dashboard");
  const lang = useLang();
  const rendered = useDocumentOnly<FiguresData>(FIGURES);
  const tables = useDocumentOnly<TableMarkup>(FIGURES_TABLES);
  // The printable report of the same figures: the filters and the reporting date shown.
  const reportParams = new URLSearchParams(
    Object.entries({ ...filters, reportDate: reportDateIso, survivalCut })
      .filter(([, v]) => v != null)
      .map(([k, v]) => [k, String(v)]),
  );
  const live = figures ?? rendered;
  return (
    <div className="dashboard">
      <h1>{t("title")}</h1>
      <p className="lead">
        {t("intro", { date: formatDate(lang, reportDateIso) })} {internal ? t("scopeInternal") : t("scopePublic")}
      </p>
      <p className="report-callout">
        <Link to={`/${lang}/dashboard/report?${reportParams}`}>{t("report:reportLink")}</Link>
      </p>

      <FilterForm
        filters={filters}
        options={options}
        horizons={horizons}
        errors={errors}
        reportDate={{ ...reportDate, value: reportDateIso }}
        survivalCut={survivalCut}
      />

      {live ? (
        <div key="live" className="dashboard-figures">
          {/* Figures only shown (a document request's): their tables written as markup. */}
          <TableMarkupContext.Provider value={figures ? null : (tables ?? null)}>
            <Figures {...(live as FiguresData)} />
          </TableMarkupContext.Provider>
        </div>
      ) : (
        <StaticPart key="static" className="dashboard-figures" />
      )}
    </div>
  );
}
