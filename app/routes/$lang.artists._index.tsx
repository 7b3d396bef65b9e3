import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { listArtists } from "~db/queries/artists.server";
import { LocalizedText } from "~/components/localized-text";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { getI18n, isLang } from "~/i18n";
import { formatNumber } from "~/utils/format";
import { requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { useLang } from "~/utils/use-lang";

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const db = await getDb();
  return listArtists(db, { page: pageFromUrl(new URL(request.url)) });
}

export const meta: MetaFunction = ({ params }) => [{ title: getI18n(isLang(params.lang) ? params.lang : "fi").t("artists:list.title") }];

export default function ArtistList() {
  const { rows, total, page, pageSize } = useLoaderData<typeof loader>();
  const { t } = useTranslation("artists");
  const lang = useLang();
  return (
    <div>
      <h1>{t("list.title")}</h1>
      <p role="status">{t("list.count", { count: total, formatted: formatNumber(lang, total) })}</p>
      {rows.length === 0 ? (
        <p className="empty">{t("list.empty")}</p>
      ) : (
        <ul className="card-grid">
          {rows.map((a) => (
            <li key={a.id} className="card">
              <h2 className="card-title">
                <Link to={`/${lang}/artists/${a.id}`}>{a.name}</Link>
              </h2>
              <p className="card-meta">{a.artForms.map((f) => localizedString(f, lang)).join(", ")}</p>
              <p className="card-meta">
                {t("languages")}: {a.languages.map((l) => t(`language.${l}`)).join(", ")}
                {a.regions.length ? ` · ${a.regions.map((r) => localizedString(r, lang)).join(", ")}` : ""}
              </p>
              <LocalizedText value={a.bio} as="p" className="one-line" />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
