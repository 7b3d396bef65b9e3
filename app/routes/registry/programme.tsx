import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { getProgramme, programmeFigures, programmePilots } from "~db/queries/programmes.server";
import { DataTable } from "~/components/data-table";
import { LocalizedText } from "~/components/localized-text";
import { getI18n, isLang } from "~/i18n";
import { formatDate, formatMoney, formatNumber, formatPercent, sortedByName } from "~/utils/format";
import { requireId, requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { figuresVisibility, notFound, pilotVisibility } from "~/utils/permissions.server";
import { getUser } from "~/utils/session.server";
import type { DashTable } from "~/utils/dashboard-types";
import { rateNote } from "~/utils/rate-note";
import { useLang } from "~/utils/use-lang";
import { todayIso } from "~shared/dates";
import type { Localized } from "~shared/codes";

/** At most this many pilots are listed on the page; the registry lists them all. */
const PILOT_LIMIT = 200;

/**
 * A programme: its organisations, its phases with the funders of each, its pilots the viewer may see
 * and figures over them (the public: published pilots only, like the dashboard).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const id = requireId(params.id);
  const db = await getDb();
  const programme = await getProgramme(db, id);
  if (!programme) notFound();
  const user = await getUser(request);
  const reportDate = todayIso();
  const [pilots, figures] = await Promise.all([
    programmePilots(db, id, await pilotVisibility(user, db), PILOT_LIMIT + 1),
    programmeFigures(db, id, reportDate, figuresVisibility(user)),
  ]);
  return {
    programme,
    pilots: pilots.slice(0, PILOT_LIMIT),
    more: pilots.length > PILOT_LIMIT,
    figures,
    reportDate,
    title: localizedString(programme.name, lang),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, params }) => {
  const t = getI18n(isLang(params.lang) ? params.lang : "fi").t;
  return [{ title: `${data?.title || t("pilots:programmePage.untitled")} – ${t("serviceName")}` }];
};

export default function ProgrammePage() {
  const { programme: pr, pilots, more, figures: f, reportDate } = useLoaderData<typeof loader>();
  const { t } = useTranslation("pilots");
  const lang = useLang();
  const c = f.continuation;
  const period = (start: string | null, end: string | null) =>
    start || end ? `${start ? formatDate(lang, start) : "…"}–${end ? formatDate(lang, end) : "…"}` : "";
  const byName = <T extends { name: Localized }>(xs: T[]) =>
    sortedByName(lang, xs, (x) => localizedString(x.name, lang));
  const orgs = (role: "implementer" | "partner" | "funder") => byName(pr.organisations.filter((o) => o.role === role));
  const phaseName = new Map(pr.phases.map((ph) => [ph.id, localizedString(ph.name, lang)]));
  const listLink = (extra = "") => `/${lang}/pilots?programme=${encodeURIComponent(pr.code)}${extra}`;
  const phases: DashTable = {
    id: "programme-phases",
    title: t("programmePage.phasesTitle"),
    definition: "",
    columns: [
      { key: "phase", label: t("programmePage.col.phase"), kind: "text" },
      { key: "period", label: t("programmePage.col.period"), kind: "text" },
      { key: "funders", label: t("programmePage.col.funders"), kind: "text" },
      { key: "pilots", label: t("programmePage.col.pilots"), kind: "int" },
    ],
    rows: pr.phases.map((ph) => ({
      phase: localizedString(ph.name, lang) || ph.code,
      period: period(ph.startDate, ph.endDate),
      funders: byName(ph.funders)
        .map((x) =>
          x.amountCents == null
            ? localizedString(x.name, lang)
            : `${localizedString(x.name, lang)} (${formatMoney(lang, x.amountCents, { whole: true })})`,
        )
        .join(", "),
      pilots: f.perPhase[String(ph.id)] ?? 0,
    })),
    links: pr.phases.map((ph) => listLink(`&phase=${ph.id}`)),
  };
  return (
    <article className="programme">
      <p className="breadcrumbs">
        <Link to={`/${lang}/pilots`}>{t("list.title")}</Link>
      </p>
      <LocalizedText value={pr.name} as="h1" emptyText={t("programmePage.untitled")} />
      <LocalizedText value={pr.description} as="p" className="lead" />
      <dl className="facts">
        <dt>{t("programmePage.period")}</dt>
        <dd>{period(pr.startDate, pr.endDate) || t("notRecorded")}</dd>
        {(["implementer", "partner", "funder"] as const).map((role) =>
          orgs(role).length ? (
            <Fragment key={role}>
              <dt>{t(`programmePage.role.${role}`)}</dt>
              <dd>
                {orgs(role).map((o, i) => (
                  <span key={o.id}>
                    {i > 0 ? ", " : ""}
                    <LocalizedText value={o.name} />
                  </span>
                ))}
              </dd>
            </Fragment>
          ) : null,
        )}
      </dl>

      <section aria-labelledby="programme-figures" className="detail-section">
        <h2 id="programme-figures">{t("programmePage.figuresTitle")}</h2>
        <dl className="figures">
          <div className="figure figure-primary">
            <dt>{t("common:home.continuationRate")}</dt>
            <dd>
              {!c.suppressed ? (
                <>
                  <span className="figure-value" data-testid="programme-rate">
                    {formatPercent(lang, c.rate)}
                  </span>
                  <span className="figure-note">{rateNote(t, lang, c)}</span>
                </>
              ) : (
                <span className="figure-note">
                  {t(`common:home.${c.suppressed}`, { n: formatNumber(lang, c.followedUp) })}
                </span>
              )}
            </dd>
          </div>
          <div className="figure">
            <dt>{t("programmePage.figure.pilots")}</dt>
            <dd className="figure-value" data-testid="programme-pilots">
              {formatNumber(lang, f.pilots)}
            </dd>
          </div>
          <div className="figure">
            <dt>{t("programmePage.figure.municipalities")}</dt>
            <dd className="figure-value">{formatNumber(lang, f.municipalities)}</dd>
          </div>
          <div className="figure">
            <dt>{t("programmePage.figure.funding")}</dt>
            <dd className="figure-value">{formatMoney(lang, f.funding, { whole: true })}</dd>
          </div>
          <div className="figure">
            <dt>{t("programmePage.figure.participants")}</dt>
            <dd className="figure-value">{formatNumber(lang, f.participants)}</dd>
          </div>
          <div className="figure">
            <dt>{t("programmePage.figure.artists")}</dt>
            <dd className="figure-value">{formatNumber(lang, f.artists)}</dd>
          </div>
        </dl>
        <p className="hint">{t("programmePage.figuresNote", { date: formatDate(lang, reportDate) })}</p>
        <p>
          <Link to={`/${lang}/dashboard?programme=${encodeURIComponent(pr.code)}`}>
            {t("programmePage.toDashboard")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="programme-phases" className="detail-section">
        <h2 id="programme-phases">{t("programmePage.phasesTitle")}</h2>
        {pr.phases.length ? (
          <DataTable table={phases} caption={false} />
        ) : (
          <p className="empty">{t("programmePage.noPhases")}</p>
        )}
      </section>

      <section aria-labelledby="programme-pilots" className="detail-section">
        <h2 id="programme-pilots">{t("programmePage.pilotsTitle", { count: f.pilots })}</h2>
        {pilots.length ? (
          <ul className="programme-pilots">
            {pilots.map((p) => (
              <li key={p.id}>
                <Link to={`/${lang}/pilots/${p.id}`}>
                  <LocalizedText value={p.title} emptyText={t("untitled")} />
                </Link>
                {p.state !== "published" ? (
                  <>
                    {" "}
                    <span className={`badge badge-${p.state}`}>{t(`state.${p.state}`)}</span>
                  </>
                ) : null}
                <span className="muted">
                  {[
                    p.lead ? localizedString(p.lead, lang) : null,
                    period(p.startDate, p.endDate),
                    p.phaseId != null ? phaseName.get(p.phaseId) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("programmePage.noPilots")}</p>
        )}
        {more ? <p>{t("programmePage.more", { n: pilots.length })}</p> : null}
        <p>
          <Link to={listLink()}>{t("programmePage.allPilots")}</Link>
        </p>
      </section>
    </article>
  );
}
