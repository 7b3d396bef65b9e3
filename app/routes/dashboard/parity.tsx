import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getI18n, isLang } from "~/i18n";
import { formatDate } from "~/utils/format";
import { gapName, gapPath, parityGapsFromRequest } from "~/utils/parity-gaps.server";
import { useLang } from "~/utils/use-lang";

/**
 * For the council: what lacks Swedish (or Finnish) — pilots with their good-practice card, services
 * and artists whose text exists in one language and not the other — with the dashboard's filters and
 * reporting date, and its CSV export.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, missing, gaps, model } = await parityGapsFromRequest(request, params);
  const items = gaps.map((g) => ({
    kind: g.kind,
    id: g.id,
    name: gapName(lang, g),
    path: gapPath(lang, g),
    fields: g.fields,
  }));
  return { missing, items, applied: model.applied, reportDate: model.reportDate };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("dashboard:parity.title") },
];

export default function Parity() {
  const { missing, items, applied, reportDate } = useLoaderData<typeof loader>();
  const { t } = useTranslation("dashboard");
  const lang = useLang();
  const location = useLocation();
  const other = missing === "sv" ? "fi" : "sv";
  const withMissing = (m: string) => {
    const params = new URLSearchParams(location.search);
    params.set("missing", m);
    return params.toString();
  };
  const scope = [
    `${t("filters.reportDate")}: ${formatDate(lang, reportDate)}`,
    ...(applied.length ? applied.map((f) => `${f.label}: ${f.value}`) : [t("filters.none")]),
  ].join("; ");
  const groups = [
    { kind: "pilot", title: "parity.pilotsInScope" },
    { kind: "service", title: "parity.servicesTitle" },
    { kind: "artist", title: "parity.artistsTitle" },
  ] as const;
  return (
    <div>
      <p className="breadcrumbs">
        <Link to={`/${lang}/dashboard${location.search}`}>{t("title")}</Link>
      </p>
      <h1>{t(`parity.heading.${missing}`)}</h1>
      <p>{t("parity.scopeNote", { filters: scope })}</p>
      <p>
        <a href={`/${lang}/dashboard/parity.csv?${withMissing(missing)}`} download data-testid="parity-export">
          {t(`parity.export.${missing}`)}
        </a>
      </p>
      <p>
        <Link to={`?${withMissing(other)}`}>{t(`parity.switch.${other}`)}</Link>
      </p>
      {groups.map(({ kind, title }) => {
        const rows = items.filter((i) => i.kind === kind);
        return (
          <section key={kind} aria-labelledby={`gaps-${kind}`}>
            <h2 id={`gaps-${kind}`}>{t(title, { count: rows.length })}</h2>
            {rows.length === 0 ? (
              <p className="empty">{t("parity.none")}</p>
            ) : (
              <ul>
                {rows.map((r) => (
                  <li key={r.id}>
                    <Link to={r.path}>{r.name}</Link> – {r.fields.map((f) => t(`parity.field.${f}`)).join(", ")}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
