import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { parityGaps } from "~db/queries/dashboard.server";
import { LocalizedText } from "~/components/localized-text";
import { getI18n, isLang } from "~/i18n";
import { requireLang } from "~/utils/lang.server";
import { can, requireUserWho } from "~/utils/permissions.server";
import { useLang } from "~/utils/use-lang";

/** For the council: published pilots and approved artists whose Swedish (or Finnish) content is missing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  await requireUserWho(request, lang, can.moderate);
  const missing = new URL(request.url).searchParams.get("missing") === "fi" ? "fi" : "sv";
  const db = await getDb();
  return { missing, ...(await parityGaps(db, missing)) };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("dashboard:parity.title") },
];

export default function Parity() {
  const { missing, pilots, artists } = useLoaderData<typeof loader>();
  const { t } = useTranslation("dashboard");
  const lang = useLang();
  const other = missing === "sv" ? "fi" : "sv";
  return (
    <div>
      <p className="breadcrumbs">
        <Link to={`/${lang}/dashboard`}>{t("title")}</Link>
      </p>
      <h1>{t(`parity.heading.${missing}`)}</h1>
      <p>
        <Link to={`?missing=${other}`}>{t(`parity.switch.${other}`)}</Link>
      </p>
      <h2>{t("parity.pilotsTitle", { count: pilots.length })}</h2>
      {pilots.length === 0 ? (
        <p className="empty">{t("parity.none")}</p>
      ) : (
        <ul>
          {pilots.map((p) => (
            <li key={p.id}>
              <Link to={`/${lang}/pilots/${p.id}`}>
                <LocalizedText value={p.title} />
              </Link>{" "}
              – {p.fields.map((f) => t(`parity.field.${f}`)).join(", ")}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("parity.artistsTitle", { count: artists.length })}</h2>
      {artists.length === 0 ? (
        <p className="empty">{t("parity.none")}</p>
      ) : (
        <ul>
          {artists.map((a) => (
            <li key={a.id}>
              <Link to={`/${lang}/artists/${a.id}`}>{a.name}</Link> – {t("parity.field.bio")}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
