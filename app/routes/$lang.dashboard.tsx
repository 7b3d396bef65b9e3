import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { sql } from "drizzle-orm";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { queryRows } from "~db/connect";
import { continuationCounts, summarize } from "~db/queries/continuation.server";
import { SimpleBarChart } from "~/components/bar-chart";
import { getI18n, isLang } from "~/i18n";
import { todayIso } from "~/utils/dates";
import { formatNumber, formatPercent } from "~/utils/format";
import { requireLang } from "~/utils/lang.server";
import { isCouncil } from "~/utils/permissions.server";
import { getUser } from "~/utils/session.server";
import { MIN_ELIGIBLE_FOR_RATE, REFERENCE_RATE } from "~/utils/stats";
import { useLang } from "~/utils/use-lang";

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const user = await getUser(request);
  const db = await getDb();
  const reportDate = todayIso();
  // Anonymous visitors: figures from published pilots only; council and admin: all.
  const scope = isCouncil(user) ? sql`true` : sql`p.state = 'published'`;
  const [counts, perYear] = await Promise.all([
    continuationCounts(db, { reportDate, where: scope }),
    queryRows<{ year: number; pilots: number }>(
      db,
      sql`select extract(year from coalesce(p.start_date, p.end_date))::int as year, count(*)::int as pilots
          from pilots p where ${scope} and coalesce(p.start_date, p.end_date) is not null group by 1 order by 1`,
    ),
  ]);
  return { reportDate, continuation: summarize(counts), perYear, internal: isCouncil(user) };
}

export const meta: MetaFunction = ({ params }) => [{ title: getI18n(isLang(params.lang) ? params.lang : "fi").t("dashboard:title") }];

export default function Dashboard() {
  const { continuation: c, perYear } = useLoaderData<typeof loader>();
  const { t } = useTranslation("dashboard");
  const lang = useLang();
  const meaningful = c.eligible >= MIN_ELIGIBLE_FOR_RATE && c.rate != null;
  return (
    <div>
      <h1>{t("title")}</h1>
      <section aria-labelledby="headline">
        <h2 id="headline">{t("continuation.title")}</h2>
        {meaningful ? (
          <dl className="figures">
            <div className="figure figure-primary">
              <dt>{t("continuation.rate")}</dt>
              <dd className="figure-value">{formatPercent(lang, c.rate)}</dd>
            </div>
            <div className="figure">
              <dt>{t("continuation.interval")}</dt>
              <dd>
                {formatPercent(lang, c.interval?.low)}–{formatPercent(lang, c.interval?.high)}
              </dd>
            </div>
            <div className="figure">
              <dt>{t("continuation.n")}</dt>
              <dd>{formatNumber(lang, c.followedUp)}</dd>
            </div>
            <div className="figure">
              <dt>{t("continuation.fully")}</dt>
              <dd>{formatPercent(lang, c.fullRate)}</dd>
            </div>
            <div className="figure">
              <dt>{t("continuation.coverage")}</dt>
              <dd>
                {formatPercent(lang, c.coverage)} ({formatNumber(lang, c.followedUp)} / {formatNumber(lang, c.eligible)})
              </dd>
            </div>
            <div className="figure">
              <dt>{t("continuation.reference")}</dt>
              <dd>{formatPercent(lang, REFERENCE_RATE, 0)}</dd>
            </div>
          </dl>
        ) : (
          <p>{t("continuation.notMeaningful", { n: c.eligible })}</p>
        )}
      </section>
      <section aria-labelledby="per-year">
        <h2 id="per-year">{t("perYear.title")}</h2>
        <SimpleBarChart data={perYear.map((r) => ({ label: String(r.year), value: r.pilots }))} valueLabel={t("perYear.pilots")} />
        <table>
          <caption>{t("perYear.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("perYear.year")}</th>
              <th scope="col" className="num">
                {t("perYear.pilots")}
              </th>
            </tr>
          </thead>
          <tbody>
            {perYear.map((r) => (
              <tr key={r.year}>
                <th scope="row">{r.year}</th>
                <td className="num">{formatNumber(lang, r.pilots)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
