import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import { getI18n, isLang } from "~/i18n";
import reportHref from "~/styles/report.css?url";
import type { DashTable } from "~/utils/dashboard-types";
import { cssString } from "~/utils/css";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "~/utils/format";
import { type ReportTableId, reportFromRequest } from "~/utils/report-model.server";
import { survivalSvg } from "~/utils/survival-svg";
import { rateNote } from "~/utils/rate-note";
import { useLang } from "~/utils/use-lang";
import { PilotList } from "./report-pilots";
import { SurvivalComparison } from "./survival-compare";

/** The dashboard as a report for A4 paper (docs/decisions/114): same filters, reporting date and scope. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const report = await reportFromRequest(request, params);
  const t = getI18n(report.lang).getFixedT(report.lang, "report");
  const pct = (v: number) => formatPercent(report.lang, v, 0);
  // The chart is drawn here, on the server, from the same steps as its table.
  const chart = report.curve.length
    ? survivalSvg(report.curve, {
        title: t("curveTitle"),
        description: t("curve.description"),
        xAxis: t("curve.xAxis"),
        yAxis: t("curve.yAxis"),
        curve: t("curve.line"),
        interval: t("curve.interval"),
        reference: t("curve.reference"),
        censored: t("curve.censored"),
        percent: pct,
        number: (n) => formatNumber(report.lang, n),
      })
    : null;
  return { report, chart };
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportHref }];

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("report:title") },
];

function ReportTable({ table, level = 3 }: { table: DashTable; level?: 3 | 4 }) {
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <section className="report-table" aria-labelledby={`rt-${table.id}`}>
      <Heading id={`rt-${table.id}`}>{table.title}</Heading>
      <DataTable table={table} caption={false} />
    </section>
  );
}

export default function Report() {
  const { report, chart } = useLoaderData<typeof loader>();
  const { t } = useTranslation("report");
  const { t: td } = useTranslation("dashboard");
  const lang = useLang();
  const model = report.dashboard;
  const h = model.headline;
  const table = (id: ReportTableId) => report.tables[id];
  const pct = (v: number | null | undefined) => formatPercent(lang, v);
  // The footer of every printed page: the report's title and the page number (CSS margin boxes).
  const pageCss = `@page { @bottom-left { content: ${cssString(report.title)}; } }`;
  return (
    <article className="report" lang={lang}>
      {/* Raw text: React would write the title's quotes as &quot;, which a <style> does not decode, and
          the client's render would then differ from the server's. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: cssString escapes <, >, & and quotes */}
      <style dangerouslySetInnerHTML={{ __html: pageCss }} />
      <p className="no-print report-tools">
        <Link to={`/${lang}/dashboard?${report.query}`}>{t("backToDashboard")}</Link>
        {" · "}
        <a href={`/${lang}/dashboard/report.docx?${report.query}`} download>
          {t("downloadDocx")}
        </a>
      </p>
      <p className="no-print report-hint">{t("printHint")}</p>

      <header className="report-header">
        <h1>{report.title}</h1>
        <p>{t("intro")}</p>
        <dl className="report-meta" aria-label={t("about")}>
          <div>
            <dt>{t("reportDate")}</dt>
            <dd data-testid="report-date">{formatDate(lang, model.reportDate)}</dd>
          </div>
          <div>
            <dt>{t("scope")}</dt>
            <dd>{model.internal ? td("scopeInternal") : td("scopePublic")}</dd>
          </div>
          <div>
            <dt>{t("filters")}</dt>
            <dd data-testid="report-filters">
              {report.filters.length ? report.filters.map((f) => `${f.label}: ${f.value}`).join("; ") : t("noFilters")}
            </dd>
          </div>
          <div>
            <dt>{t("dataTimestamp")}</dt>
            <dd>{report.dataTimestamp ? formatDateTime(lang, report.dataTimestamp) : t("noTimestamp")}</dd>
          </div>
          <div>
            <dt>{t("fingerprint")}</dt>
            <dd>
              <code data-testid="report-fingerprint">{report.fingerprint}</code>
            </dd>
          </div>
        </dl>
      </header>

      <section aria-labelledby="r-headline" className="report-section">
        <h2 id="r-headline">{t("headlineTitle")}</h2>
        {!h.suppressed ? (
          <dl className="report-figures">
            <div className="report-figure report-figure-primary">
              <dt>{td("continuation.rate")}</dt>
              <dd>
                <span className="report-figure-value" data-testid="report-rate">
                  {pct(h.rate)}
                </span>
                <span>{rateNote(td, lang, h)}</span>
              </dd>
            </div>
            <div className="report-figure">
              <dt>{td("continuation.n")}</dt>
              <dd data-testid="report-n">{formatNumber(lang, h.followedUp)}</dd>
            </div>
            <div className="report-figure">
              <dt>{td("continuation.interval")}</dt>
              <dd>
                {pct(h.interval?.low)}–{pct(h.interval?.high)}
              </dd>
            </div>
            <div className="report-figure">
              <dt>{td("continuation.coverage")}</dt>
              <dd data-testid="report-coverage">
                {pct(h.coverage)} ({formatNumber(lang, h.followedUp)} / {formatNumber(lang, h.eligible)})
              </dd>
            </div>
            <div className="report-figure">
              <dt>{td("continuation.fully")}</dt>
              <dd>{pct(h.fullRate)}</dd>
            </div>
            <div className="report-figure">
              <dt>{td("continuation.outOfDate")}</dt>
              <dd>
                {td("continuation.outOfDateValue", {
                  count: h.outOfDate,
                  n: formatNumber(lang, h.outOfDate),
                  of: formatNumber(lang, h.followedUp),
                })}
              </dd>
            </div>
          </dl>
        ) : (
          <p className="notice" data-testid="report-suppressed">
            {td(`continuation.${h.suppressed}`, {
              n: formatNumber(lang, h.followedUp),
              eligible: formatNumber(lang, h.eligible),
            })}
          </p>
        )}
        <ReportTable table={table("continuation")} />
      </section>

      <section aria-labelledby="r-horizons" className="report-section">
        <h2 id="r-horizons">{t("horizonsTitle")}</h2>
        <DataTable table={table("horizons")} caption={false} />
      </section>

      <section aria-labelledby="r-survival" className="report-section">
        <h2 id="r-survival">{t("survivalTitle")}</h2>
        {chart ? (
          <figure className="report-figure-chart">
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG is built on the server from numbers and escaped locale strings (survival-svg.ts) */}
            <div className="report-chart" dangerouslySetInnerHTML={{ __html: chart }} />
            <figcaption>{t("curve.description")}</figcaption>
          </figure>
        ) : (
          <p className="notice">{t("curve.none")}</p>
        )}
        <ReportTable table={table("survival")} />
        <ReportTable table={table("survival-summary")} />
        {report.comparison ? (
          <section aria-labelledby="r-compare" className="report-table">
            <h3 id="r-compare">{td("compare.title")}</h3>
            <SurvivalComparison
              comparison={report.comparison}
              Table={({ table: x }) => <ReportTable table={x} level={4} />}
            />
          </section>
        ) : null}
      </section>

      <section aria-labelledby="r-cuts" className="report-section">
        <h2 id="r-cuts">{t("cutsTitle")}</h2>
        {(
          [
            "by-programme",
            "by-phase",
            "by-region",
            "by-municipality",
            "by-targetGroup",
            "by-artForm",
            "by-year",
          ] as const
        ).map((id) => (
          <ReportTable key={id} table={table(id)} />
        ))}
      </section>

      <section aria-labelledby="r-employment" className="report-section">
        <h2 id="r-employment">{t("employmentTitle")}</h2>
        <ReportTable table={table("employment-totals")} />
        <ReportTable table={table("employment")} />
      </section>

      <section aria-labelledby="r-funding" className="report-section">
        <h2 id="r-funding">{t("fundingTitle")}</h2>
        <ReportTable table={table("funding-totals")} />
        <ReportTable table={report.fundingShares} />
        <ReportTable table={table("funding")} />
      </section>

      <section aria-labelledby="r-pilots" className="report-section">
        <h2 id="r-pilots">{t("pilotsTitle")}</h2>
        <PilotList table={report.pilots} links={report.pilotLinks} />
      </section>

      <section aria-labelledby="r-definitions" className="report-section report-definitions">
        <h2 id="r-definitions">{t("definitionsTitle")}</h2>
        <dl>
          {report.definitions.map((d) => (
            <div key={d.text} className="report-definition">
              <dt>{d.term}</dt>
              <dd>{d.text}</dd>
            </div>
          ))}
        </dl>
      </section>

      <footer className="report-footer">
        <p>
          {report.title} · {t("reportDate")} {formatDate(lang, model.reportDate)} · {t("fingerprint")}{" "}
          {report.fingerprint}
        </p>
      </footer>
    </article>
  );
}
