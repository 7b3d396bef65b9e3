import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HORIZONS } from "~db/queries/continuation.server";
import { pilotFilterOptions } from "~db/queries/pilots.server";
import { DataTable } from "~/components/data-table";
import { DateField, SelectField } from "~/components/field";
import { getI18n, isLang } from "~/i18n";
import { dashboardFromRequest } from "~/utils/dashboard-request.server";
import type { DashTable } from "~/utils/dashboard-types";
import { formatDate, formatNumber, formatPercent, isoToInput } from "~/utils/format";
import { localizedString } from "~/utils/localized";
import { rateNote } from "~/utils/rate-note";
import { REFERENCE_RATE } from "~shared/stats";
import { useLang } from "~/utils/use-lang";
import printHref from "~/styles/dashboard-print.css?url";
import { dashboardCharts } from "./chart-views.server";
import { Chart } from "./charts";
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

function Definition({ text }: { text: string }) {
  const { t } = useTranslation("dashboard");
  return (
    <>
      <details className="definition">
        <summary>{t("whatIsThis")}</summary>
        <p>{text}</p>
      </details>
      {/* Printed in place of the closed details (a printout cannot open them). */}
      <p className="print-only definition-print">{text}</p>
    </>
  );
}

function TableSection({ table, level = 2, chart }: { table: DashTable; level?: 2 | 3; chart?: React.ReactNode }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`h-${table.id}`} className="dash-section">
      <Heading id={`h-${table.id}`}>{table.title}</Heading>
      <Definition text={table.definition} />
      {chart}
      <DataTable table={table} caption={false} />
      <ExportLink id={table.id} />
    </section>
  );
}

function ExportLink({ id }: { id: string }) {
  const { t } = useTranslation("dashboard");
  const location = useLocation();
  const lang = useLang();
  const params = new URLSearchParams(location.search);
  params.set("table", id);
  return (
    <p className="no-print export-link">
      <a href={`/${lang}/dashboard/export.csv?${params}`} download>
        {t("downloadCsv")}
      </a>
    </p>
  );
}

export default function Dashboard() {
  const { model, filters, options, horizons, errors, reportDate, survivalCut, comparison, charts } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("dashboard");
  const lang = useLang();
  const location = useLocation();
  const h = model.headline;
  const table = (id: string) => model.tables.find((x) => x.id === id)!;
  const opt = (kind: string) =>
    options
      .filter((o) => o.kind === kind)
      .map((o) => ({ key: o.key, name: kind === "year" ? o.key : localizedString(o.name, lang), parent: o.parent }))
      .sort((a, b) => a.name.localeCompare(b.name, lang));
  const years = opt("year").sort((a, b) => Number(a.key) - Number(b.key));
  const pct = (v: number) => formatPercent(lang, v, 0);
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

      <Form method="get" className="filters no-print" aria-labelledby="filters-title">
        <h2 id="filters-title" className="visually-hidden">
          {t("filters.title")}
        </h2>
        <div className="filter-grid">
          <SelectField
            name="programme"
            label={t("filters.programme")}
            value={filters.programme}
            error={errors.programme}
            none={t("filters.all")}
            options={opt("programme").map((o) => ({ value: o.key, label: o.name }))}
          />
          <SelectField
            name="phase"
            label={t("filters.phase")}
            value={filters.phase}
            error={errors.phase}
            none={t("filters.all")}
            options={opt("phase").map((o) => ({ value: o.key, label: o.name }))}
          />
          <SelectField
            name="region"
            label={t("filters.region")}
            value={filters.region}
            error={errors.region}
            none={t("filters.all")}
            options={opt("region").map((o) => ({ value: o.key, label: o.name }))}
          />
          <SelectField
            name="municipality"
            label={t("filters.municipality")}
            value={filters.municipality}
            none={t("filters.all")}
            error={errors.municipality}
            options={opt("municipality").map((o) => ({ value: o.key, label: o.name }))}
          />
          <SelectField
            name="targetGroup"
            label={t("filters.targetGroup")}
            value={filters.targetGroup}
            none={t("filters.all")}
            error={errors.targetGroup}
            options={opt("targetGroup").map((o) => ({ value: o.key, label: o.name }))}
          />
          <SelectField
            name="artForm"
            label={t("filters.artForm")}
            value={filters.artForm}
            none={t("filters.all")}
            error={errors.artForm}
            options={opt("artForm").map((o) => ({ value: o.key, label: o.name }))}
          />
          <SelectField
            name="yearFrom"
            label={t("filters.yearFrom")}
            value={filters.yearFrom}
            error={errors.yearFrom}
            none={t("filters.any")}
            options={years.map((o) => ({ value: o.key, label: o.name }))}
          />
          <SelectField
            name="yearTo"
            label={t("filters.yearTo")}
            value={filters.yearTo}
            error={errors.yearTo}
            none={t("filters.any")}
            options={years.map((o) => ({ value: o.key, label: o.name }))}
          />
          <SelectField
            name="horizon"
            label={t("filters.horizon")}
            value={filters.horizon}
            none={t("filters.horizonNone")}
            error={errors.horizon}
            hint={t("filters.horizonHint")}
            options={horizons.map((h) => ({ value: String(h), label: t("months", { count: h }) }))}
          />
          <DateField
            name="reportDate"
            label={t("filters.reportDate")}
            defaultValue={reportDate.error ? reportDate.typed : isoToInput(model.reportDate)}
            error={reportDate.error ?? undefined}
          />
        </div>
        {survivalCut ? <input type="hidden" name="survivalCut" value={survivalCut} /> : null}
        <button type="submit" className="button">
          {t("filters.apply")}
        </button>{" "}
        <Link to={`/${lang}/dashboard`}>{t("filters.reset")}</Link>
      </Form>

      <section aria-labelledby="h-headline" className="dash-section">
        <h2 id="h-headline">{t("continuation.title")}</h2>
        {filters.horizon ? (
          <p data-testid="headline-horizon">
            {t("continuation.atHorizon", { months: t("months", { count: filters.horizon }) })}
          </p>
        ) : null}
        {!h.suppressed ? (
          <dl className="figures">
            <div className="figure figure-primary">
              <dt>{t("continuation.rate")}</dt>
              <dd>
                <span className="figure-value" data-testid="headline-rate">
                  {formatPercent(lang, h.rate)}
                </span>
                <span className="figure-note">{rateNote(t, lang, h)}</span>
                <Definition text={t("def.rate")} />
              </dd>
            </div>
            <div className="figure">
              <dt>{t("continuation.n")}</dt>
              <dd>
                <span data-testid="headline-n">{formatNumber(lang, h.followedUp)}</span>
                <Definition text={t("def.n")} />
              </dd>
            </div>
            <div className="figure">
              <dt>{t("continuation.interval")}</dt>
              <dd>
                {formatPercent(lang, h.interval?.low)}–{formatPercent(lang, h.interval?.high)}
                <Definition text={t("def.interval")} />
              </dd>
            </div>
            <div className="figure">
              <dt>{t("continuation.fully")}</dt>
              <dd>
                {formatPercent(lang, h.fullRate)}
                <Definition text={t("def.fully")} />
              </dd>
            </div>
            <div className="figure">
              <dt>{t("continuation.coverage")}</dt>
              <dd>
                <span data-testid="headline-coverage">
                  {formatPercent(lang, h.coverage)} ({formatNumber(lang, h.followedUp)} /{" "}
                  {formatNumber(lang, h.eligible)})
                </span>
                <Definition text={t("def.coverage")} />
              </dd>
            </div>
            <div className="figure">
              <dt>{t("continuation.responseRate")}</dt>
              <dd>
                <span data-testid="headline-response-rate">
                  {model.response.rate == null
                    ? table("response").rows[0].note
                    : t("continuation.responseRateValue", {
                        rate: formatPercent(lang, model.response.rate),
                        answered: formatNumber(lang, model.response.answered),
                        sent: formatNumber(lang, model.response.sent),
                      })}
                </span>
                <a className="figure-link no-print" href="#h-response">
                  {t("table.response")}
                </a>
                <Definition text={t("def.response")} />
              </dd>
            </div>
            <div className="figure">
              <dt>{t("continuation.outOfDate")}</dt>
              <dd>
                <span data-testid="headline-out-of-date">
                  {t("continuation.outOfDateValue", {
                    count: h.outOfDate,
                    n: formatNumber(lang, h.outOfDate),
                    of: formatNumber(lang, h.followedUp),
                  })}
                </span>
                {h.outOfDate > 0 ? (
                  <Link
                    className="figure-link no-print"
                    to={`/${lang}/pilots?${new URLSearchParams({
                      ...Object.fromEntries(
                        Object.entries(filters)
                          // Out of date is counted at the reporting date, whatever the headline's horizon.
                          .filter(([k, v]) => v != null && k !== "horizon")
                          .map(([k, v]) => [k, String(v)]),
                      ),
                      counts: "outOfDate",
                      reportDate: model.reportDate,
                    })}`}
                  >
                    {t("showPilotsFor", { what: t("continuation.outOfDate") })}
                  </Link>
                ) : null}
                <Definition text={t("def.outOfDate")} />
              </dd>
            </div>
            <div className="figure">
              <dt>{t("continuation.reference")}</dt>
              <dd>
                {pct(REFERENCE_RATE)}
                <Definition text={t("def.reference")} />
              </dd>
            </div>
          </dl>
        ) : (
          <p className="notice" data-testid="headline-suppressed">
            {t(`continuation.${h.suppressed}`, {
              n: formatNumber(lang, h.followedUp),
              eligible: formatNumber(lang, h.eligible),
            })}
          </p>
        )}
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
        <TableSection table={table("by-year")} level={3} chart={<Chart chart={charts["by-year"]} />} />
        <TableSection table={table("by-region")} level={3} chart={<Chart chart={charts["by-region"]} />} />
        <TableSection table={table("by-programme")} level={3} />
        <TableSection table={table("by-phase")} level={3} />
        <TableSection table={table("by-targetGroup")} level={3} />
        <TableSection table={table("by-artForm")} level={3} />
        <TableSection table={table("by-municipality")} level={3} />
      </section>

      <section aria-labelledby="h-network" className="dash-section">
        <h2 id="h-network">{t("networkTitle")}</h2>
        <TableSection table={table("pilots-per-year")} level={3} chart={<Chart chart={charts["pilots-per-year"]} />} />
        <TableSection table={table("municipalities-per-region")} level={3} />
        <TableSection table={table("municipalities")} level={3} />
        <TableSection table={table("employment-totals")} level={3} />
        <TableSection table={table("employment")} level={3} />
        <TableSection table={table("funding-totals")} level={3} />
        <TableSection table={table("funding")} level={3} />
        <TableSection table={table("cooperation")} level={3} />
        <TableSection table={table("partners")} level={3} />
        <TableSection table={table("reach")} level={3} chart={<Chart chart={charts.reach} />} />
        <TableSection table={table("parity")} level={3} />
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
