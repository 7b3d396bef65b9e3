import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getI18n, LANGUAGES } from "~/i18n";
import { useLang } from "~/utils/use-lang";

function key(status: number) {
  return status === 403 || status === 404 || status === 401 || status === 429 ? String(status) : "500";
}

/** The message for an error status in the page's language, or in both when the URL has none. */
export function ErrorView({ status, bilingual = false }: { status: number; bilingual?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (bilingual) {
    return (
      <div className="error-page">
        {LANGUAGES.map((lang, i) => {
          const tl = getI18n(lang).getFixedT(lang);
          const Heading = i === 0 ? "h1" : "h2";
          return (
            <section key={lang} lang={lang}>
              <Heading>{tl(`errors.${key(status)}.title`)}</Heading>
              <p>{tl(`errors.${key(status)}.text`)}</p>
              <p>
                <Link to={`/${lang}`}>{tl("errors.home")}</Link>
              </p>
            </section>
          );
        })}
      </div>
    );
  }
  return (
    <div className="error-page">
      <h1>{t(`errors.${key(status)}.title`)}</h1>
      <p>{t(`errors.${key(status)}.text`)}</p>
      <p>
        <Link to={`/${lang}`}>{t("errors.home")}</Link>
      </p>
    </div>
  );
}
