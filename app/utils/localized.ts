import type { Localized } from "~shared/codes";
import type { Lang } from "~/i18n";

export type LocalizedText = {
  text: string;
  /** The language the text is actually in. */
  lang: Lang;
  /** True when the page's language was missing and the other language is shown. */
  fallback: boolean;
};

/** The value in the page's language, else the other language, marked as a fallback. */
export function localized(value: Localized | null | undefined, lang: Lang): LocalizedText | null {
  const own = value?.[lang]?.trim();
  if (own) return { text: own, lang, fallback: false };
  const otherLang: Lang = lang === "fi" ? "sv" : "fi";
  const other = value?.[otherLang]?.trim();
  if (other) return { text: other, lang: otherLang, fallback: true };
  return null;
}

/** Plain text in the page's language with fallback (for titles, sorting, exports). */
export function localizedString(value: Localized | null | undefined, lang: Lang) {
  return localized(value, lang)?.text ?? "";
}
