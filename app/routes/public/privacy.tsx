import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { getI18n, isLang } from "~/i18n";
import { requireLang } from "~/utils/lang.server";

export async function loader({ params }: LoaderFunctionArgs) {
  requireLang(params);
  return null;
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("privacy.title") },
];

const SECTIONS = [
  "controller",
  "dpo",
  "purposes",
  "legalBasis",
  "categories",
  "public",
  "sources",
  "retention",
  "rights",
  "complaint",
] as const;

export default function Privacy() {
  const { t } = useTranslation();
  return (
    <div className="prose">
      <h1>{t("privacy.title")}</h1>
      <p>{t("privacy.intro")}</p>
      {SECTIONS.map((s) => (
        <section key={s}>
          <h2>{t(`privacy.${s}Title`)}</h2>
          <p>{t(`privacy.${s}`)}</p>
        </section>
      ))}
    </div>
  );
}
