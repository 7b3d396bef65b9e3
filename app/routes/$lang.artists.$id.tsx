import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { getPublicArtist } from "~db/queries/artists.server";
import { LocalizedText } from "~/components/localized-text";
import { getI18n, isLang } from "~/i18n";
import { formatMoney, formatNumber } from "~/utils/format";
import { requireId, requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { notFound } from "~/utils/permissions.server";
import { useLang } from "~/utils/use-lang";

export async function loader({ params }: LoaderFunctionArgs) {
  requireLang(params);
  const db = await getDb();
  const artist = await getPublicArtist(db, requireId(params.id));
  if (!artist) notFound();
  return { artist };
}

export const meta: MetaFunction<typeof loader> = ({ data, params }) => {
  const t = getI18n(isLang(params.lang) ? params.lang : "fi").t;
  return [{ title: `${data?.artist.name ?? ""} – ${t("serviceName")}` }];
};

export default function ArtistPage() {
  const { artist: a } = useLoaderData<typeof loader>();
  const { t } = useTranslation("artists");
  const lang = useLang();
  return (
    <article>
      <p className="breadcrumbs">
        <Link to={`/${lang}/artists`}>{t("list.title")}</Link>
      </p>
      <h1>{a.name}</h1>
      <p className="card-meta">{t(`kind.${a.kind}`)}</p>
      <LocalizedText value={a.bio} as="p" className="lead" emptyText={t("noBio")} />
      <dl className="facts">
        <dt>{t("artForms")}</dt>
        <dd>{a.artForms.map((f) => localizedString(f, lang)).join(", ")}</dd>
        <dt>{t("languages")}</dt>
        <dd>{a.languages.map((l) => t(`language.${l}`)).join(", ")}</dd>
        <dt>{t("area")}</dt>
        <dd>{[...a.regions, ...a.municipalities].map((m) => localizedString(m, lang)).join(", ")}</dd>
        {a.website ? (
          <>
            <dt>{t("website")}</dt>
            <dd>
              <a href={a.website} rel="noopener noreferrer">
                {a.website}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t("contact")}</dt>
        <dd>
          {a.contact ? (
            <>
              {a.contact.email ? <a href={`mailto:${a.contact.email}`}>{a.contact.email}</a> : null} {a.contact.phone}
            </>
          ) : (
            t("noContactConsent")
          )}
        </dd>
      </dl>
      <section aria-labelledby="services">
        <h2 id="services">{t("services")}</h2>
        {a.services.length === 0 ? (
          <p className="empty">{t("noServices")}</p>
        ) : (
          <ul className="card-list">
            {a.services.map((s) => (
              <li key={s.id} className="card">
                <LocalizedText value={s.title} as="h3" emptyText={t("untitled")} />
                <p className="card-meta">
                  {t(`format.${s.format}`)}
                  {s.durationMinutes ? ` · ${t("minutes", { n: s.durationMinutes })}` : ""}
                  {s.groupSizeMax ? ` · ${t("groupSize", { min: s.groupSizeMin ?? 1, max: s.groupSizeMax })}` : ""}
                  {" · "}
                  {s.priceOnRequest || s.priceFromCents == null
                    ? t("priceOnRequest")
                    : t("priceRange", { from: formatMoney(lang, s.priceFromCents, { whole: true }), to: formatMoney(lang, s.priceToCents ?? s.priceFromCents, { whole: true }) })}
                </p>
                <LocalizedText value={s.description} as="p" />
                {s.accessibility.fi || s.accessibility.sv ? (
                  <p>
                    {t("accessibility")}: <LocalizedText value={s.accessibility} />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="pilots">
        <h2 id="pilots">{t("pilots", { count: a.pilots.length })}</h2>
        {a.pilots.length === 0 ? (
          <p className="empty">{t("noPilots")}</p>
        ) : (
          <ul>
            {a.pilots.map((p) => (
              <li key={p.id}>
                <Link to={`/${lang}/pilots/${p.id}`}>
                  <LocalizedText value={p.title} />
                </Link>
                {p.days != null ? ` (${t("days", { n: formatNumber(lang, p.days, 1) })})` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
