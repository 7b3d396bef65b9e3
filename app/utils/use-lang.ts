import { useParams } from "@remix-run/react";
import { DEFAULT_LANG, isLang, type Lang } from "~/i18n";

/** The language of the current URL. */
export function useLang(): Lang {
  const { lang } = useParams();
  return isLang(lang) ? lang : DEFAULT_LANG;
}
