import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { cached } from "~db/data-cache.server";
import { homeFigures } from "~db/queries/dashboard.server";
import { requireLang } from "~/utils/lang.server";
import { getUser } from "~/utils/session.server";
import { figuresScope, figuresVisibility } from "~/utils/permissions.server";
import { formatNumber, formatPercent } from "~/utils/format";
import { rateNote } from "~/utils/rate-note";
import { getI18n, isLang } from "~/i18n";
import { todayIso } from "~shared/dates";

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const user = await getUser(request);
  const db = await getDb();
  // Anonymous visitors see figures computed from published pilots only.
  const published = figuresVisibility(user);
  const today = todayIso();
  // Cached under the data generation like the dashboard's figures (docs/decisions/043).
  return cached(db, JSON.stringify(["home", figuresScope(user), today]), () => homeFigures(db, today, published));
}

export const meta: MetaFunction = ({ params }) => {
  const lang = isLang(params.lang) ? params.lang : "fi";
  return [{ title: getI18n(lang).t("serviceName") }];
};

export default function Home() {
  const { continuation: c, figures } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as "fi" | "sv";
  return (
    <div className="home">
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <section aria-labelledby="headline-figures">
        <h2 id="headline-figures">{t("home.figuresTitle")}</h2>
        <dl className="figures">
          <div className="figure figure-primary">
            <dt>{t("home.continuationRate")}</dt>
            <dd>
              {!c.suppressed ? (
                <>
                  <span className="figure-value">{formatPercent(lang, c.rate)}</span>
                  <span className="figure-note">{rateNote(t, lang, c)}</span>
                </>
              ) : (
                <span className="figure-note" data-testid="home-rate-suppressed">
                  {t(`home.${c.suppressed}`, {
                    n: formatNumber(lang, c.followedUp),
                    eligible: formatNumber(lang, c.eligible),
                  })}
                </span>
              )}
            </dd>
          </div>
          <div className="figure">
            <dt>{t("home.pilots")}</dt>
            <dd className="figure-value">{formatNumber(lang, figures.pilots)}</dd>
          </div>
          <div className="figure">
            <dt>{t("home.municipalities")}</dt>
            <dd className="figure-value">{formatNumber(lang, figures.municipalities)}</dd>
          </div>
          <div className="figure">
            <dt>{t("home.artists")}</dt>
            <dd className="figure-value">{formatNumber(lang, figures.artists)}</dd>
          </div>
        </dl>
        <p>
          <Link to={`/${lang}/dashboard`}>{t("home.toDashboard")}</Link>
        </p>
      </section>
      <section aria-labelledby="what-is">
        <h2 id="what-is">{t("home.whatTitle")}</h2>
        <p>{t("home.what1")}</p>
        <p>{t("home.what2")}</p>
        <ul className="link-list">
          <li>
            <Link to={`/${lang}/pilots`}>{t("home.browsePilots")}</Link>
          </li>
          <li>
            <Link to={`/${lang}/artists`}>{t("home.browseArtists")}</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
